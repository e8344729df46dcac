package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Several nodes as a county runs them, started by the script an operator uses
 * (assemblies/yizhan-cluster/cluster.sh): Debian's PostgreSQL, an Artemis broker, two Karaf
 * nodes — each its own process, ports and etc/, PostgreSQL chosen by the data source's four
 * settings alone — and Debian's HAProxy in front. Started together in demo mode they make the
 * demo county once, with PostgreSQL's types; a history sealed on one node verifies on the other;
 * a window switched or an account deactivated on one node takes effect on the other within a
 * second (PostgreSQL's NOTIFY, not the caches' 10-s limit); 8 clients per center at once get
 * distinct numbers without gaps; one node runs the scheduled work. Killed with -9 in the middle
 * of a burst through the load balancer, a node loses no acknowledged case and the clients'
 * retries with the same Idempotency-Key make none twice; the other node takes over the scheduled
 * work within seconds and relays the village's cases on; restarted, the dead node rejoins with no
 * manual step. No ERROR in either node's log or in PostgreSQL's.
 */
public class ClusterIT {

    private static final int BASE = 28950;
    private static final int LB = BASE;
    private static final int PG = BASE + 1;
    private static final long T1 = 11;
    private static final long T1V1 = 111;
    private static final AtomicInteger IDS = new AtomicInteger(9400);
    /** Well under the caches' 10-s limit, so only the message can make it; generous for a busy machine. */
    private static final Duration NOTIFIED = Duration.ofSeconds(3);

    private final Path dir = Path.of(System.getProperty("project.build.directory", "target"), "cluster-it");

    private String cluster(String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = ClusterScript.command(dir, BASE, args);
        pb.environment().put("YIZHAN_DEMO_HISTORY_DAYS", "3");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            StringBuilder logs = new StringBuilder();
            for (String n : List.of("node-a", "node-b")) {
                for (Path f : List.of(dir.resolve(n + "-console.log"), log(n))) {
                    if (Files.exists(f)) {
                        List<String> lines = Files.readAllLines(f);
                        logs.append("\n--- ").append(f).append(":\n").append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
                    }
                }
            }
            throw new AssertionError("cluster.sh " + String.join(" ", args) + " failed:\n" + out + logs);
        }
        System.out.print(out);
        return out;
    }

    /** Counts a failed request and keeps the first few for the report. */
    private static void fail(List<String> failures, AtomicInteger failed, String what) {
        if (failed.incrementAndGet() <= 5) {
            failures.add(what);
        }
    }

    private Path log(String node) {
        return dir.resolve(node).resolve("data/log/karaf.log");
    }

    private static String id() {
        return Api.residentId(IDS.incrementAndGet());
    }

    private static String newCase(long center) throws Exception {
        return Api.JSON.writeValueAsString(Api.newCase("MZ-002", center, id(), "id-card", "hardship-statement"));
    }

    private static boolean scheduler(Api api) throws Exception {
        try {
            Api.Answer h = api.get("/health", null);
            return h.status() == 200 && h.body().path("scheduler").asBoolean(false);
        } catch (IOException down) {
            return false;
        }
    }

    private static long millisUntil(String what, Api.Condition condition) {
        long t0 = System.nanoTime();
        Api.until(what, NOTIFIED, condition);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    public void twoNodesBehindHaproxyOnOneDatabase_setUpOnce_seeEachOthersChanges_andSurviveAKillMidBurst() throws Exception {
        try {
            cluster("start");
            Api apiA = new Api("http://127.0.0.1:" + (BASE + 10) + "/api/v1");
            Api apiB = new Api("http://127.0.0.1:" + (BASE + 20) + "/api/v1");
            Api lb = new Api("http://127.0.0.1:" + LB + "/api/v1");
            Postgres pg = ClusterScript.postgres(dir, BASE);

            // started together in demo mode on one empty database: set up once, PostgreSQL's dialect and types
            Api.until("a node made the demo history", Duration.ofMinutes(4),
                    () -> Files.readString(log("node-a")).contains("Demo history ready") || Files.readString(log("node-b")).contains("Demo history ready"));
            String textA = Files.readString(log("node-a"));
            String textB = Files.readString(log("node-b"));
            assertTrue("each node found PostgreSQL by itself", textA.contains("PostgresDictionary") && textB.contains("PostgresDictionary"));
            assertFalse("the demo history is made once", textA.contains("Demo history ready") && textB.contains("Demo history ready"));
            assertEquals("the demo network once", List.of("1"), pg.query("yizhan", "SELECT count(*) FROM yz_center WHERE code = 'T1V1'"));
            assertTrue("long texts are PostgreSQL's text", pg.query("yizhan", "SELECT table_name FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND data_type = 'text'").contains("yz_complaint"));
            long total = apiA.get("/cases?size=1", "supervisor").body().get("total").asLong();
            assertTrue("cases: " + total, total > 0);
            // every area answers on PostgreSQL, on the node that did not make the demo history: the network, the
            // accounts, the audit chain, e-supervision (and its full scan), the relay, ratings, rectifications,
            // complaints, assessments, the ledger, the calendars
            Api other = textA.contains("Demo history ready") ? apiB : apiA;
            String[][] areas = {{"/centers", null}, {"/admin/staff", "admin"}, {"/audit/verify", "admin"},
                    {"/supervision/alerts", "supervisor"}, {"/relay/status", "admin"}, {"/ratings/unrated", "clerk-T1"},
                    {"/rectifications", "supervisor"}, {"/complaints", "supervisor"}, {"/public/assessments?period=2026", null},
                    {"/centers/111/ledger", "agent-T1V1"}, {"/calendar/years", null}};
            for (String[] area : areas) {
                Api.Answer a = other.get(area[0], area[1]);
                assertEquals(area[0] + ": " + a, 200, a.status());
            }
            assertEquals("the audit chain verifies on PostgreSQL", "true", other.get("/audit/verify", "admin").text("valid"));
            Api.Answer scan = other.post("/supervision/scan", "supervisor", "{}");
            assertEquals("a full e-supervision scan on PostgreSQL: " + scan, 200, scan.status());
            assertEquals("the cases are in PostgreSQL", List.of(Long.toString(total)), pg.query("yizhan", "SELECT count(*) FROM yz_case"));
            assertEquals(total, apiB.get("/cases?size=1", "supervisor").body().get("total").asLong());
            for (JsonNode c : apiA.get("/cases?size=5&status=DELIVERED", "supervisor").body().get("items")) {
                Api.Answer v = apiB.get("/cases/" + c.get("number").asText() + "/history/verify", "supervisor");
                assertTrue("a history sealed on one node verifies on the other: " + v, v.body().get("valid").asBoolean());
            }
            Api.until("a node runs the scheduled work", Duration.ofSeconds(30), () -> scheduler(apiA) || scheduler(apiB));
            assertTrue("exactly one node runs it", scheduler(apiA) ^ scheduler(apiB));

            // a window switched off on A: B refuses its cases within a second, not at its cache's 10 s
            assertEquals(201, apiB.post("/cases", "clerk-T1", newCase(T1)).status());
            assertEquals(200, apiA.put("/centers/" + T1 + "/windows/civil-affairs", "town-admin-T1", "{\"enabled\":false}").status());
            long windowMillis = millisUntil("node B refuses cases at the closed window",
                    () -> apiB.post("/cases", "clerk-T1", newCase(T1)).status() != 201);
            assertEquals(200, apiA.put("/centers/" + T1 + "/windows/civil-affairs", "town-admin-T1", "{\"enabled\":true}").status());
            millisUntil("node B takes cases again", () -> apiB.post("/cases", "clerk-T1", newCase(T1)).status() == 201);
            // an account deactivated on B: A refuses it within a second
            assertEquals(200, apiA.get("/cases?size=1", "clerk-T3").status());
            assertEquals(200, apiB.put("/admin/staff/clerk-T3", "admin", "{\"active\":false}").status());
            long accountMillis = millisUntil("node A refuses the deactivated account", () -> apiA.get("/cases?size=1", "clerk-T3").status() == 401);
            assertEquals(200, apiB.put("/admin/staff/clerk-T3", "admin", "{\"active\":true}").status());
            System.out.printf("ClusterIT: a window switch showed on the other node after %d ms, an account change after %d ms%n",
                    windowMillis, accountMillis);

            // 8 clients per center at once, half on each node: distinct numbers, no gaps
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<String>> burst = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Api via = i % 2 == 0 ? new Api(apiA.base()) : new Api(apiB.base());
                String town = i < 8 ? "T2" : "T3";
                long center = i < 8 ? 12 : 13;
                for (int k = 0; k < 3; k++) {
                    burst.add(clients.submit(() -> {
                        Api.Answer made = via.post("/cases", "clerk-" + town, newCase(center));
                        assertEquals(made.toString(), 201, made.status());
                        return made.text("number");
                    }));
                }
            }
            Map<String, List<Integer>> serials = new TreeMap<>();
            for (Future<String> f : burst) {
                String number = f.get(3, TimeUnit.MINUTES);
                int dash = number.lastIndexOf('-');
                serials.computeIfAbsent(number.substring(0, dash), k -> new ArrayList<>()).add(Integer.parseInt(number.substring(dash + 1)));
            }
            assertEquals("two centers' numbers today: " + serials, 2, serials.size());
            for (List<Integer> n : serials.values()) {
                assertEquals("distinct numbers " + n, 24, new HashSet<>(n).size());
                assertEquals("no gap " + n, 23, Collections.max(n) - Collections.min(n));
            }

            // through the load balancer, 8 clients creating cases with an Idempotency-Key each, retrying on any failure
            // with the same key; the node that runs the scheduled work is killed with -9 in the middle
            String victim = scheduler(apiA) ? "node-a" : "node-b";
            Api survivor = "node-a".equals(victim) ? apiB : apiA;
            Api rejoining = "node-a".equals(victim) ? apiA : apiB;
            long before = lb.get("/cases?size=1", "supervisor").body().get("total").asLong();
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger made = new AtomicInteger();
            AtomicInteger retried = new AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            List<Future<List<String>>> loaders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Api via = new Api(lb.base());
                String town = i % 2 == 0 ? "T2" : "T3";
                long center = i % 2 == 0 ? 12 : 13;
                loaders.add(clients.submit(() -> {
                    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
                    while (!stop.get()) {
                        String key = UUID.randomUUID().toString();
                        String body = newCase(center);
                        sent.incrementAndGet();
                        AtomicInteger attempts = new AtomicInteger();
                        // the same request again, with the same key, until it is answered (polled with a deadline)
                        Api.until("an answer for key " + key, Duration.ofSeconds(60), () -> {
                            if (attempts.incrementAndGet() > 1) {
                                retried.incrementAndGet();
                            }
                            try {
                                Api.Answer a = via.post("/cases", "clerk-" + town, body, key);
                                if (a.status() == 201) {
                                    acknowledged.add(a.text("number"));
                                    made.incrementAndGet();
                                    return true;
                                }
                                if (a.status() < 500) {
                                    throw new AssertionError("refused: " + a);
                                }
                                return false;
                            } catch (IOException lost) {
                                return false;   // the answer was lost with the node
                            }
                        });
                    }
                    return acknowledged;
                }));
            }
            Api.until("the burst is under way", Duration.ofSeconds(60), () -> made.get() >= 40);
            cluster("kill", victim);
            long killedAt = System.nanoTime();
            Api.until("the survivor runs the scheduled work", Duration.ofSeconds(30), () -> scheduler(survivor));
            long failoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
            int atFailover = made.get();
            Api.until("the burst goes on through the survivor", Duration.ofSeconds(60), () -> made.get() >= atFailover + 40);
            stop.set(true);
            List<String> acknowledged = new ArrayList<>();
            for (Future<List<String>> f : loaders) {
                acknowledged.addAll(f.get(3, TimeUnit.MINUTES));
            }
            clients.shutdown();
            assertEquals("every request acknowledged once", sent.get(), acknowledged.size());
            assertEquals("acknowledged numbers are distinct", acknowledged.size(), new HashSet<>(acknowledged).size());
            assertEquals("no case made twice by a retry", before + acknowledged.size(),
                    survivor.get("/cases?size=1", "supervisor").body().get("total").asLong());
            for (String n : acknowledged.subList(0, Math.min(20, acknowledged.size()))) {
                assertEquals(200, survivor.get("/cases/" + n, "supervisor").status());
            }
            System.out.printf("ClusterIT: %d cases through HAProxy with a node killed mid-burst, %d retries; the scheduled work moved"
                    + " %d ms after kill -9%n", acknowledged.size(), retried.get(), failoverMillis);

            // the relay goes on from the survivor
            Api.Answer village = survivor.post("/cases", "agent-T1V1", newCase(T1V1));
            assertEquals(village.toString(), 201, village.status());
            assertEquals("RELAYING", village.text("status"));
            survivor.awaitCase(village.text("number"), "clerk-T1", "ACCEPTED", "relay-receipt", Duration.ofSeconds(60));

            // started again, the dead node rejoins: serves, and leaves the scheduled work where it is
            cluster("start");
            assertFalse("the rejoining node does not take the work back", scheduler(rejoining));
            assertTrue(scheduler(survivor));
            assertEquals(200, rejoining.get("/cases/" + village.text("number"), "clerk-T1").status());
            assertEquals(200, lb.get("/cases/" + village.text("number"), "clerk-T1").status());

            // a rolling upgrade (cluster.sh upgrade: one node at a time out of HAProxy, stopped, replaced by the new
            // release, started, put back) under load through HAProxy, the clients not retrying: no request fails
            long beforeUpgrade = lb.get("/cases?size=1", "supervisor").body().get("total").asLong();
            java.util.concurrent.ExecutorService load = Executors.newFixedThreadPool(2);
            java.util.concurrent.atomic.AtomicBoolean upgraded = new java.util.concurrent.atomic.AtomicBoolean();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger createdDuringUpgrade = new AtomicInteger();
            List<Future<?>> users = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Api via = new Api(lb.base());
                String town = i % 2 == 0 ? "T2" : "T3";
                long center = i % 2 == 0 ? 12 : 13;
                users.add(load.submit(() -> {
                    while (!upgraded.get()) {
                        try {
                            Api.Answer a = via.post("/cases", "clerk-" + town, newCase(center));
                            if (a.status() != 201) {
                                fail(failures, failed, "POST /cases: " + a);
                                continue;
                            }
                            createdDuringUpgrade.incrementAndGet();
                            Api.Answer read = via.get("/cases/" + a.text("number"), "clerk-" + town);
                            if (read.status() != 200) {
                                fail(failures, failed, "GET /cases/" + a.text("number") + ": " + read);
                            }
                        } catch (Exception e) {
                            fail(failures, failed, e.toString());
                        }
                    }
                    return null;
                }));
            }
            Api.until("the load is under way", Duration.ofSeconds(60), () -> createdDuringUpgrade.get() >= 20);
            long upgradeStart = System.nanoTime();
            String rolled = cluster("upgrade", System.getProperty("yizhan.distribution"));
            long upgradeSeconds = (System.nanoTime() - upgradeStart) / 1_000_000_000;
            int atEnd = createdDuringUpgrade.get();
            Api.until("the load goes on on the upgraded nodes", Duration.ofSeconds(60), () -> createdDuringUpgrade.get() >= atEnd + 20);
            upgraded.set(true);
            for (Future<?> u : users) {
                u.get(2, TimeUnit.MINUTES);
            }
            load.shutdown();
            assertTrue(rolled, rolled.contains("node-a upgraded and serving") && rolled.contains("node-b upgraded and serving"));
            assertEquals("no request failed during the rolling upgrade; the first: " + failures, 0, failed.get());
            assertEquals("every case made during it is there", beforeUpgrade + createdDuringUpgrade.get(),
                    lb.get("/cases?size=1", "supervisor").body().get("total").asLong());
            System.out.printf("ClusterIT: rolling upgrade of both nodes in %d s under load, %d cases made through HAProxy, 0 failed%n",
                    upgradeSeconds, createdDuringUpgrade.get());

            for (String n : List.of("node-a", "node-b")) {
                String text = Files.readString(log(n));
                assertFalse("no ERROR in " + n + "'s log", text.contains(" ERROR "));
                assertFalse("every chain verifies on " + n, text.contains("does not verify"));
            }
            assertEquals("no ERROR in PostgreSQL's log", List.of(), pg.errors());
        } finally {
            // the nodes' logs stay for a look after a failure; the rest goes
            Path kept = dir.resolveSibling("cluster-it-logs");
            Distribution.deleteTree(kept);
            Files.createDirectories(kept);
            for (String n : List.of("node-a", "node-b")) {
                if (Files.exists(log(n))) {
                    Files.copy(log(n), kept.resolve(n + "-karaf.log"));
                }
            }
            cluster("clean");
        }
    }
}
