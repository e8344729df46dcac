package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * An embedded-Derby installation moved to PostgreSQL as docs/operations.md has it: a PostgreSQL
 * server with the role and database (the cluster script's {@code db}), {@code yizhan:database-copy}
 * at the console with the target's settings in a file, then bin/stop, that file as the data
 * source's, bin/start — and every case, history chain, account and window switch is there.
 */
public class DatabaseCopyIT {

    private static final int PORT = 28193;
    private static final int PG_BASE = 28960;

    private final Path dir = Path.of(System.getProperty("project.build.directory", "target"), "copy-it-cluster");

    private void script(String command) throws Exception {
        Process p = ClusterScript.command(dir, PG_BASE, command).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("cluster.sh " + command + " failed:\n" + out);
        }
    }

    @Test
    public void aDerbyInstallationMovesToPostgresql_withEveryCaseChainAndSetting() throws Exception {
        script("clean");
        try (Distribution karaf = Distribution.running("copy-it", PORT, 28113, Map.of("demoHistoryDays", "3"))) {
            script("db");
            Postgres pg = ClusterScript.postgres(dir, PG_BASE);
            Path log = karaf.home().resolve("data/log/karaf.log");
            Api.until("the demo county's history is made", Duration.ofMinutes(4), () -> Files.readString(log).contains("Demo history ready"));
            Api api = new Api(karaf.baseUrl());
            // a setting and an account of the county's own, beside the demo's
            assertTrue(karaf.console("admin", "demo", "yizhan:window-enable T1 tea-industry").contains("enabled 已开启"));
            assertTrue(karaf.console("admin", "demo", "yizhan:staff-add -c T2 -r clerk -w civil-affairs clerk-T2-moved 迁移测试")
                    .contains("clerk-T2-moved created"));

            // the target's settings in a file outside etc/ (a data source file there would be a second data source at once)
            String settings = "osgi.jdbc.driver.name = PostgreSQL JDBC Driver\n"
                    + "url = jdbc:postgresql://127.0.0.1:" + (PG_BASE + 1) + "/yizhan\n"
                    + "user = yizhan\npassword = yizhan-db\ndataSourceName = yizhan\npool = dbcp2\n";
            Path inEtc = karaf.home().resolve("etc/yizhan-postgresql.cfg.txt");
            Files.writeString(inEtc, settings);
            String refused = karaf.console("admin", "demo", "yizhan:database-copy " + inEtc);
            assertTrue(refused, refused.contains("outside etc/"));
            Files.delete(inEtc);
            Path file = karaf.home().resolveSibling("copy-it-postgresql.cfg");
            Files.writeString(file, settings);

            List<String> before = Snapshot.of(api);
            String copied = karaf.console("admin", "demo", "yizhan:database-copy " + file);
            System.out.println(copied);
            assertTrue(copied, copied.contains("counts match on both sides"));
            long cases = before.stream().filter(l -> l.startsWith("case ")).count();
            assertTrue(copied, copied.matches("(?s).*YZ_CASE +" + cases + " rows.*"));
            assertEquals(List.of(Long.toString(cases)), pg.query("yizhan", "SELECT count(*) FROM yz_case"));
            // a second copy into the same database is refused and changes nothing
            String again = karaf.console("admin", "demo", "yizhan:database-copy " + file);
            assertTrue(again, again.contains("already holds the platform's data"));
            assertEquals(List.of(Long.toString(cases)), pg.query("yizhan", "SELECT count(*) FROM yz_case"));
            assertFalse("no password in the console's answers", copied.contains("yizhan-db") || again.contains("yizhan-db"));

            // the switch: stop, the file as the data source's, start
            karaf.stop();
            Files.copy(file, karaf.home().resolve("etc/org.ops4j.datasource-yizhan.cfg"), StandardCopyOption.REPLACE_EXISTING);
            karaf.start();
            karaf.awaitHealthUp(Duration.ofSeconds(180));
            Api.until("the platform answers on PostgreSQL", Duration.ofMinutes(2),
                    () -> api.get("/cases?size=1", "admin").status() == 200 && Files.readString(log).contains("Database is PostgreSQL"));
            assertEquals("every case, chain, account and window as on Derby", before, Snapshot.of(api));
            Api.Answer audit = api.get("/audit/verify", "admin");
            assertEquals(audit.toString(), "true", audit.text("valid"));
            assertTrue("the move is in the audit log", api.get("/audit?kind=DATABASE_COPY", "admin").body().get("total").asInt() == 1);

            // and it works on: a case, and a ledger entry whose key continues after the copied ones
            Api.Answer created = api.post("/cases", "clerk-T1", Api.newCase("MZ-001", 11, Api.residentId(91),
                    "id-card", "household-register", "income-proof", "property-statement"));
            assertEquals(created.toString(), 201, created.status());
            assertEquals(200, api.post("/centers/111/ledger", "agent-T1V1", "{\"visitorName\":\"迁移后\",\"itemCode\":\"SN-002\",\"note\":\"moved\"}").status());
            assertEquals("no ERROR in PostgreSQL's log", List.of(), pg.errors());
        } finally {
            script("clean");
        }
    }
}
