package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.util.Filter;

import org.yizhan.api.Caller;
import org.yizhan.api.relay.RelayLinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The village relay in one container (R23, with R5 and R12): a case taken in a village room
 * travels up through the outbox to its deciding center, the decision travels back, every hop
 * is a history event with a receipt; a message delivered twice changes nothing; a refused
 * message becomes a dead letter that an operator replays; supervision watches the transmit limit.
 */
public class RelayIT extends ContainerTestSupport {

    private static final long C = 1;
    private static final long T1 = 11;
    private static final long T1V1 = 111;
    private static final long T2V1 = 121;
    private static final AtomicInteger IDS = new AtomicInteger(500);
    private static final Caller ADMIN = new Caller("admin", Set.of(Caller.COUNTY_ADMIN), C, "test");
    private static final Duration RELAYED = Duration.ofSeconds(20);
    @Inject
    @Filter(value = "(osgi.jndi.service.name=yizhan)", timeout = YizhanOptions.SERVICE_TIMEOUT_MILLIS)
    private DataSource dataSource;
    @Inject
    @Filter(timeout = YizhanOptions.SERVICE_TIMEOUT_MILLIS)
    private RelayLinks links;

    @Override
    protected Option[] options() {
        return new Option[] {CoreOptions.composite(YizhanOptions.https()),
                editConfigurationFilePut("etc/org.yizhan.relay.cfg", "pollMillis", "100"),
                editConfigurationFilePut("etc/org.yizhan.relay.cfg", "retryBaseMillis", "100"),
                editConfigurationFilePut("etc/org.yizhan.relay.cfg", "retryMaxMillis", "500"),
                editConfigurationFilePut("etc/org.yizhan.relay.cfg", "maxAttempts", "2"),
                editConfigurationFilePut("etc/org.yizhan.relay.cfg", "keepSentDays", "0"),
                editConfigurationFilePut("etc/org.yizhan.relay.cfg", "purgeIntervalSeconds", "2")};
    }

    private static String id() {
        return Api.residentId(IDS.incrementAndGet());
    }

    private Api.Answer create(String user, String item, long center, String... materials) throws Exception {
        return api.post("/cases", user, Api.newCase(item, center, id(), materials));
    }

    private Api.Answer await(String number, String user, String status, String action) throws Exception {
        return api.awaitCase(number, user, status, action, RELAYED);
    }

    private static List<String> actions(Api.Answer a) {
        return Api.actions(a);
    }

    private static JsonNode event(Api.Answer a, String action) {
        for (JsonNode ev : a.body().get("history")) {
            if (action.equals(ev.get("action").asText())) {
                return ev;
            }
        }
        throw new AssertionError("no " + action + " in " + a);
    }

    @Test
    public void aVillageProxyCaseTravelsToTheTown_theDecisionComesBack_R23_R12_R5() throws Exception {
        Api.Answer taken = create("agent-T1V1", "MZ-002", T1V1, "id-card", "hardship-statement");
        assertEquals(taken.toString(), 201, taken.status());
        assertEquals("accepted in the room, travelling up", "RELAYING", taken.text("status"));
        String n = taken.text("number");
        JsonNode receipt = event(taken, "accept");
        assertNotNull("receipt with the promised date (R12)", receipt.get("data").get("promisedDate"));
        assertTrue("a village receipt states rights and duties (R12)", receipt.get("data").get("rightsAndDuties").asText().contains("权"));
        assertNotNull("transmit limit (R23)", receipt.get("data").get("relayDue"));

        Api.Answer arrived = await(n, "clerk-T1", "ACCEPTED", "relay-receipt");
        JsonNode in = event(arrived, "relay-in");
        assertEquals("the town takes it", T1, in.get("centerId").asLong());
        assertTrue(in.get("data").get("receipt").asText(), in.get("data").get("receipt").asText().startsWith("T1-RX-"));
        JsonNode back = event(arrived, "relay-receipt");
        assertEquals("the room holds the town's receipt", T1V1, back.get("centerId").asLong());
        assertEquals(in.get("data").get("receipt").asText(), back.get("data").get("receipt").asText());

        assertEquals("APPROVED", api.act("clerk-T1", n, "approve", "{}").text("status"));
        Api.Answer replied = await(n, "agent-T1V1", "APPROVED", "reply");
        assertEquals("the decision reached the room (R23 reply)", T1V1, event(replied, "reply").get("centerId").asLong());
        assertEquals("DELIVERED", api.act("agent-T1V1", n, "deliver", "{}").text("status"));
        assertTrue(api.get("/cases/" + n + "/history/verify", "supervisor").body().get("valid").asBoolean());

        Api.Answer ledger = api.get("/centers/" + T1V1 + "/ledger", "agent-T1V1");
        assertEquals(ledger.toString(), 200, ledger.status());
        List<String> kinds = new ArrayList<>();
        for (JsonNode e : ledger.body()) {
            if (n.equals(e.path("caseNumber").asText())) {
                kinds.add(e.get("kind").asText());
                assertFalse("names are masked in the ledger", e.get("visitorName").asText().equals("王五"));
            }
        }
        assertEquals("the visit and the reply are in the room's ledger (R5)", List.of("REPLY", "APPLICATION"), kinds);
    }

    @Test
    public void aCountyItemTravelsTwoHops_andTheDenialComesBackDown_R23() throws Exception {
        String n = create("agent-T1V1", "CL-001", T1V1, "id-card", "photo", "assessment").text("number");
        Api.Answer arrived = await(n, "clerk-C", "ACCEPTED", null);
        assertEquals(C, arrived.body().get("decidingCenterId").asLong());
        assertEquals("the town forwards", T1, event(arrived, "relay-forward").get("centerId").asLong());
        assertEquals("the county takes it", C, event(arrived, "relay-in").get("centerId").asLong());
        assertEquals("DENIED", api.act("clerk-C", n, "deny", Api.action("残疾评定不符合标准", d -> d)).text("status"));
        await(n, "agent-T1V1", "DENIED", "reply");
        Api.until("the reply reached the room through the town", RELAYED,
                () -> actions(api.get("/cases/" + n, "agent-T1V1")).stream().filter("reply"::equals).count() >= 2);
        Api.Answer replied = api.get("/cases/" + n, "agent-T1V1");
        long replies = 0;
        for (JsonNode ev : replied.body().get("history")) {
            if ("reply".equals(ev.get("action").asText())) {
                replies++;
                assertEquals("残疾评定不符合标准", ev.get("reason").asText());
            }
        }
        assertEquals("the reply passes the town and reaches the room", 2, replies);
    }

    @Test
    public void theSameMessageTwice_makesOneCase_R23() throws Exception {
        ObjectNode m = Api.object();
        m.put("id", UUID.randomUUID().toString());
        m.put("kind", "RELAY_UP");
        m.put("caseNumber", "T2V1-20261123-9001");
        m.put("fromCenter", "T2V1");
        m.put("toCenter", "T2");
        ObjectNode p = m.putObject("payload");
        p.put("lookupCode", "ABCDEFGH");
        p.put("itemCode", "MZ-002");
        p.put("itemVersion", "1");
        p.put("center", "T2V1");
        p.put("decidingCenter", "T2");
        p.put("applicantName", "赵六");
        p.put("applicantIdType", "RESIDENT_ID");
        p.put("applicantIdNumber", id());
        p.put("materials", "id-card,hardship-statement");
        p.put("createdAtMillis", Long.toString(System.currentTimeMillis()));
        p.put("acceptedAtMillis", Long.toString(System.currentTimeMillis()));
        p.put("promisedDate", "2099-01-05");
        // the town's end of the link T2 - T2V1; the test signs as the village's container would
        RelayLink link = RelayLink.fromToken(links.create(ADMIN, "T2", "T2V1").token);
        Api.Answer clerk = api.post("/relay/inbox", "clerk-T2", m);
        assertEquals("no account hands over messages, not even a signed-in one: " + clerk, 401, clerk.status());
        assertEquals("nor the old relay account", 401, api.post("/relay/inbox", "relay", m).status());
        Api.Answer first = signed(link, m);
        assertEquals(first.toString(), 200, first.status());
        assertFalse(first.body().get("duplicate").asBoolean());
        Api.Answer second = signed(link, m);
        assertTrue("the second delivery is recognised", second.body().get("duplicate").asBoolean());
        assertEquals("with the same receipt", first.text("receipt"), second.text("receipt"));
        Api.Answer c = api.get("/cases/T2V1-20261123-9001", "clerk-T2");
        assertEquals("ACCEPTED", c.text("status"));
        assertEquals("one arrival in the history", 1, actions(c).stream().filter("relay-in"::equals).count());

        m.put("id", UUID.randomUUID().toString());
        ((ObjectNode) m.get("payload")).remove("applicantIdNumber");
        Api.Answer bad = signed(link, m.put("caseNumber", "T2V1-20261123-9002"));
        assertEquals(bad.toString(), 400, bad.status());
        assertEquals("payload.applicantIdNumber", bad.text("field"));
        assertEquals("a refused message changes nothing", 404, api.get("/cases/T2V1-20261123-9002", "clerk-T2").status());

        // hostile values are refused naming the field, never a server error (the same checks as a new case)
        ObjectNode payload = (ObjectNode) m.get("payload");
        payload.put("applicantIdNumber", id());
        payload.put("applicantName", "长".repeat(5_000));
        Api.Answer longName = signed(link, m.put("id", UUID.randomUUID().toString()));
        assertEquals(longName.toString(), 400, longName.status());
        assertEquals("payload.applicant.name", longName.text("field"));
        payload.put("applicantName", "赵六");
        payload.put("promisedDate", "+9999999-12-31");
        Api.Answer farDate = signed(link, m.put("id", UUID.randomUUID().toString()));
        assertEquals(farDate.toString(), 400, farDate.status());
        assertEquals("payload.promisedDate", farDate.text("field"));
        assertEquals(404, api.get("/cases/T2V1-20261123-9002", "clerk-T2").status());

        // a "decision" sent up by the village over its own link: decisions come down from the parent only
        ObjectNode reply = Api.object();
        reply.put("id", UUID.randomUUID().toString());
        reply.put("kind", "RELAY_REPLY");
        reply.put("caseNumber", "T2V1-20261123-9001");
        reply.put("fromCenter", "T2V1");
        reply.put("toCenter", "T2");
        reply.putObject("payload").put("decision", "APPROVED");
        Api.Answer astray = signed(link, reply);
        assertEquals(astray.toString(), 400, astray.status());
        assertEquals("fromCenter", astray.text("field"));
        assertEquals("ACCEPTED", api.get("/cases/T2V1-20261123-9001", "clerk-T2").text("status"));

        // a message claiming another sender than its link, an old one, the same id with other content
        ObjectNode claim = m.deepCopy().put("id", UUID.randomUUID().toString()).put("fromCenter", "T1V1");
        Api.Answer otherSender = api.postSigned(link, "T2V1", "T2", System.currentTimeMillis(), Api.JSON.writeValueAsString(claim));
        assertEquals("signed by T2V1's link, claiming T1V1: " + otherSender, 400, otherSender.status());
        ObjectNode old = m.deepCopy().put("id", UUID.randomUUID().toString());
        assertEquals("a replay of an old message", 401,
                api.postSigned(link, "T2V1", "T2", System.currentTimeMillis() - 600_000, Api.JSON.writeValueAsString(old)).status());
        ObjectNode changed = m.deepCopy().put("id", first.text("messageId"));
        ((ObjectNode) changed.get("payload")).put("applicantName", "钱八");
        String before = api.get("/cases/T2V1-20261123-9001", "clerk-T2").raw().body();
        Api.Answer forged = signed(link, changed);
        assertEquals("a known id with other content: " + forged, 409, forged.status());
        assertEquals("the forgery changed nothing", before, api.get("/cases/T2V1-20261123-9001", "clerk-T2").raw().body());
        assertTrue("the refusals are in the audit log", api.get("/audit?kind=RELAY_REFUSED", "admin").body().path("total").asLong() >= 4);
        // the history names the link the case came over
        boolean byLink = false;
        for (JsonNode ev : c.body().get("history")) {
            byLink |= "link T2V1>T2".equals(ev.path("actor").asText());
        }
        assertTrue("the history names the link: " + c, byLink);
    }

    private Api.Answer signed(RelayLink link, ObjectNode message) throws Exception {
        return api.postSigned(link, message.get("fromCenter").asText(), message.get("toCenter").asText(), System.currentTimeMillis(),
                Api.JSON.writeValueAsString(message));
    }

    @Test
    public void aRefusedMessageBecomesADeadLetter_andIsReplayed() throws Exception {
        // T2 reached over HTTPS: this container's inbox refuses what the village signs (401), a refusal
        Api.Answer plain = api.put("/relay/transports/T2", "admin", "{\"transport\":\"http://localhost:" + YizhanOptions.HTTP_PORT + "/api/v1\"}");
        assertEquals("relay crosses the network over TLS only: " + plain, 400, plain.status());
        assertEquals("transport", plain.text("field"));
        assertTrue(plain.text("detail"), plain.text("detail").contains("HTTPS only"));
        Api.Answer unlinked = api.put("/relay/transports/T2", "admin", "{\"transport\":\"https://attacker.example/api/v1\"}");
        assertEquals("another container only where a link to it was made: " + unlinked, 422, unlinked.status());
        assertEquals("centerCode", unlinked.text("field"));
        // the village's end of a link T2V1 - T2 (the town's end, in this same container, holds another key or none)
        links.create(ADMIN, "T2V1", "T2");
        Api.Answer set = api.put("/relay/transports/T2", "admin",
                "{\"transport\":\"https://localhost:" + YizhanOptions.HTTPS_PORT + "/api/v1\"}");
        assertEquals(set.toString(), 200, set.status());
        assertEquals(403, api.put("/relay/transports/T2", "clerk-T2", "{\"transport\":\"local\"}").status());
        Api.Answer wrong = api.put("/relay/transports/T2", "admin", "{\"transport\":\"ftp://x\"}");
        assertEquals(400, wrong.status());
        assertEquals("transport", wrong.text("field"));
        Api.until("the dispatcher uses the new transport", RELAYED,
                () -> api.get("/relay/transports", "admin").raw().body().contains("\"centerCode\":\"T2\""));
        String n = create("agent-T2V1", "MZ-002", T2V1, "id-card", "hardship-statement").text("number");
        Api.until("the refused message is a dead letter", RELAYED, () -> deadLetter(n) != null);
        JsonNode dead = deadLetter(n);
        assertNotNull(dead);
        assertTrue("the town's end does not take what the village's key signed: " + dead, dead.get("lastError").asText().contains("401"));
        assertEquals("RELAYING", api.get("/cases/" + n, "agent-T2V1").text("status"));
        assertEquals(403, api.get("/relay/dead-letters", "clerk-T2").status());
        assertEquals("dead letters are the county admins'", 403, api.get("/relay/dead-letters", "town-admin-T2").status());
        JsonNode payload = dead.get("message").get("payload");
        assertTrue("the listing masks the identity number: " + payload, payload.get("applicantIdNumber").asText().contains("*"));
        assertTrue(payload.get("applicantName").asText().contains("*"));
        assertTrue("supervision shows the dead letters", api.get("/supervision/alerts", "supervisor").body()
                .get("relayDeadLetters").asLong() >= 1);

        assertEquals(200, api.put("/relay/transports/T2", "admin", "{\"transport\":\"local\"}").status());
        String id = dead.get("message").get("id").asText();
        assertEquals(200, api.post("/relay/dead-letters/" + id + "/replay", "admin", "{}").status());
        assertEquals(404, api.post("/relay/dead-letters/" + id + "/replay", "admin", "{}").status());
        Api.Answer all = api.post("/relay/dead-letters/replay", "admin", "{}");
        assertEquals(all.toString(), 0, all.body().get("replayed").asInt());
        await(n, "clerk-T2", "ACCEPTED", "relay-receipt");
    }

    @Test
    public void theTransmitLimitIsWatched_R23_R20() throws Exception {
        links.create(ADMIN, "T1V1", "T1");
        assertEquals(200, api.put("/relay/transports/T1", "admin", "{\"transport\":\"https://localhost:1/api/v1\"}").status());
        Api.until("the dispatcher uses the new transport", RELAYED,
                () -> api.get("/relay/transports", "admin").raw().body().contains("localhost:1/api/v1"));
        String n = create("agent-T1V1", "MZ-002", T1V1, "id-card", "hardship-statement").text("number");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE YZ_CASE SET RELAYDUE = '2020-01-06' WHERE NUMBER = ?")) {
            ps.setString(1, n);
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(200, api.post("/supervision/scan", "supervisor", "{}").status());
        Api.Answer late = api.get("/cases/" + n, "agent-T1V1");
        assertEquals("not transmitted in time: red", "RED", late.text("alertLevel"));
        assertEquals("RELAYING", late.text("status"));
        Api.Answer status = api.get("/relay/status", "supervisor");
        assertTrue(status.toString(), status.body().get("pending").asLong() >= 1);
        assertTrue(status.toString(), status.body().get("relaying").asLong() >= 1);

        assertEquals(200, api.put("/relay/transports/T1", "admin", "{\"transport\":\"local\"}").status());
        Api.Answer arrived = await(n, "clerk-T1", "ACCEPTED", null);
        assertTrue("the alert clears when the case arrives: " + arrived, arrived.body().path("alertLevel").isMissingNode()
                || arrived.body().path("alertLevel").isNull());
    }

    @Test
    public void consultationsAreInTheLedger_R5() throws Exception {
        Api.Answer ok = api.post("/centers/" + T1V1 + "/ledger", "agent-T1V1",
                "{\"visitorName\":\"孙七\",\"itemCode\":\"SN-002\",\"note\":\"咨询林木采伐许可所需材料\"}");
        assertEquals(ok.toString(), 200, ok.status());
        assertEquals("CONSULTATION", ok.text("kind"));
        Api.Answer noNote = api.post("/centers/" + T1V1 + "/ledger", "agent-T1V1", "{\"visitorName\":\"孙七\"}");
        assertEquals(400, noNote.status());
        assertEquals("note", noNote.text("field"));
        assertEquals("not someone else's room", 403,
                api.post("/centers/" + T1V1 + "/ledger", "agent-T2V1", "{\"visitorName\":\"孙七\",\"note\":\"x\"}").status());
        boolean listed = false;
        for (JsonNode e : api.get("/centers/" + T1V1 + "/ledger", "clerk-T1").body()) {
            listed |= "咨询林木采伐许可所需材料".equals(e.path("note").asText());
        }
        assertTrue("the town sees its rooms' ledgers", listed);
    }

    @Test
    public void deliveredMessagesAreRemovedAfterTheirKeepingTime() throws Exception {
        String n = create("agent-T1V1", "MZ-002", T1V1, "id-card", "hardship-statement").text("number");
        await(n, "clerk-T1", "ACCEPTED", "relay-receipt");
        // the receipt came back, so the case's RELAY_UP message was delivered; with keepSentDays = 0 the
        // purge route (yizhan-outbox-purge) removes it: without the purge it would stay SENT for ever
        Api.until("the delivered messages of " + n + " purged", RELAYED, () -> outboxRows(n) == 0);
    }

    /** The case's messages still in the outbox, whatever their state. */
    private long outboxRows(String caseNumber) throws Exception {
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM YZ_OUTBOX WHERE CASENUMBER = ?")) {
            ps.setString(1, caseNumber);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The dead letter of a case's message, or null. */
    private JsonNode deadLetter(String caseNumber) throws Exception {
        for (JsonNode d : api.get("/relay/dead-letters", "admin").body()) {
            if (caseNumber.equals(d.get("message").get("caseNumber").asText())) {
                return d;
            }
        }
        return null;
    }
}
