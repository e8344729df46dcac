package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public's voice against the booted distribution in demo mode, over real HTTP: ratings and
 * the rectification of bad ones (R21), complaints (R22), the satisfaction rate (R20) and the
 * published assessments (R28). Every due date is checked against the calendar API of the same
 * center, so the test holds on any day it runs.
 */
public class FeedbackIT extends ContainerTestSupport {

    private static final long T1 = 11;
    private static final long T2 = 12;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger IDS = new AtomicInteger(400);

    @Inject
    @Filter(value = "(osgi.jndi.service.name=yizhan)", timeout = YizhanOptions.SERVICE_TIMEOUT_MILLIS)
    private DataSource dataSource;

    /** A case of 柳河镇's civil-affairs window, accepted with complete materials; delivered when asked. */
    private String[] caseAtT1(boolean finish) throws Exception {
        Api.Answer c = api.post("/cases", "clerk-T1", Api.newCase("MZ-002", T1, Api.residentId(IDS.incrementAndGet()), "id-card",
                "hardship-statement"));
        assertEquals(c.toString(), 201, c.status());
        String n = c.text("number");
        if (finish) {
            assertEquals("APPROVED", api.act("clerk-T1", n, "approve", "{}").text("status"));
            assertEquals("DELIVERED", api.act("clerk-T1", n, "deliver", "{}").text("status"));
        }
        return new String[] {n, c.text("lookupCode")};
    }

    private Api.Answer ratePublic(String[] c, String level) throws Exception {
        return api.post("/public/cases/" + c[0] + "/rating?lookupCode=" + c[1], null, "{\"level\":\"" + level + "\"}");
    }

    /** The n-th working day after today at the center, as the calendar API says. */
    private String due(long center, int workingDays) throws Exception {
        return api.get("/calendar/due?center=" + center + "&from=" + LocalDate.now(ZONE) + "&workingDays=" + workingDays, null)
                .text("due");
    }

    private static void assertProblem(Api.Answer a, int status, String field) {
        assertEquals(a.toString(), status, a.status());
        assertEquals(a.toString(), "application/problem+json", a.contentType());
        if (field != null) {
            assertEquals(a.toString(), field, a.text("field"));
        }
    }

    private int sql(String statement, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ ratings (R21)

    @Test
    public void r21_aFinishedCaseIsRatedOnce_byTheApplicantOrAtTheWindow_andTheRatingIsInItsVerifiedHistory() throws Exception {
        String[] open = caseAtT1(false);
        assertProblem(ratePublic(open, "SATISFIED"), 409, null);
        String[] c = caseAtT1(true);
        assertProblem(api.post("/public/cases/" + c[0] + "/rating?lookupCode=WRONG234", null, "{\"level\":\"SATISFIED\"}"), 404, null);
        assertProblem(ratePublic(c, "QUITE_HAPPY"), 400, "level");
        assertProblem(api.post("/public/cases/" + c[0] + "/rating?lookupCode=" + c[1], null,
                "{\"level\":\"SATISFIED\",\"indicators\":{\"speed\":\"SATISFIED\"}}"), 400, "indicators");
        assertTrue("nothing was recorded by the refusals", api.get("/public/cases/" + c[0] + "?lookupCode=" + c[1], null).body()
                .get("rateable").asBoolean());

        Api.Answer rated = api.post("/public/cases/" + c[0] + "/rating?lookupCode=" + c[1], null,
                "{\"level\":\"VERY_SATISFIED\",\"indicators\":{\"overall\":\"VERY_SATISFIED\",\"attitude\":\"SATISFIED\"},\"comment\":\"很快\"}");
        assertEquals(rated.toString(), 200, rated.status());
        assertEquals("PUBLIC", rated.text("channel"));
        assertEquals("SATISFIED", rated.body().get("indicators").get("attitude").asText());
        assertNull("a good rating opens no rectification", rated.text("rectificationId"));
        // one rating per case (一事一评): a second one, from anyone, is refused
        assertProblem(ratePublic(c, "DISSATISFIED"), 409, null);
        assertProblem(api.post("/cases/" + c[0] + "/rating", "clerk-T1", "{\"level\":\"DISSATISFIED\"}"), 409, null);

        JsonNode pub = api.get("/public/cases/" + c[0] + "?lookupCode=" + c[1], null).body();
        assertEquals("VERY_SATISFIED", pub.get("rating").asText());
        assertFalse(pub.get("rateable").asBoolean());
        Api.Answer staff = api.get("/cases/" + c[0], "clerk-T1");
        assertEquals("rate", Api.actions(staff).get(Api.actions(staff).size() - 1));
        assertEquals("the rating leaves the status as it was", "DELIVERED", staff.text("status"));
        JsonNode verified = api.get("/cases/" + c[0] + "/history/verify", "supervisor").body();
        assertTrue(verified.toString(), verified.get("valid").asBoolean());

        // at the window: a clerk records it on the applicant's behalf, marked so; a supervisor may not
        String[] w = caseAtT1(true);
        assertProblem(api.post("/cases/" + w[0] + "/rating", "supervisor", "{\"level\":\"SATISFIED\"}"), 403, null);
        assertProblem(api.post("/cases/" + w[0] + "/rating", "clerk-T2", "{\"level\":\"SATISFIED\"}"), 404, null);
        Api.Answer window = api.post("/cases/" + w[0] + "/rating", "clerk-T1", "{\"level\":\"BASICALLY_SATISFIED\"}");
        assertEquals(window.toString(), 200, window.status());
        assertEquals("WINDOW", window.text("channel"));
        assertEquals("clerk-T1", window.text("recordedBy"));
    }

    @Test
    public void r21_aBadRatingIsVerifiedRectifiedVisitedAndClosedInTime_watchedLikeACase() throws Exception {
        String[] c = caseAtT1(true);
        Api.Answer rated = ratePublic(c, "VERY_DISSATISFIED");
        assertEquals(rated.toString(), 200, rated.status());
        String id = rated.text("rectificationId");
        assertNotNull("a bad rating opens a rectification", id);
        Api.Answer r = api.get("/rectifications/" + id, "clerk-T1");
        assertEquals("OPEN", r.text("status"));
        assertEquals("due 15 working days later on the deciding center's calendar", due(T1, 15), r.body().get("due").get("dueDate").asText());
        assertEquals(List.of("verify", "appeal"), strings(r.body().get("actions")));
        assertProblem(api.get("/rectifications/" + id, "clerk-T2"), 404, null);

        // out of order, without its text, by the wrong role: refused, nothing changes
        assertProblem(api.post("/rectifications/" + id + "/actions/visit", "clerk-T1", "{\"text\":\"x\"}"), 409, null);
        assertProblem(api.post("/rectifications/" + id + "/actions/verify", "clerk-T1", "{}"), 400, "text");
        assertEquals("OPEN", api.get("/rectifications/" + id, "clerk-T1").text("status"));

        // past its due date it is red, in the list and in e-supervision's counts
        long redBefore = api.get("/supervision/alerts", "supervisor").body().get("rectificationsRed").asLong();
        assertEquals(1, sql("UPDATE YZ_RECTIFICATION SET DUEDATE = ?, YELLOWDATE = ? WHERE ID = ?", "2026-01-05", "2026-01-02",
                Long.parseLong(id)));
        assertEquals("RED", api.get("/rectifications/" + id, "supervisor").text("alertLevel"));
        assertEquals(redBefore + 1, api.get("/supervision/alerts", "supervisor").body().get("rectificationsRed").asLong());
        assertEquals(1, sql("UPDATE YZ_RECTIFICATION SET DUEDATE = ?, YELLOWDATE = ? WHERE ID = ?", due(T1, 15), due(T1, 12),
                Long.parseLong(id)));

        assertEquals("VERIFIED", act(id, "verify", "clerk-T1", "等候超过一小时属实").text("status"));
        assertEquals("RECTIFIED", act(id, "rectify", "clerk-T1", "增设叫号提醒，调整午间值班").text("status"));
        assertEquals("VISITED", act(id, "visit", "clerk-T1", "回访：申请人表示认可").text("status"));
        assertProblem(api.post("/rectifications/" + id + "/actions/close", "clerk-T1", "{}"), 403, null);
        Api.Answer closed = act(id, "close", "town-admin-T1", null);
        assertEquals("CLOSED", closed.text("status"));
        assertNull("a closed rectification raises no alert", closed.text("alertLevel"));
        assertEquals(List.of("open", "verify", "rectify", "visit", "close"), closed.body().findValuesAsText("action"));
        assertEquals(List.of(), strings(closed.body().get("actions")));
    }

    @Test
    public void r21_aWindowAppealsARating_theSupervisorUpholdsOneAndRejectsAnother() throws Exception {
        String[] a = caseAtT1(true);
        String upheld = ratePublic(a, "DISSATISFIED").text("rectificationId");
        String[] b = caseAtT1(true);
        String rejected = ratePublic(b, "DISSATISFIED").text("rectificationId");
        assertProblem(api.post("/rectifications/" + upheld + "/actions/appeal", "supervisor", "{\"text\":\"x\"}"), 403, null);
        assertEquals("APPEALED", act(upheld, "appeal", "clerk-T1", "申请人评价的是县不动产登记窗口").text("status"));
        assertProblem(api.post("/rectifications/" + upheld + "/actions/uphold", "clerk-T1", "{\"text\":\"x\"}"), 403, null);
        Api.Answer annulled = act(upheld, "uphold", "supervisor", "核实：评价对象有误，申诉成立");
        assertEquals("ANNULLED", annulled.text("status"));
        Api.Answer caseA = api.get("/cases/" + a[0], "clerk-T1");
        assertEquals("rating-annulled", Api.actions(caseA).get(Api.actions(caseA).size() - 1));
        assertTrue(api.get("/cases/" + a[0] + "/history/verify", "supervisor").body().get("valid").asBoolean());

        assertEquals("VERIFIED", act(rejected, "verify", "clerk-T1", "属实").text("status"));
        assertEquals("APPEALED", act(rejected, "appeal", "clerk-T1", "不属实").text("status"));
        assertEquals("back where the appeal found it", "VERIFIED", act(rejected, "reject", "supervisor", "申诉不成立").text("status"));

        // the audit log has the supervisor's decisions
        JsonNode audit = api.get("/audit?size=200", "admin").body().get("items");
        assertTrue(audit.toString().contains("RATING_APPEAL_UPHELD"));
        assertTrue(audit.toString().contains("RATING_APPEAL_REJECTED"));
    }

    /** R20: the satisfaction rate next to the completion and on-time rates; an annulled rating does not count. */
    @Test
    public void r20_theSatisfactionRateIsReportedPerWindowAndCenter() throws Exception {
        JsonNode before = rate(T2);
        String[] good = caseAt("clerk-T2", T2);
        String[] bad = caseAt("clerk-T2", T2);
        String[] wrong = caseAt("clerk-T2", T2);
        assertEquals(200, ratePublic(good, "SATISFIED").status());
        assertEquals(200, ratePublic(bad, "VERY_DISSATISFIED").status());
        String appealed = ratePublic(wrong, "DISSATISFIED").text("rectificationId");
        act(appealed, "appeal", "clerk-T2", "评价对象有误");
        act(appealed, "uphold", "supervisor", "申诉成立");
        JsonNode after = rate(T2);
        long ratings = after.get("ratings").asLong() - (before == null ? 0 : before.get("ratings").asLong());
        long satisfied = after.get("satisfied").asLong() - (before == null ? 0 : before.get("satisfied").asLong());
        assertEquals("the annulled rating does not count", 2, ratings);
        assertEquals(1, satisfied);
        assertEquals((double) after.get("satisfied").asLong() / after.get("ratings").asLong(), after.get("satisfactionRate").asDouble(), 1e-9);
        assertTrue(after.has("onTimeRate") && after.has("completionRate"));
    }

    private String[] caseAt(String clerk, long center) throws Exception {
        Api.Answer c = api.post("/cases", clerk, Api.newCase("MZ-002", center, Api.residentId(IDS.incrementAndGet()), "id-card",
                "hardship-statement"));
        assertEquals(c.toString(), 201, c.status());
        String n = c.text("number");
        assertEquals("APPROVED", api.act(clerk, n, "approve", "{}").text("status"));
        assertEquals("DELIVERED", api.act(clerk, n, "deliver", "{}").text("status"));
        return new String[] {n, c.text("lookupCode")};
    }

    private JsonNode rate(long center) throws Exception {
        String today = LocalDate.now(ZONE).toString();
        for (JsonNode r : api.get("/supervision/rates?from=" + today + "&to=" + today + "&center=" + center, "supervisor").body()) {
            if ("civil-affairs".equals(r.get("windowType").asText())) {
                return r;
            }
        }
        return null;
    }

    @Test
    public void r21_finishedCasesNobodyRatedAreListedForAnInvitation() throws Exception {
        String[] c = caseAtT1(true);
        String[] rated = caseAtT1(true);
        assertEquals(200, ratePublic(rated, "SATISFIED").status());
        long fiveDaysAgo = System.currentTimeMillis() - java.util.concurrent.TimeUnit.DAYS.toMillis(5);
        assertEquals(2, sql("UPDATE YZ_CASE SET UPDATEDATMILLIS = ? WHERE NUMBER IN (?, ?)", fiveDaysAgo, c[0], rated[0]));
        List<String> listed = api.get("/ratings/unrated", "clerk-T1").body().findValuesAsText("caseNumber");
        assertTrue(listed.contains(c[0]));
        assertFalse("a rated case is not invited", listed.contains(rated[0]));
        assertFalse("another town's clerk does not see it", api.get("/ratings/unrated", "clerk-T2").body()
                .findValuesAsText("caseNumber").contains(c[0]));
    }

    private Api.Answer act(String id, String action, String user, String text) throws Exception {
        Api.Answer a = api.post("/rectifications/" + id + "/actions/" + action, user,
                text == null ? "{}" : "{\"text\":\"" + text + "\"}");
        assertEquals(a.toString(), 200, a.status());
        return a;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    // ------------------------------------------------------------------ complaints (R22)

    private static final String WEB = "{\"category\":\"%s\",\"text\":\"%s\",\"centerId\":11,\"windowType\":\"civil-affairs\","
            + "\"complainant\":{\"name\":\"赵投诉\",\"phone\":\"13812345678\"}}";

    @Test
    public void r22_aComplaintOfCorruptionOrASeriousOneIsWritten() throws Exception {
        long before = api.get("/complaints", "supervisor").body().size();
        assertProblem(api.post("/complaints", "supervisor", "{\"category\":\"INTEGRITY\",\"form\":\"ORAL\",\"text\":\"收了红包\","
                + "\"centerId\":11,\"complainant\":{\"name\":\"钱\"}}"), 422, "form");
        assertProblem(api.post("/complaints", "supervisor", "{\"category\":\"ATTITUDE\",\"form\":\"ORAL\",\"serious\":true,"
                + "\"text\":\"辱骂群众\",\"centerId\":11,\"complainant\":{\"name\":\"钱\"}}"), 422, "form");
        assertProblem(api.post("/complaints", "supervisor", "{\"category\":\"BRIBES\",\"form\":\"WRITTEN\",\"text\":\"x\",\"centerId\":11,"
                + "\"complainant\":{\"name\":\"钱\"}}"), 400, "category");
        assertProblem(api.post("/complaints", "clerk-T1", "{\"category\":\"OTHER\",\"form\":\"ORAL\",\"text\":\"x\",\"centerId\":11,"
                + "\"complainant\":{\"name\":\"钱\"}}"), 403, null);
        assertEquals("refusals record nothing", before, api.get("/complaints", "supervisor").body().size());
        Api.Answer oral = api.post("/complaints", "supervisor", "{\"category\":\"ATTITUDE\",\"form\":\"ORAL\",\"text\":\"态度生硬\","
                + "\"centerId\":11,\"complainant\":{\"name\":\"钱\"}}");
        assertEquals(oral.toString(), 201, oral.status());
        assertEquals("ORAL", oral.text("form"));
        // answered on the spot, the day it was received
        Api.Answer spot = api.post("/complaints/" + oral.text("number") + "/actions/answer", "supervisor",
                "{\"text\":\"当场致歉并说明政策\",\"upheld\":true,\"onTheSpot\":true}");
        assertEquals(spot.toString(), "ANSWERED", spot.text("status"));
        assertTrue(spot.body().get("onTheSpot").asBoolean());
        assertProblem(api.get("/complaints/" + oral.text("number") + "/letter", "supervisor"), 409, null);
    }

    @Test
    public void r22_aWebComplaintNeedingAnotherAgency_isReferredAnsweredInWritingAndFollowedUp() throws Exception {
        Api.Answer filed = api.post("/public/complaints", null, String.format(WEB, "FEES", "办证多收了<b>50元</b>"));
        assertEquals(filed.toString(), 201, filed.status());
        String number = filed.text("number");
        String code = filed.text("lookupCode");
        assertEquals("RECEIVED", filed.text("status"));
        assertEquals("answered within 5 working days", due(T1, 5), filed.body().get("dueDate").get("dueDate").asText());
        assertFalse("the public's answer carries nothing personal", filed.raw().body().contains("赵投诉") || filed.raw().body().contains("1381"));

        Api.Answer office = api.get("/complaints/" + number, "supervisor");
        assertEquals("WEB", office.text("channel"));
        assertEquals("WRITTEN", office.text("form"));
        assertEquals("13812345678", office.text("complainantPhone"));
        assertEquals("a proposal within 2 working days", due(T1, 2), office.body().get("proposalDue").get("dueDate").asText());
        assertEquals("138****5678", api.get("/complaints/" + number, "town-admin-T1").text("complainantPhone"));
        assertProblem(api.get("/complaints/" + number, "town-admin-T2"), 404, null);
        assertProblem(api.post("/complaints/" + number + "/actions/refer", "town-admin-T1", "{\"text\":\"x\",\"agency\":\"y\"}"), 403, null);
        assertProblem(api.post("/complaints/" + number + "/actions/refer", "supervisor", "{\"text\":\"转物价部门\"}"), 400, "agency");

        Api.Answer referred = api.post("/complaints/" + number + "/actions/refer", "supervisor",
                "{\"agency\":\"县发展和改革局（价格）\",\"text\":\"建议由价格主管部门核查收费\"}");
        assertEquals(referred.toString(), "REFERRED", referred.text("status"));
        assertTrue(referred.raw().body().contains("按时提出转办意见"));
        assertProblem(api.post("/complaints/" + number + "/actions/answer", "supervisor", "{\"text\":\"x\"}"), 400, "upheld");
        Api.Answer answered = api.post("/complaints/" + number + "/actions/answer", "supervisor",
                "{\"text\":\"经价格主管部门核查，多收费用已退还\",\"upheld\":true}");
        assertEquals("ANSWERED", answered.text("status"));

        // the written answer, printable, every value escaped
        HttpResponse<String> letter = Http.send(HttpRequest.newBuilder(URI.create(api.base() + "/complaints/" + number + "/letter"))
                .header("Accept", "text/html").GET(), "supervisor", "demo");
        assertEquals(200, letter.statusCode());
        assertTrue(letter.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(letter.body().contains("投诉答复书") && letter.body().contains("赵投诉") && letter.body().contains("已退还"));
        assertTrue(letter.body().contains("&lt;b&gt;50元&lt;/b&gt;"));
        assertFalse(letter.body().contains("<b>50元"));

        Api.Answer pub = api.get("/public/complaints/" + number + "?lookupCode=" + code, null);
        assertEquals("ANSWERED", pub.text("status"));
        assertTrue(pub.body().get("referred").asBoolean());
        assertFalse(pub.raw().body().contains("赵投诉") || pub.raw().body().contains("13812345678"));
        assertProblem(api.get("/public/complaints/" + number + "?lookupCode=AAAAAAAA", null), 404, null);

        Api.Answer closed = api.post("/complaints/" + number + "/actions/follow-up", "supervisor", "{\"text\":\"回访：投诉人满意\"}");
        assertEquals("CLOSED", closed.text("status"));
        assertEquals(List.of("receive", "refer", "answer", "follow-up"), closed.body().findValuesAsText("action"));
        // an answer on the spot is given the day the complaint came in
        Api.Answer late = api.post("/public/complaints", null, String.format(WEB, "RULES", "未一次性告知"));
        assertEquals(1, sql("UPDATE YZ_COMPLAINT SET RECEIVEDDAY = ? WHERE NUMBER = ?", "2026-01-05", late.text("number")));
        assertProblem(api.post("/complaints/" + late.text("number") + "/actions/answer", "supervisor",
                "{\"text\":\"x\",\"upheld\":false,\"onTheSpot\":true}"), 422, "onTheSpot");
    }

    @Test
    public void r22_complaintsPastTheirDueDateAreRedInESupervision() throws Exception {
        Api.Answer filed = api.post("/public/complaints", null, String.format(WEB, "OTHER", "无人接听"));
        long before = api.get("/supervision/alerts", "supervisor").body().get("complaintsRed").asLong();
        assertEquals(1, sql("UPDATE YZ_COMPLAINT SET DUEDATE = ?, YELLOWDATE = ? WHERE NUMBER = ?", "2026-01-05", "2026-01-02",
                filed.text("number")));
        assertEquals("RED", api.get("/complaints/" + filed.text("number"), "supervisor").text("alertLevel"));
        assertEquals(before + 1, api.get("/supervision/alerts", "supervisor").body().get("complaintsRed").asLong());
        assertEquals("a town's own alert counts", before + 1, api.get("/supervision/alerts", "town-admin-T1").body()
                .get("complaintsRed").asLong());
    }

    // ------------------------------------------------------------------ integration

    /** The route of docs/examples/ratings-to-province.xml, writing into a folder of this test. */
    private static final String ROUTE = "<routes xmlns=\"http://camel.apache.org/schema/spring\"><route id=\"ratings-to-province\">"
            + "<from uri=\"direct:integration-ratings\"/><filter><simple>${header.YizhanEvent} == 'rated' || ${header.YizhanEvent} == "
            + "'rating-annulled' || ${header.YizhanEvent} startsWith 'complaint-'</simple>"
            + "<setHeader name=\"CamelFileName\"><simple>${header.YizhanEvent}-${header.YizhanEventId}.json</simple></setHeader>"
            + "<to uri=\"file:%s\"/></filter></route></routes>";

    /** Provinces collect 好差评 centrally: ratings and complaints are events an integrator's route takes, with nothing personal. */
    @Test
    public void integratorsRoutesTakeRatingsAndComplaints() throws Exception {
        java.nio.file.Path base = java.nio.file.Path.of(System.getProperty("karaf.base", "."));
        java.nio.file.Path outbox = java.nio.file.Files.createDirectories(base.resolve("data").resolve("province-outbox"));
        java.nio.file.Path routes = java.nio.file.Files.createDirectories(base.resolve("routes"));
        java.nio.file.Files.writeString(routes.resolve("ratings-to-province.xml"), String.format(ROUTE, outbox.toAbsolutePath()));
        Api.until("the route file is loaded", java.time.Duration.ofSeconds(60),
                () -> api.get("/relay/routes", "admin").raw().body().contains("ratings-to-province"));
        String[] c = caseAtT1(true);
        assertEquals(200, api.post("/public/cases/" + c[0] + "/rating?lookupCode=" + c[1], null,
                "{\"level\":\"SATISFIED\",\"comment\":\"张三很好\"}").status());
        Api.Answer filed = api.post("/public/complaints", null, String.format(WEB, "ATTITUDE", "态度不好"));
        Api.until("a rating and a complaint reached the province's folder", java.time.Duration.ofSeconds(60), () -> {
            String all = read(outbox);
            return all.contains(c[0]) && all.contains(filed.text("number"));
        });
        String all = read(outbox);
        assertTrue(all, all.contains("\"level\":\"SATISFIED\"") || all.contains("\"level\" : \"SATISFIED\""));
        assertFalse("no complainant in the event: " + all, all.contains("赵投诉") || all.contains("13812345678"));
        assertFalse("no comment (it may name people): " + all, all.contains("张三很好"));
        java.nio.file.Files.delete(routes.resolve("ratings-to-province.xml"));
    }

    private static String read(java.nio.file.Path dir) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.toList()) {
                sb.append(f.getFileName()).append(' ').append(java.nio.file.Files.readString(f)).append('\n');
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ assessments (R28)

    @Test
    public void r28_aClosedQuarterIsFrozen_laterEventsDoNotChangeItsPublishedNumbers() throws Exception {
        String[] first = caseAtT1(true);
        assertEquals(200, ratePublic(first, "SATISFIED").status());
        long august = LocalDate.parse("2025-08-15").atStartOfDay(ZONE).toInstant().toEpochMilli();
        assertEquals(1, sql("UPDATE YZ_CASE SET ACCEPTEDATMILLIS = ?, DECIDEDATMILLIS = ? WHERE NUMBER = ?", august, august + 3_600_000L,
                first[0]));
        assertEquals(1, sql("UPDATE YZ_RATING SET RATEDDAY = ? WHERE CASENUMBER = ?", "2025-08-20", first[0]));

        Api.Answer q3 = api.get("/public/assessments?period=2025-Q3", null);
        assertEquals(q3.toString(), 200, q3.status());
        assertTrue(q3.body().get("frozen").asBoolean());
        JsonNode window = q3.body().get("windows").get(0);
        assertEquals(1, window.get("rank").asInt());
        assertEquals("civil-affairs", window.get("windowType").asText());
        assertEquals("民政", window.get("windowName").asText());
        assertEquals(1, window.get("accepted").asLong());
        assertEquals(1, window.get("ratings").asLong());
        assertEquals(100.0, window.get("score").asDouble(), 1e-9);

        // later events: another case moved into the quarter, a complaint upheld
        String[] second = caseAtT1(true);
        assertEquals(200, ratePublic(second, "VERY_DISSATISFIED").status());
        assertEquals(1, sql("UPDATE YZ_CASE SET ACCEPTEDATMILLIS = ? WHERE NUMBER = ?", august, second[0]));
        assertEquals(1, sql("UPDATE YZ_RATING SET RATEDDAY = ? WHERE CASENUMBER = ?", "2025-08-21", second[0]));
        Api.Answer again = api.get("/public/assessments?period=2025-Q3", null);
        assertEquals("the published quarter is the same, to the computation time", q3.body(), again.body());

        // the current quarter is not frozen and counts what happens
        Api.Answer now = api.get("/public/assessments?period=" + LocalDate.now(ZONE).getYear() + "-Q"
                + ((LocalDate.now(ZONE).getMonthValue() - 1) / 3 + 1), null);
        assertFalse(now.body().get("frozen").asBoolean());

        // CSV for spreadsheets, by Accept or by format=csv
        HttpResponse<String> csv = Http.send(HttpRequest.newBuilder(URI.create(api.base() + "/public/assessments?period=2025-Q3"))
                .header("Accept", "text/csv").GET(), null, null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertTrue(lines[0].startsWith("period,scope,rank,centerId,centerName,windowType,windowName,score"));
        assertTrue(lines[1], lines[1].startsWith("2025-Q3,window,1,11,柳河镇便民服务中心,civil-affairs,民政,100.0"));
        assertEquals(csv.body(), Http.get(api.base() + "/public/assessments?period=2025-Q3&format=csv").body());
        assertProblem(api.get("/public/assessments?period=2025-Q5", null), 400, "period");
        assertProblem(api.get("/public/assessments", null), 400, "period");
    }
}
