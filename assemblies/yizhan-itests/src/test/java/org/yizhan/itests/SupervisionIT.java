package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * E-supervision with no one watching: the scheduler (every 2 s here) turns cases yellow and red
 * and back, and records the deemed consent of a joint window that let its deadline pass (R14).
 * Dates are moved into the past directly in the database, as time passing would.
 */
public class SupervisionIT extends ContainerTestSupport {

    private static final long T1 = 11;
    private static final AtomicInteger IDS = new AtomicInteger(300);
    @Inject
    @Filter(value = "(osgi.jndi.service.name=yizhan)", timeout = YizhanOptions.SERVICE_TIMEOUT_MILLIS)
    private DataSource dataSource;

    @Override
    protected Option[] options() {
        return new Option[] {editConfigurationFilePut("etc/org.yizhan.supervision.cfg", "scanIntervalSeconds", "2")};
    }

    private String create(String item, boolean urgent, String... materials) throws Exception {
        var body = Api.newCase(item, T1, Api.residentId(IDS.incrementAndGet()), materials);
        body.put("urgent", urgent);
        Api.Answer a = api.post("/cases", "clerk-T1", body);
        assertEquals(a.toString(), 201, a.status());
        return a.text("number");
    }

    private void sql(String statement, String... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            assertEquals(statement, 1, ps.executeUpdate());
        }
    }

    private JsonNode awaitCase(String number, Duration deadline, java.util.function.Predicate<JsonNode> done) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = api.get("/cases/" + number, "supervisor").body();
            if (done.test(last)) {
                return last;
            }
            synchronized (this) {
                wait(200);
            }
        }
        throw new AssertionError("not within " + deadline + ": " + last);
    }

    /**
     * A read is served from this node's memory only while the case's row is as it was: a change
     * another node writes to the shared database (its version moves), an event written by
     * another part of the platform (a complaint linked to the case) and the scan's alert level are
     * all seen at the next read, and the next action starts from them.
     */
    @Test
    public void aReadSeesWhatAnotherNodeOrAnotherServiceWrote() throws Exception {
        String n = create("MZ-002", false, "id-card", "hardship-statement");
        String promised = null;
        for (int i = 0; i < 2; i++) {
            Api.Answer a = api.get("/cases/" + n, "supervisor");
            assertEquals("ACCEPTED", a.text("status"));
            promised = a.text("promisedDate");
        }
        // another node takes the case into review (no event here: the row alone)
        sql("UPDATE YZ_CASE SET STATUS = 'IN_REVIEW', OPTLOCK = OPTLOCK + 1 WHERE NUMBER = ?", n);
        assertEquals("IN_REVIEW", api.get("/cases/" + n, "supervisor").text("status"));
        // the complaint office links a complaint to the case: an event written outside the case actions
        Api.Answer complaint = api.post("/complaints", "supervisor", "{\"category\":\"ATTITUDE\",\"form\":\"WRITTEN\",\"text\":\"态度生硬\","
                + "\"centerId\":11,\"caseNumber\":\"" + n + "\",\"complainant\":{\"name\":\"钱\"}}");
        assertEquals(complaint.toString(), 201, complaint.status());
        JsonNode read = api.get("/cases/" + n, "supervisor").body();
        assertEquals(read.toString(), "complaint", read.get("history").get(read.get("history").size() - 1).get("action").asText());
        // the scan's alert level, which it writes without the case engine (set here as the scan would, for a date long past)
        sql("UPDATE YZ_CASE SET PROMISEDDATE = '2026-01-05', ALERTLEVEL = 'RED' WHERE NUMBER = ?", n);
        assertEquals("RED", api.get("/cases/" + n, "supervisor").text("alertLevel"));
        // and back (so the approval below is on time, as the rates test of this class expects of the day's decisions)
        sql("UPDATE YZ_CASE SET PROMISEDDATE = ?, ALERTLEVEL = NULL WHERE NUMBER = ?", promised, n);
        JsonNode level = api.get("/cases/" + n, "supervisor").body().path("alertLevel");
        assertTrue(level.toString(), level.isNull() || level.isMissingNode());
        // the next action works on the case as it now stands, and answers its whole history
        Api.Answer approved = api.act("clerk-T1", n, "approve", "{}");
        assertEquals(approved.toString(), "APPROVED", approved.text("status"));
        JsonNode history = approved.body().get("history");
        assertEquals(history.toString(), read.get("history").size() + 1, history.size());
        assertEquals("IN_REVIEW", history.get(history.size() - 1).get("from").asText());
        assertEquals(history.toString(), approved.body().get("history"), api.get("/cases/" + n, "supervisor").body().get("history"));
    }

    @Test
    public void aJointWindowThatLetsItsDeadlinePass_isDeemedToConsent_byItself_R14() throws Exception {
        String n = create("JS-010", false, "application", "id-card", "household-register", "site-plan", "village-opinion");
        JsonNode c = api.get("/cases/" + n, "clerk-T1").body();
        assertNotNull("a joint case gets the joint windows' deadline", c.get("jointDeadline"));
        sql("UPDATE YZ_CASE SET JOINTDEADLINE = ? WHERE NUMBER = ?",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString(), n);
        JsonNode after = awaitCase(n, Duration.ofSeconds(60), j -> j.get("opinions").size() == 1);
        JsonNode opinion = after.get("opinions").get(0);
        assertEquals("agriculture", opinion.get("window").asText());
        assertEquals("AGREE", opinion.get("opinion").asText());
        assertEquals("system", opinion.get("by").asText());
        assertTrue(opinion.get("reason").asText(), opinion.get("reason").asText().contains("responsibility stays with window agriculture"));
        JsonNode last = after.get("history").get(after.get("history").size() - 1);
        assertEquals("opinion", last.get("action").asText());
        assertEquals("agriculture", last.get("data").get("responsible").asText());
        assertTrue(api.get("/cases/" + n + "/history/verify", "supervisor").body().get("valid").asBoolean());
        assertEquals("the case moves on", "APPROVED",
                api.post("/cases/" + n + "/actions/approve", "clerk-T1", "{}").text("status"));
    }

    @Test
    public void aJointWindowAbsentFromTheMeeting_isDeemedToConsent_R14() throws Exception {
        String n = create("JS-010", false, "application", "id-card", "household-register", "site-plan", "village-opinion");
        Api.Answer a = api.post("/cases/" + n + "/actions/opinion", "clerk-T1",
                Api.action(null, d -> d.put("window", "agriculture").put("opinion", "ABSENT")));
        assertEquals(a.toString(), 200, a.status());
        assertEquals("AGREE", a.body().get("opinions").get(0).get("opinion").asText());
        assertTrue(a.body().get("opinions").get(0).get("reason").asText().contains("absent"));
    }

    @Test
    public void theSchedulerRaisesAndClearsAlerts_withNoOneWatching_R20() throws Exception {
        String red = create("MZ-002", false, "id-card", "hardship-statement");
        String yellow = create("MZ-002", false, "id-card", "hardship-statement");
        // As if days had passed: the promised date was yesterday; the yellow date is today.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        sql("UPDATE YZ_CASE SET PROMISEDDATE = ?, YELLOWDATE = ? WHERE NUMBER = ?", today.minusDays(1).toString(),
                today.minusDays(4).toString(), red);
        sql("UPDATE YZ_CASE SET PROMISEDDATE = ?, YELLOWDATE = ? WHERE NUMBER = ?", today.plusDays(3).toString(),
                today.toString(), yellow);
        awaitCase(red, Duration.ofSeconds(60), j -> "RED".equals(j.path("alertLevel").asText()));
        awaitCase(yellow, Duration.ofSeconds(60), j -> "YELLOW".equals(j.path("alertLevel").asText()));
        Api.Answer alerts = api.get("/supervision/alerts?level=RED&size=500", "supervisor");
        assertTrue(alerts.raw().body(), alerts.raw().body().contains(red));
        assertFalse(alerts.raw().body().contains(yellow));
        assertTrue(alerts.body().get("red").asLong() >= 1);
        Api.Answer village = api.get("/supervision/alerts", "agent-T2V1");
        assertFalse("alerts only of the caller's centers", village.raw().body().contains(red));
        // Decided cases leave the clock: the next scan clears the alert.
        api.post("/cases/" + red + "/actions/approve", "clerk-T1", "{}");
        awaitCase(red, Duration.ofSeconds(60), j -> j.path("alertLevel").isMissingNode() || j.path("alertLevel").isNull());
    }

    @Test
    public void urgentCasesGoFirstInEveryQueue_R27() throws Exception {
        create("MZ-002", false, "id-card", "hardship-statement");
        String urgent = create("MZ-002", true, "id-card", "hardship-statement");
        create("MZ-002", false, "id-card", "hardship-statement");
        JsonNode first = api.get("/cases?center=" + T1 + "&size=5", "clerk-T1").body().get("items").get(0);
        assertTrue(first.get("urgent").asBoolean());
        assertEquals(urgent, first.get("number").asText());
    }

    @Test
    public void ratesPerWindowAndCenter_andTheScanOnDemand_R20() throws Exception {
        String n = create("MZ-002", false, "id-card", "hardship-statement");
        api.post("/cases/" + n + "/actions/approve", "clerk-T1", "{}");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Api.Answer rates = api.get("/supervision/rates?from=" + today + "&to=" + today, "supervisor");
        assertEquals(rates.toString(), 200, rates.status());
        boolean found = false;
        for (JsonNode r : rates.body()) {
            if (r.get("centerId").asLong() == T1 && "civil-affairs".equals(r.get("windowType").asText())) {
                found = true;
                assertTrue(r.get("completed").asLong() >= 1);
                assertTrue(r.get("completionRate").asDouble() > 0 && r.get("completionRate").asDouble() <= 1);
                assertEquals("decided the same day, so on time", r.get("completed").asLong(), r.get("onTime").asLong());
            }
        }
        assertTrue(rates.raw().body(), found);
        assertEquals(400, api.get("/supervision/rates?from=" + today + "&to=2000-01-01", "supervisor").status());
        assertEquals(403, api.post("/supervision/scan", "clerk-T1", "{}").status());
        Api.Answer scan = api.post("/supervision/scan", "supervisor", "{}");
        assertEquals(scan.toString(), 200, scan.status());
        assertTrue(scan.body().has("millis"));
        assertFalse("the on-demand scan is the incremental one", scan.body().get("full").asBoolean());
        assertTrue(api.post("/supervision/scan?full=true", "supervisor", "{}").body().get("full").asBoolean());
    }
}
