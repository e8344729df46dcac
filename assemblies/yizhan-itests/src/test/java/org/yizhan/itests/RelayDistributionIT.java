package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Relay between two containers over HTTPS, as a county runs it when a town has its own server:
 * a village-side container (T1V1's room) and a town-side container (T1). Each finds the other
 * through etc/org.yizhan.relay.cfg. The town is stopped for a while, the village container is
 * killed with SIGKILL in the middle of a burst, and in every case each acknowledged case arrives
 * exactly once. An integrator's route file forwards approved cases to a departmental HTTP stub.
 */
public class RelayDistributionIT {

    private static final int VILLAGE_PORT = 28481;
    private static final int TOWN_PORT = 28581;
    private static final int DEPT_PORT = 28999;
    private static final long T1 = 11;
    private static final long T1V1 = 111;
    private static final AtomicInteger IDS = new AtomicInteger(700);
    private static final Duration RELAYED = Duration.ofSeconds(60);

    private static Distribution village;
    private static Distribution town;
    private static Api v;
    private static RelayLink townLink;
    private static Api t;
    private static HttpServer dept;
    private static Artemis broker;
    private static final Map<String, AtomicInteger> DEPT_CASES = new ConcurrentHashMap<>();
    private static final Set<String> DEPT_EVENT_IDS = ConcurrentHashMap.newKeySet();

    @BeforeClass
    public static void twoContainers() throws Exception {
        village = Distribution.unpack("relay-village", VILLAGE_PORT, 28401);
        town = Distribution.unpack("relay-town", TOWN_PORT, 28501);
        for (Distribution d : List.of(village, town)) {
            d.setConfig("org.yizhan.relay.cfg", "pollMillis", "100");
            d.setConfig("org.yizhan.relay.cfg", "retryBaseMillis", "200");
            d.setConfig("org.yizhan.relay.cfg", "retryMaxMillis", "2000");
            d.setConfig("org.yizhan.relay.cfg", "httpTimeoutMillis", "2000");
        }
        // over HTTPS only, each container verifying the other's certificate
        village.setConfig("org.yizhan.relay.cfg", "center.T1", town.secureUrl());
        town.setConfig("org.yizhan.relay.cfg", "center.T1V1", village.secureUrl());
        village.start();
        town.start();
        village.awaitHealthUp(Duration.ofSeconds(120));
        town.awaitHealthUp(Duration.ofSeconds(120));
        v = new Api(village.baseUrl());
        t = new Api(town.baseUrl());
        // the link's key: generated at the town, pasted into the village's console as printed
        String created = town.console("admin", "demo", "yizhan:link-create T1 T1V1");
        String line = created.lines().map(String::strip).filter(l -> l.startsWith("yizhan:link-import ")).findFirst()
                .orElseThrow(() -> new AssertionError("no import line in: " + created));
        String imported = village.console("admin", "demo", line);
        String fingerprint = created.replaceAll("(?s).*fingerprint ([0-9a-f]{16}).*", "$1");
        assertTrue("both ends show fingerprint " + fingerprint + ": " + imported, imported.contains(fingerprint));
        assertTrue(village.console("admin", "demo", "yizhan:links").contains(fingerprint));
        townLink = RelayLink.fromToken(created);

        // until each trusts the other's certificate, nothing crosses: the village keeps the case
        String early = take("MZ-002", "id-card", "hardship-statement").text("number");
        Api.until("the village refuses the town's self-signed certificate", RELAYED,
                () -> log(village).contains("is not trusted: import it into"));
        assertEquals("not delivered to an unverified peer", 404, t.get("/cases/" + early, "clerk-T1").status());
        // the certificates exchanged with keytool as docs/operations.md prints it; no restart
        village.trust("town-T1", town.exportCertificate("town-T1.pem"));
        town.trust("village-T1V1", village.exportCertificate("village-T1V1.pem"));
        arrivedOnce(early);
        v.awaitCase(early, "agent-T1V1", "ACCEPTED", "relay-receipt", RELAYED);

        dept = HttpServer.create(new InetSocketAddress(DEPT_PORT), 0);
        dept.createContext("/cases", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode event = Api.JSON.readTree(body);
            String id = exchange.getRequestHeaders().getFirst("YizhanEventId");
            if (id != null && DEPT_EVENT_IDS.add(id)) {
                DEPT_CASES.computeIfAbsent(event.get("caseNumber").asText(), k -> new AtomicInteger()).incrementAndGet();
            }
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
    }

    @AfterClass
    public static void stopAll() throws Exception {
        if (dept != null) {
            dept.stop(0);
        }
        if (broker != null) {
            broker.close();
        }
        for (Distribution d : new Distribution[] {village, town}) {
            if (d != null) {
                d.close();
            }
        }
    }

    /**
     * Over the wire, the town takes only what the link signed: no signature, a wrong one, an old
     * one (a replay), another link's name, a decision sent upwards - each refused, changing
     * nothing, and written to the audit log with the sender's address.
     */
    @Test
    public void forgedReplayedAndMisroutedMessagesAreRefused_andAudited() throws Exception {
        String number = "T1V1-20261202-9901";
        ObjectNode m = Api.object();
        m.put("id", java.util.UUID.randomUUID().toString());
        m.put("kind", "RELAY_REPLY");
        m.put("caseNumber", number);
        m.put("fromCenter", "T1V1");
        m.put("toCenter", "T1");
        m.putObject("payload").put("decision", "APPROVED");
        String json = Api.JSON.writeValueAsString(m);
        long auditBefore = t.get("/audit?kind=RELAY_REFUSED", "admin").body().get("total").asLong();

        assertEquals("no signature", 401, t.post("/relay/inbox", null, json).status());
        assertEquals("an account instead of a signature", 401, t.post("/relay/inbox", "admin", json).status());
        Api.Answer old = t.postSigned(townLink, "T1V1", "T1", System.currentTimeMillis() - 3_600_000, json);
        assertEquals("signed an hour ago: " + old, 401, old.status());
        assertTrue(old.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("signed for another link", 401, t.postSigned(townLink, "T2V1", "T2", System.currentTimeMillis(),
                json.replace("T1V1", "T2V1").replace("\"T1\"", "\"T2\"")).status());
        Api.Answer upwards = t.postSigned(townLink, "T1V1", "T1", System.currentTimeMillis(), json);
        assertTrue("a decision from the village below, or for a case the town does not hold: " + upwards,
                upwards.status() == 400);

        long auditAfter = t.get("/audit?kind=RELAY_REFUSED", "admin").body().get("total").asLong();
        assertTrue("each refusal audited: " + auditBefore + " -> " + auditAfter, auditAfter - auditBefore >= 5);
        boolean fromHere = false;
        for (JsonNode e : t.get("/audit?kind=RELAY_REFUSED", "admin").body().get("items")) {
            String source = e.path("source").asText();
            fromHere |= source.contains("127.0.0.1") || source.equals("0:0:0:0:0:0:0:1");
        }
        assertTrue("with the sender's address", fromHere);

        // a link made and removed at the console: gone from the listing, its messages refused
        String spare = town.console("admin", "demo", "yizhan:link-create T1 C");
        assertTrue(spare, spare.contains("Link T1 > C created"));
        RelayLink up = RelayLink.fromToken(spare);
        assertTrue(town.console("admin", "demo", "yizhan:links").contains("T1         C"));
        assertTrue(town.console("admin", "demo", "yizhan:links --remove T1 C").contains("Link T1 > C removed"));
        assertFalse("removed from the listing", town.console("admin", "demo", "yizhan:links").contains("T1         C"));
        String toTown = json.replace("\"fromCenter\":\"T1V1\"", "\"fromCenter\":\"C\"");
        assertEquals("a removed link's messages are refused", 401,
                t.postSigned(up, "C", "T1", System.currentTimeMillis(), toTown).status());
    }

    private static String id() {
        return Api.residentId(IDS.incrementAndGet());
    }

    private static Api.Answer take(String item, String... materials) throws Exception {
        return v.post("/cases", "agent-T1V1", Api.newCase(item, T1V1, id(), materials));
    }

    /** On the town side: the case is there, and arrived exactly once. */
    private static void arrivedOnce(String number) throws Exception {
        Api.Answer there = t.awaitCase(number, "clerk-T1", "ACCEPTED", "relay-in", RELAYED);
        assertEquals("arrived exactly once: " + there, 1, Api.actions(there).stream().filter("relay-in"::equals).count());
    }

    @Test
    public void a_aCaseTravelsOverHttp_andTheDecisionComesBack_R23() throws Exception {
        Api.Answer taken = take("MZ-002", "id-card", "hardship-statement");
        assertEquals(taken.toString(), "RELAYING", taken.text("status"));
        String n = taken.text("number");
        assertEquals("the town side does not know it yet, or has just got it", true,
                Set.of(404, 200).contains(t.get("/cases/" + n, "clerk-T1").status()));
        arrivedOnce(n);
        Api.Answer atTown = t.get("/cases/" + n, "clerk-T1");
        assertEquals("the village receipt's promised date holds", taken.text("promisedDate"), atTown.text("promisedDate"));
        assertEquals("the applicant's full record travelled (authenticated)", T1V1, atTown.body().get("centerId").asLong());
        Api.Answer receipt = v.awaitCase(n, "agent-T1V1", "ACCEPTED", "relay-receipt", RELAYED);
        assertTrue(receipt.toString(), receipt.raw().body().contains("T1-RX-"));

        assertEquals("APPROVED", t.act("clerk-T1", n, "approve", "{}").text("status"));
        v.awaitCase(n, "agent-T1V1", "APPROVED", "reply", RELAYED);
        assertEquals("DELIVERED", v.act("agent-T1V1", n, "deliver", "{}").text("status"));
        assertTrue(t.get("/cases/" + n + "/history/verify", "supervisor").body().get("valid").asBoolean());
        assertTrue(v.get("/cases/" + n + "/history/verify", "supervisor").body().get("valid").asBoolean());
    }

    @Test
    public void b_theTownIsDown_nothingIsLost_andEverythingArrivesOnceWhenItReturns() throws Exception {
        int logBefore = log(village).length();
        town.stop();
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Api.Answer a = take("MZ-002", "id-card", "hardship-statement");
            assertEquals(a.toString(), 201, a.status());
            taken.add(a.text("number"));
        }
        Api.until("the village retried, backing off", RELAYED,
                () -> since(log(village), logBefore).contains("attempt 3 failed (unreachable"));
        JsonNode status = v.get("/relay/status", "admin").body();
        assertTrue(status.toString(), status.get("pending").asLong() >= 20);
        assertEquals("an unreachable town is not a refusal: no dead letters", 0, status.get("dead").asLong());
        assertTrue("the operator sees the town unreachable",
                village.console("admin", "demo", "yizhan:relay-status").contains(town.secureUrl()));
        long t0 = System.nanoTime();
        town.start();
        town.awaitHealthUp(Duration.ofSeconds(120));
        for (String n : taken) {
            arrivedOnce(n);
        }
        System.out.printf("town back: %d cases delivered %.1f s after it answered%n", taken.size(), (System.nanoTime() - t0) / 1e9);
    }

    @Test
    public void c_theVillageContainerIsKilledMidBurst_everyAcknowledgedCaseArrivesOnce() throws Exception {
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    try {
                        Api.Answer a = take("MZ-002", "id-card", "hardship-statement");
                        if (a.status() == 201) {
                            acknowledged.add(a.text("number"));
                        }
                    } catch (IOException | InterruptedException down) {
                        return null;
                    }
                }
                return null;
            });
        }
        Api.until("a burst under way: 40 cases acknowledged", Duration.ofSeconds(60), () -> acknowledged.size() >= 40);
        village.kill();
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
        assertTrue("a burst was under way: " + acknowledged.size(), acknowledged.size() >= 40);
        village.start();
        village.awaitHealthUp(Duration.ofSeconds(120));
        for (String n : acknowledged) {
            arrivedOnce(n);
        }
        System.out.printf("killed mid-burst: %d acknowledged cases, each arrived once after the restart%n", acknowledged.size());
    }

    @Test
    public void d_anIntegratorsRouteFileForwardsApprovedCasesToADepartment() throws Exception {
        String route = Files.readString(Path.of(System.getProperty("yizhan.docs", "../../docs"), "examples", "civil-affairs-to-dept.xml"))
                .replace("localhost:9099", "localhost:" + DEPT_PORT);
        Path routes = town.home().resolve("routes");
        Files.writeString(routes.resolve("civil-affairs-to-dept.xml"), route);
        Api.until("the route file is loaded", Duration.ofSeconds(20),
                () -> t.get("/relay/routes", "admin").raw().body().contains("civil-affairs-approved-to-dept"));

        // the department is down when the first case is approved: the event waits and is retried
        String first = t.post("/cases", "clerk-T1", Api.newCase("MZ-002", T1, id(), "id-card", "hardship-statement")).text("number");
        assertEquals("APPROVED", t.act("clerk-T1", first, "approve", "{}").text("status"));
        Api.until("the event to the department retried", RELAYED, () -> log(town).contains("to integration: attempt 2 failed"));
        assertTrue(DEPT_CASES.isEmpty());
        dept.start();
        String second = t.post("/cases", "clerk-T1", Api.newCase("MZ-002", T1, id(), "id-card", "hardship-statement")).text("number");
        assertEquals("APPROVED", t.act("clerk-T1", second, "approve", "{}").text("status"));
        String denied = t.post("/cases", "clerk-T1", Api.newCase("MZ-002", T1, id(), "id-card", "hardship-statement")).text("number");
        assertEquals("DENIED", t.act("clerk-T1", denied, "deny", Api.action("不符合条件", d -> d)).text("status"));
        Api.until("both approvals reached the department", RELAYED,
                () -> DEPT_CASES.containsKey(first) && DEPT_CASES.containsKey(second));
        assertEquals("the approval made while the department was down arrives", 1, DEPT_CASES.get(first).get());
        assertEquals(1, DEPT_CASES.get(second).get());
        // every event of the town handled (the denial's too): only now can its absence at the department mean anything
        Api.until("the town's outbox drained", RELAYED, () -> t.get("/relay/status", "admin").body().get("pending").asLong() == 0);
        assertTrue("only approved civil-affairs cases go to the department", !DEPT_CASES.containsKey(denied));
    }

    @Test
    public void e_theConsoleShowsRoutesAndRelay() throws Exception {
        String routes = village.console("admin", "demo", "camel:route-list");
        for (String id : List.of("yizhan-outbox-poll", "yizhan-deliver", "yizhan-relay-local", "yizhan-relay-http",
                "yizhan-relay-jms", "yizhan-integration", "yizhan-outbox-purge")) {
            assertTrue(id + " in " + routes, routes.contains(id));
        }
        String status = village.console("admin", "demo", "yizhan:relay-status --dead");
        assertTrue(status, status.contains("outbox 发件箱"));
        assertTrue(status, status.contains(town.secureUrl()));
        String replay = village.console("admin", "demo", "yizhan:relay-replay --all");
        assertTrue(replay, replay.contains("dead letters replayed"));
    }

    @Test
    public void f_overJmsThroughAnArtemisBroker_overTls_theSameFlow_theTownDown_andTheBrokerCrashed_R23() throws Exception {
        broker = Artemis.create("relay-artemis", 28616);
        Path brokerCertificate = broker.tlsOnly();
        broker.start(Duration.ofSeconds(60));
        // as docs/operations.md configures it: TLS, the host name checked, the broker's certificate in the truststore
        String brokerUrl = broker.url() + "?sslEnabled=true&verifyHost=true&trustStorePath=${karaf.etc}/yizhan-truststore.p12"
                + "&trustStorePassword=yizhan-peers&trustStoreType=PKCS12";
        for (Distribution[] pair : new Distribution[][] {{village, town}, {town, village}}) {
            Distribution d = pair[0];
            d.trust("broker", brokerCertificate);
            d.setConfig("org.yizhan.relay.jms.cfg", "brokerUrl", brokerUrl);
            d.setConfig("org.yizhan.relay.jms.cfg", "user", Artemis.USER);
            d.setConfig("org.yizhan.relay.jms.cfg", "password", Artemis.PASSWORD);
            d.setConfig("org.yizhan.relay.jms.cfg", "replyTimeoutMillis", "2000");
            d.setConfig("org.yizhan.relay.jms.cfg", "consumeQueue", d == village ? "yizhan.T1V1" : "yizhan.T1");
            String out = d.console("admin", "demo", "feature:install yizhan-relay-jms\nfeature:list -i | grep yizhan-relay-jms");
            assertTrue(out, out.contains("yizhan-relay-jms"));
        }
        assertEquals(200, v.put("/relay/transports/T1", "admin", "{\"transport\":\"jms:yizhan.T1\"}").status());
        assertEquals(200, t.put("/relay/transports/T1V1", "admin", "{\"transport\":\"jms:yizhan.T1V1\"}").status());
        Api.until("both containers take their JMS queues", RELAYED, () -> log(village).contains("from JMS queue yizhan.T1V1")
                && log(town).contains("from JMS queue yizhan.T1 "));

        String n = take("MZ-002", "id-card", "hardship-statement").text("number");
        arrivedOnce(n);
        v.awaitCase(n, "agent-T1V1", "ACCEPTED", "relay-receipt", RELAYED);
        assertEquals("APPROVED", t.act("clerk-T1", n, "approve", "{}").text("status"));
        v.awaitCase(n, "agent-T1V1", "APPROVED", "reply", RELAYED);
        assertTrue("the village log names the broker", log(village).contains("JMS relay on " + broker.url() + "?sslEnabled=true"));
        assertTrue("with the truststore's password masked", log(village).contains("trustStorePassword=****"));
        assertFalse(log(village).contains("trustStorePassword=yizhan-peers"));

        // the town goes down: the village waits for receipts, retries, and everything arrives once
        town.stop();
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Api.Answer a = take("MZ-002", "id-card", "hardship-statement");
            assertEquals(a.toString(), 201, a.status());
            taken.add(a.text("number"));
        }
        Api.until("the village waited for receipts and retried", RELAYED, () -> log(village).contains("no receipt from queue yizhan.T1"));
        assertEquals(0, v.get("/relay/status", "admin").body().get("dead").asLong());
        town.start();
        town.awaitHealthUp(Duration.ofSeconds(120));
        for (String number : taken) {
            arrivedOnce(number);
        }

        // the broker crashes mid-relay (kill -9) and restarts on its journal: cases taken before, during and after
        // its absence all arrive once, and decisions come back once over the restarted broker
        List<String> aroundCrash = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            aroundCrash.add(take("MZ-002", "id-card", "hardship-statement").text("number"));
        }
        broker.kill();
        for (int i = 0; i < 5; i++) {
            Api.Answer a = take("MZ-002", "id-card", "hardship-statement");
            assertEquals("the village takes cases while the broker is down: " + a, 201, a.status());
            aroundCrash.add(a.text("number"));
        }
        broker.start(Duration.ofSeconds(60));
        for (int i = 0; i < 3; i++) {
            aroundCrash.add(take("MZ-002", "id-card", "hardship-statement").text("number"));
        }
        for (String number : aroundCrash) {
            arrivedOnce(number);
        }
        for (String number : aroundCrash.subList(0, 3)) {
            assertEquals("APPROVED", t.act("clerk-T1", number, "approve", "{}").text("status"));
        }
        for (String number : aroundCrash.subList(0, 3)) {
            Api.Answer back = v.awaitCase(number, "agent-T1V1", "APPROVED", "reply", RELAYED);
            assertEquals("the decision came back once: " + back, 1, Api.actions(back).stream().filter("reply"::equals).count());
        }
        assertEquals(0, v.get("/relay/status", "admin").body().get("dead").asLong());
        assertEquals(0, t.get("/relay/status", "admin").body().get("dead").asLong());

        // leave the containers relaying over HTTPS, as the other tests expect them
        assertEquals(200, v.put("/relay/transports/T1", "admin", "{\"transport\":\"" + town.secureUrl() + "\"}").status());
        assertEquals(200, t.put("/relay/transports/T1V1", "admin", "{\"transport\":\"" + village.secureUrl() + "\"}").status());
    }

    /** The log written after {@code offset} (all of it, had the log been rotated meanwhile). */
    private static String since(String log, int offset) {
        return log.length() >= offset ? log.substring(offset) : log;
    }

    private static String log(Distribution d) throws IOException {
        return Files.readString(d.home().resolve("data/log/karaf.log"));
    }
}
