package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

/**
 * Two Karaf nodes, each its own process with its own ports and etc/, on one PostgreSQL database
 * (Debian's server, started by the test), set up as docs/operations.md says: the data source
 * settings and nothing else. Started together in demo mode they make the demo county once; a
 * window switched or an account deactivated on one node takes effect on the other within a second
 * (PostgreSQL's NOTIFY, not the caches' ten-second limit); one node runs the scheduled work (the
 * scans, the outbox) and, killed with -9, hands it to the other within seconds, which relays the
 * village's cases on; restarted, it rejoins with no manual step.
 */
public class ClusterIT {

    private static final int PG_PORT = 28941;
    private static final int A_PORT = 28942;
    private static final int B_PORT = 28944;
    private static final long T1 = 11;
    private static final long T1V1 = 111;
    private static final AtomicInteger IDS = new AtomicInteger(9400);
    /** Well under the caches' 10-s limit, so only the message can make it; generous for a busy machine. */
    private static final Duration NOTIFIED = Duration.ofSeconds(3);

    /** The county's one hash-chain key, given to every node before its first start (docs/operations.md). */
    private static final String CHAIN_KEY = "key=" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}) + "\nkeyed=cases,audit\n";

    private static void configure(Distribution node, Postgres pg, String name) throws Exception {
        Files.writeString(node.home().resolve("etc/yizhan-chain.key"), CHAIN_KEY);
        node.setConfig("org.ops4j.datasource-yizhan.cfg", "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        node.setConfig("org.ops4j.datasource-yizhan.cfg", "url", pg.jdbcUrl("yizhan"));
        node.setConfig("org.ops4j.datasource-yizhan.cfg", "user", "yizhan");
        node.setConfig("org.ops4j.datasource-yizhan.cfg", "password", "yizhan-db");
        node.setConfig("org.yizhan.platform.cfg", "demoHistoryDays", "3");
        node.setConfig("org.yizhan.platform.cfg", "node", name);
    }

    private static String id() {
        return Api.residentId(IDS.incrementAndGet());
    }

    private static boolean scheduler(Api api) throws Exception {
        Api.Answer h = api.get("/health", null);
        return h.status() == 200 && h.body().path("scheduler").asBoolean(false);
    }

    private static long millisUntil(String what, Api.Condition condition) {
        long t0 = System.nanoTime();
        Api.until(what, NOTIFIED, condition);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    public void twoNodesOnOneDatabase_setUpOnce_seeEachOthersChangesWithinASecond_andOneRunsTheScheduledWorkUntilItDies() throws Exception {
        try (Postgres pg = Postgres.start("yizhan-cluster-it", PG_PORT);
             Distribution a = Distribution.unpack("cluster-a", A_PORT, A_PORT + 1);
             Distribution b = Distribution.unpack("cluster-b", B_PORT, B_PORT + 1)) {
            pg.createDatabase("yizhan", "yizhan", "yizhan-db");
            configure(a, pg, "node-a");
            configure(b, pg, "node-b");

            // started together, both in demo mode on the one empty database
            a.start();
            b.start();
            a.awaitHealthUp(Duration.ofSeconds(240));
            b.awaitHealthUp(Duration.ofSeconds(240));
            Path logA = a.home().resolve("data/log/karaf.log");
            Path logB = b.home().resolve("data/log/karaf.log");
            Api.until("one node made the demo history", Duration.ofMinutes(4),
                    () -> Files.readString(logA).contains("Demo history ready") || Files.readString(logB).contains("Demo history ready"));
            String textA = Files.readString(logA);
            String textB = Files.readString(logB);
            assertTrue("each node found PostgreSQL and set its dialect by itself",
                    textA.contains("PostgresDictionary") && textB.contains("PostgresDictionary"));
            assertFalse("the demo history is made once", textA.contains("Demo history ready") && textB.contains("Demo history ready"));
            assertEquals("the demo network once", List.of("1"), pg.query("yizhan", "SELECT count(*) FROM yz_center WHERE code = 'T1V1'"));
            Api apiA = new Api(a.baseUrl());
            Api apiB = new Api(b.baseUrl());
            long total = apiA.get("/cases?size=1", "supervisor").body().get("total").asLong();
            assertTrue("cases: " + total, total > 0);
            assertEquals(total, apiB.get("/cases?size=1", "supervisor").body().get("total").asLong());
            for (com.fasterxml.jackson.databind.JsonNode c : apiA.get("/cases?size=5&status=DELIVERED", "supervisor").body().get("items")) {
                Api.Answer v = apiB.get("/cases/" + c.get("number").asText() + "/history/verify", "supervisor");
                assertTrue("a history written by one node verifies on the other: " + v, v.body().get("valid").asBoolean());
            }

            // one node runs the scheduled work
            Api.until("a node runs the scheduled work", Duration.ofSeconds(30), () -> scheduler(apiA) || scheduler(apiB));
            boolean aLeads = scheduler(apiA);
            assertTrue("exactly one node runs it", aLeads ^ scheduler(apiB));
            Distribution leader = aLeads ? a : b;
            Distribution other = aLeads ? b : a;
            Api leaderApi = aLeads ? apiA : apiB;
            Api otherApi = aLeads ? apiB : apiA;

            // a window switched off on A: B refuses its cases within a second, not at its cache's 10 s
            assertEquals(201, apiB.post("/cases", "clerk-T1", Api.newCase("MZ-002", T1, id(), "id-card", "hardship-statement")).status());
            assertEquals(200, apiA.put("/centers/" + T1 + "/windows/civil-affairs", "town-admin-T1", "{\"enabled\":false}").status());
            long windowMillis = millisUntil("node B refuses cases at the closed window", () ->
                    apiB.post("/cases", "clerk-T1", Api.newCase("MZ-002", T1, id(), "id-card", "hardship-statement")).status() != 201);
            assertEquals(200, apiA.put("/centers/" + T1 + "/windows/civil-affairs", "town-admin-T1", "{\"enabled\":true}").status());
            millisUntil("node B takes cases again", () ->
                    apiB.post("/cases", "clerk-T1", Api.newCase("MZ-002", T1, id(), "id-card", "hardship-statement")).status() == 201);

            // an account deactivated on B: A refuses it within a second
            assertEquals(200, apiA.get("/cases?size=1", "clerk-T3").status());
            assertEquals(200, apiB.put("/admin/staff/clerk-T3", "admin", "{\"active\":false}").status());
            long accountMillis = millisUntil("node A refuses the deactivated account", () -> apiA.get("/cases?size=1", "clerk-T3").status() == 401);
            assertEquals(200, apiB.put("/admin/staff/clerk-T3", "admin", "{\"active\":true}").status());
            System.out.printf("ClusterIT: a window switch showed on the other node after %d ms, an account change after %d ms%n",
                    windowMillis, accountMillis);

            // 8 clients per center at once, half through each node: every case taken once, numbers distinct and without gaps
            java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(16);
            java.util.List<java.util.concurrent.Future<String>> burst = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Api via = new Api((i % 2 == 0 ? a : b).baseUrl());
                String town = i < 8 ? "T2" : "T3";
                long center = i < 8 ? 12 : 13;
                for (int k = 0; k < 3; k++) {
                    burst.add(clients.submit(() -> {
                        Api.Answer made = via.post("/cases", "clerk-" + town, Api.newCase("MZ-002", center, id(), "id-card", "hardship-statement"));
                        assertEquals(made.toString(), 201, made.status());
                        return made.text("number");
                    }));
                }
            }
            java.util.Map<String, java.util.List<Integer>> serials = new java.util.TreeMap<>();
            for (java.util.concurrent.Future<String> f : burst) {
                String number = f.get(3, java.util.concurrent.TimeUnit.MINUTES);
                String prefix = number.substring(0, number.lastIndexOf('-'));
                serials.computeIfAbsent(prefix, k -> new java.util.ArrayList<>()).add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
            }
            clients.shutdown();
            assertEquals("two centers' numbers today: " + serials, 2, serials.size());
            for (java.util.List<Integer> n : serials.values()) {
                assertEquals("distinct numbers " + n, 24, new java.util.HashSet<>(n).size());
                assertEquals("no gap " + n, 23, java.util.Collections.max(n) - java.util.Collections.min(n));
            }

            // the node that runs the scheduled work dies: the other takes it over within seconds and relays on
            leader.kill();
            long t0 = System.nanoTime();
            Api.until("the other node runs the scheduled work", Duration.ofSeconds(30), () -> scheduler(otherApi));
            System.out.printf("ClusterIT: the scheduled work moved to the other node %d ms after kill -9%n", (System.nanoTime() - t0) / 1_000_000);
            Api.Answer village = otherApi.post("/cases", "agent-T1V1", Api.newCase("MZ-002", T1V1, id(), "id-card", "hardship-statement"));
            assertEquals(village.toString(), 201, village.status());
            assertEquals("RELAYING", village.text("status"));
            otherApi.awaitCase(village.text("number"), "clerk-T1", "ACCEPTED", "relay-receipt", Duration.ofSeconds(60));

            // restarted, it rejoins: serves, and leaves the scheduled work where it is
            leader.start();
            leader.awaitHealthUp(Duration.ofSeconds(240));
            assertFalse("the rejoining node does not take the work back", scheduler(leaderApi));
            assertTrue(scheduler(otherApi));
            assertEquals(200, leaderApi.get("/cases/" + village.text("number"), "clerk-T1").status());

            for (Distribution n : List.of(a, b)) {
                String log = Files.readString(n.home().resolve("data/log/karaf.log"));
                assertFalse("no ERROR in " + n.home() + ": " + n.logTail(), log.contains(" ERROR "));
                assertFalse("every chain verifies on every node", log.contains("does not verify"));
            }
            assertEquals("no ERROR in PostgreSQL's log", List.of(), pg.errors());
        }
    }
}
