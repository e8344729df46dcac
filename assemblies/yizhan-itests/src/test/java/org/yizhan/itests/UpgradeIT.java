package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;


/**
 * Upgrading keeps every case: this release started on an embedded Derby database written by the
 * previous release (0.1, whose schema OpenJPA built; src/test/resources/upgrade/release-0.1, with
 * how it was made) brings the schema to its version with its migrations and finds every case,
 * history chain, account and window switch as that release left them.
 */
public class UpgradeIT {

    private static final int PORT = 28191;
    private static final Path RELEASE_01 = Path.of("src/test/resources/upgrade/release-0.1");
    /** {@code case <number> <status> ... history=<valid>/<events>}: the events may have grown since (R14), the rest not. */
    private static final Pattern HISTORY = Pattern.compile("^(case .* history=)(true|false)/(\\d+)$");

    @Test
    public void thePreviousReleasesDatabase_isMigrated_andKeepsEveryCaseChainAndSetting() throws Exception {
        try (Distribution karaf = Distribution.unpack("upgrade-it", PORT, 28111)) {
            // the operator's upgrade (docs/operations.md): the new release, the old data folder and chain key
            karaf.setConfig("org.yizhan.platform.cfg", "demo", "false");
            Path data = Files.createDirectories(karaf.home().resolve("data/yizhan"));
            Distribution.run(List.of("tar", "xzf", RELEASE_01.resolve("derby.tar.gz").toAbsolutePath().toString(), "-C", data.toString()),
                    data, Duration.ofMinutes(1));
            Path key = karaf.home().resolve("etc/yizhan-chain.key");
            Files.copy(RELEASE_01.resolve("yizhan-chain.key"), key, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));

            karaf.start();
            karaf.awaitHealthUp(Duration.ofSeconds(180));
            Path log = karaf.home().resolve("data/log/karaf.log");
            List<String> migrated = Files.readAllLines(log).stream().filter(l -> l.contains("Database schema: ")).toList();
            assertEquals("one migration at the first start: " + migrated, 1, migrated.size());
            // step 1 (release 0.1's schema) is only recorded, step 2 (the inbox's purge index) is applied
            assertTrue(migrated.get(0), migrated.get(0).contains("2 step(s) applied"));

            Api api = new Api(karaf.baseUrl());
            List<String> expected = Files.readAllLines(RELEASE_01.resolve("expected.txt"));
            List<String> found = Snapshot.of(api);
            assertEquals("as many lines (cases, accounts, windows) as release 0.1 left", expected.size(), found.size());
            for (int i = 0; i < expected.size(); i++) {
                Matcher before = HISTORY.matcher(expected.get(i));
                Matcher after = HISTORY.matcher(found.get(i));
                if (before.matches()) {
                    assertTrue(found.get(i), after.matches());
                    assertEquals(before.group(1), after.group(1));
                    assertEquals("the history verifies under the old key: " + found.get(i), "true", after.group(2));
                    assertTrue("no event lost: " + found.get(i), Integer.parseInt(after.group(3)) >= Integer.parseInt(before.group(3)));
                } else {
                    assertEquals(expected.get(i), found.get(i));
                }
            }
            Api.Answer audit = api.get("/audit/verify", "admin");
            assertEquals(audit.toString(), "true", audit.text("valid"));

            // and the upgraded installation works on: a new case at 柳河镇, its history sealed and verified
            Api.Answer created = api.post("/cases", "clerk-T1", Api.newCase("MZ-001", 11, Api.residentId(71),
                    "id-card", "household-register", "income-proof", "property-statement"));
            assertEquals(created.toString(), 201, created.status());
            Api.Answer verified = api.get("/cases/" + created.text("number") + "/history/verify", "clerk-T1");
            assertEquals(verified.toString(), "true", verified.text("valid"));

            // a second start finds nothing left to apply
            karaf.stop();
            karaf.start();
            karaf.awaitHealthUp(Duration.ofSeconds(180));
            long migrations = Files.readAllLines(log).stream().filter(l -> l.contains("Database schema: ")).count();
            assertEquals("no step applied twice", 1, migrations);
            long before = expected.stream().filter(l -> l.startsWith("case ")).count();
            assertEquals("release 0.1's cases and the new one", before + 1, api.get("/cases?size=200", "admin").body().get("total").asLong());
        }
    }
}
