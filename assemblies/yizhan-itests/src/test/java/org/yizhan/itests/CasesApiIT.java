package org.yizhan.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.util.Filter;
import org.yizhan.api.catalogue.CatalogueService;
import org.yizhan.api.catalogue.ItemDTO;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The v1 contract over real HTTP against the booted distribution in demo mode: every rule of the
 * cases issue, every role and every error status. Test names carry the rule they prove.
 */
public class CasesApiIT extends ContainerTestSupport {

    private static final long COUNTY = 1;
    private static final long T1 = 11;
    private static final long T2 = 12;
    private static final long T1V1 = 111;
    private static final AtomicInteger IDS = new AtomicInteger(100);

    @Inject
    private CatalogueService catalogue;

    @Inject
    @Filter(value = "(osgi.jndi.service.name=yizhan)", timeout = YizhanOptions.SERVICE_TIMEOUT_MILLIS)
    private DataSource dataSource;

    private static String id() {
        return Api.residentId(IDS.incrementAndGet());
    }

    @Override
    protected Option[] options() {
        // closed cases keep personal data 30 days here; the retention pass looks every 2 seconds
        return new Option[] {editConfigurationFilePut("etc/org.yizhan.platform.cfg", "retention.personalDataDays", "30"),
                editConfigurationFilePut("etc/org.yizhan.platform.cfg", "retention.intervalSeconds", "2")};
    }

    private Api.Answer create(String user, String item, long center, String... materials) throws Exception {
        return api.post("/cases", user, Api.newCase(item, center, id(), materials));
    }

    private static void assertProblem(Api.Answer a, int status) {
        assertEquals(a.toString(), status, a.status());
        assertEquals(a.toString(), "application/problem+json", a.contentType());
        assertEquals(a.toString(), status, a.body().get("status").asInt());
        assertNotNull("English detail: " + a, a.text("detail"));
        assertNotNull("Chinese detail: " + a, a.text("detailZh"));
    }

    // ------------------------------------------------------------------ personal data retention

    /**
     * A client that lost an answer retries with the same Idempotency-Key: the first result comes
     * back and nothing is done twice, even when the copies arrive at once; the same key with
     * another request is refused; keys are the caller's own.
     */
    @Test
    public void aRetryWithTheSameIdempotencyKeyDoesNothingTwice() throws Exception {
        String body = Api.JSON.writeValueAsString(Api.newCase("MZ-002", T1, id(), "id-card", "hardship-statement"));
        long before = api.get("/cases?size=1", "admin").body().get("total").asLong();
        Api.Answer first = api.post("/cases", "clerk-T1", body, "k-create-1");
        assertEquals(first.toString(), 201, first.status());
        String n = first.text("number");
        assertTrue(first.raw().headers().firstValue("Idempotent-Replayed").isEmpty());
        Api.Answer again = api.post("/cases", "clerk-T1", body, "k-create-1");
        assertEquals(again.toString(), 201, again.status());
        assertEquals("the first result", n, again.text("number"));
        assertEquals("true", again.raw().headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals("one case made", before + 1, api.get("/cases?size=1", "admin").body().get("total").asLong());

        // the same key with another request: refused, nothing made
        String other = Api.JSON.writeValueAsString(Api.newCase("MZ-002", T1, id(), "id-card", "hardship-statement"));
        Api.Answer reused = api.post("/cases", "clerk-T1", other, "k-create-1");
        assertProblem(reused, 422);
        assertEquals("Idempotency-Key", reused.text("field"));
        assertProblem(api.post("/cases", "clerk-T1", other, "not a key"), 400);
        assertProblem(api.post("/cases", "clerk-T1", other, "k".repeat(101)), 400);
        // keys are per caller: another clerk's same key is another request
        Api.Answer bs = api.post("/cases", "clerk-T1-b", body, "k-create-1");
        assertEquals(bs.toString(), 201, bs.status());
        assertFalse(n.equals(bs.text("number")));
        assertEquals(before + 2, api.get("/cases?size=1", "admin").body().get("total").asLong());

        // eight copies of one request at once: one case, every copy answered with it
        String burst = Api.JSON.writeValueAsString(Api.newCase("MZ-002", T1, id(), "id-card", "hardship-statement"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Api.Answer>> copies = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            copies.add(pool.submit(() -> api.post("/cases", "clerk-T1", burst, "k-burst")));
        }
        java.util.Set<String> numbers = new java.util.HashSet<>();
        for (java.util.concurrent.Future<Api.Answer> f : copies) {
            Api.Answer a = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(a.toString(), 201, a.status());
            numbers.add(a.text("number"));
        }
        pool.shutdown();
        assertEquals(numbers.toString(), 1, numbers.size());
        assertEquals(before + 3, api.get("/cases?size=1", "admin").body().get("total").asLong());

        // an action retried: approved once, the history unchanged by the retry
        String approve = "/cases/" + n + "/actions/approve";
        Api.Answer approved = api.post(approve, "clerk-T1", "{}", "k-approve-1");
        assertEquals(approved.toString(), "APPROVED", approved.text("status"));
        int events = approved.body().get("history").size();
        Api.Answer retried = api.post(approve, "clerk-T1", "{}", "k-approve-1");
        assertEquals(retried.toString(), 200, retried.status());
        assertEquals("APPROVED", retried.text("status"));
        assertEquals("true", retried.raw().headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(events, api.get("/cases/" + n, "clerk-T1").body().get("history").size());
        // the key of the approval used for the delivery: refused; with a new key it is delivered
        assertProblem(api.post("/cases/" + n + "/actions/deliver", "clerk-T1", "{}", "k-approve-1"), 422);
        assertEquals("DELIVERED", api.post("/cases/" + n + "/actions/deliver", "clerk-T1", "{}", "k-deliver-1").text("status"));
    }

    @Test
    public void personalDataOfCasesClosedLongerThanTheRetentionIsMasked_theRestIsKept() throws Exception {
        String old = closedCase();
        String recent = closedCase();
        String open = create("clerk-T1", "MZ-002", T1, "id-card", "hardship-statement").text("number");
        String fullId = rawApplicant(old)[1];
        long auditBefore = api.get("/audit?kind=PERSONAL_DATA_MASKED", "admin").body().get("total").asLong();
        assertEquals(200, api.post("/centers/" + T1V1 + "/ledger", "agent-T1V1",
                "{\"visitorName\":\"欧阳保留\",\"itemCode\":\"SN-002\",\"note\":\"retention\"}").status());
        long fortyDaysAgo = System.currentTimeMillis() - java.util.concurrent.TimeUnit.DAYS.toMillis(40);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE YZ_LEDGER SET ATMILLIS = ? WHERE VISITORNAME = '欧阳保留'")) {
            ps.setLong(1, fortyDaysAgo);
            assertEquals(1, ps.executeUpdate());
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE YZ_CASE SET UPDATEDATMILLIS = ? WHERE NUMBER IN (?, ?)")) {
            ps.setLong(1, fortyDaysAgo);
            ps.setString(2, old);
            ps.setString(3, open);
            assertEquals(2, ps.executeUpdate());
        }
        Api.until("the case closed 40 days ago is masked", Duration.ofSeconds(60), () -> rawApplicant(old)[1].contains("*"));
        String[] masked = rawApplicant(old);
        assertEquals("王**", masked[0]);
        assertEquals(fullId.substring(0, 3) + "***********" + fullId.substring(14), masked[1]);
        assertEquals("139****2222", masked[2]);
        JsonNode applicant = api.get("/cases/" + old, "clerk-T1").body().get("applicant");
        assertEquals("the clerk sees the masked data too", "139****2222", applicant.get("phone").asText());
        assertEquals("王**", applicant.get("name").asText());
        assertTrue("the history holds no personal data: its chain still verifies",
                api.get("/cases/" + old + "/history/verify", "supervisor").body().get("valid").asBoolean());
        assertEquals("closed yesterday: kept", "13900002222", rawApplicant(recent)[2]);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM YZ_LEDGER WHERE VISITORNAME = '欧***' AND NOTE = 'retention'");
             java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals("the ledger visitor's name as old is masked", 1, rs.getInt(1));
        }
        assertEquals("still open however old: kept", "13900002222", rawApplicant(open)[2]);
        // a complaint followed up (closed) 40 days ago: the complainant is masked; one still open is kept
        String closedComplaint = complaint();
        assertEquals(200, api.post("/complaints/" + closedComplaint + "/actions/answer", "supervisor", "{\"text\":\"已处理\",\"upheld\":false}").status());
        assertEquals(200, api.post("/complaints/" + closedComplaint + "/actions/follow-up", "supervisor", "{\"text\":\"已回访\"}").status());
        String openComplaint = complaint();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE YZ_COMPLAINT SET CLOSEDDAY = ?, RECEIVEDDAY = ? WHERE NUMBER IN (?, ?)")) {
            String day = java.time.LocalDate.now().minusDays(40).toString();
            ps.setString(1, day);
            ps.setString(2, day);
            ps.setString(3, closedComplaint);
            ps.setString(4, openComplaint);
            assertEquals(2, ps.executeUpdate());
        }
        Api.until("the complaint closed 40 days ago is masked", Duration.ofSeconds(60),
                () -> api.get("/complaints/" + closedComplaint, "supervisor").text("complainantName").contains("*"));
        assertEquals("137****3333", api.get("/complaints/" + closedComplaint, "supervisor").text("complainantPhone"));
        assertEquals("still open: kept", "13700003333", api.get("/complaints/" + openComplaint, "supervisor").text("complainantPhone"));
        Api.until("the pass is in the audit log", Duration.ofSeconds(30),
                () -> api.get("/audit?kind=PERSONAL_DATA_MASKED", "admin").body().get("total").asLong() > auditBefore);
    }

    /** A complaint about T1 filed on the web; its number. */
    private String complaint() throws Exception {
        Api.Answer a = api.post("/public/complaints", null, "{\"category\":\"OTHER\",\"text\":\"保留期限\",\"centerId\":11,"
                + "\"complainant\":{\"name\":\"欧阳投诉\",\"phone\":\"13700003333\"}}");
        assertEquals(a.toString(), 201, a.status());
        return a.text("number");
    }

    /** Accepted, approved and delivered at T1: closed. */
    private String closedCase() throws Exception {
        String n = create("clerk-T1", "MZ-002", T1, "id-card", "hardship-statement").text("number");
        assertEquals("APPROVED", api.act("clerk-T1", n, "approve", "{}").text("status"));
        assertEquals("DELIVERED", api.act("clerk-T1", n, "deliver", "{}").text("status"));
        return n;
    }

    /** Name, identity number and phone as stored. */
    private String[] rawApplicant(String number) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT APPLICANTNAME, APPLICANTIDNUMBER, APPLICANTPHONE FROM YZ_CASE WHERE NUMBER = ?")) {
            ps.setString(1, number);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
            }
        }
    }

    // ------------------------------------------------------------------ network and catalogue

    @Test
    public void centersFormThreeLevels_R1() throws Exception {
        Api.Answer a = api.get("/centers", null);
        assertEquals(200, a.status());
        List<String> codes = new ArrayList<>();
        for (JsonNode c : a.body()) {
            codes.add(c.get("code").asText());
            String level = c.get("level").asText();
            if ("COUNTY".equals(level)) {
                assertNull("the county center has no parent", c.get("parentId"));
            } else {
                assertNotNull(c.get("code").asText() + " has a parent", c.get("parentId"));
            }
        }
        assertTrue(codes.toString(), codes.containsAll(List.of("C", "T1", "T2", "T3", "T1V1", "T1V2", "T2V1", "T2V2", "T3V1", "T3V2")));
    }

    @Test
    public void townsOfferTheStandardWindows_andTheComprehensiveWindow_R2_R3() throws Exception {
        Api.Answer a = api.get("/centers/" + T2 + "/windows", null);
        assertEquals(200, a.status());
        List<String> open = new ArrayList<>();
        for (JsonNode w : a.body()) {
            assertNotNull(w.get("name"));
            assertNotNull(w.get("nameEn"));
            if (w.get("enabled").asBoolean() && w.get("available").asBoolean()) {
                open.add(w.get("type").asText());
            }
        }
        assertTrue(open.toString(), open.containsAll(List.of("civil-affairs", "disabled-federation", "medical-care",
                "family-planning", "agriculture", "labour-social-security", "construction", "sci-tech-info",
                "convenience", "legal-consultation", "comprehensive")));
    }

    @Test
    public void catalogueItemsPublishEveryField_andOnlyWhatTheCenterAccepts_R6_R7_R8() throws Exception {
        Api.Answer village = api.get("/items?center=" + T1V1, null);
        assertEquals(200, village.status());
        assertTrue(village.body().size() > 0);
        for (JsonNode item : village.body()) {
            assertTrue(item.get("code") + " accepted in villages", item.get("acceptLevels").toString().contains("VILLAGE"));
            for (String field : List.of("code", "version", "name", "nameEn", "windowType", "handlingClass", "category",
                    "promisedDays", "legalDays", "decideLevel", "legalBasis", "conditions", "implementingBody",
                    "procedure", "contact", "fee", "materials")) {
                assertNotNull(item.get("code") + " publishes " + field, item.get(field));
            }
            assertNotNull(item.get("fee").get("standard"));
            assertNotNull(item.get("fee").get("basis"));
        }
        Api.Answer one = api.get("/items/MZ-001", null);
        assertEquals("PROMISED", one.text("handlingClass"));
        assertEquals("LIVELIHOOD", one.text("category"));
        assertEquals(5, one.body().get("materials").size());
        assertProblem(api.get("/items/NO-SUCH", null), 404);
        assertProblem(api.get("/items?center=abc", null), 400);
    }

    // ------------------------------------------------------------------ the case lifecycle

    @Test
    public void completeMaterialsAreAccepted_withReceiptPromisedDateAndLookupCode_R12() throws Exception {
        Api.Answer a = create("clerk-T1", "MZ-001", T1, "id-card", "household-register", "income-proof", "property-statement");
        assertEquals(a.toString(), 201, a.status());
        assertTrue(a.raw().headers().firstValue("Location").orElse("").endsWith("/cases/" + a.text("number")));
        assertEquals("ACCEPTED", a.text("status"));
        assertTrue(a.text("number"), a.text("number").matches("T1-\\d{8}-\\d{4}"));
        assertEquals(8, a.text("lookupCode").length());
        assertNotNull(a.text("promisedDate"));
        assertNotNull(a.text("acceptedAt"));
        assertTrue("a promisedDateEstimated flag", a.body().has("promisedDateEstimated"));
        assertTrue(a.text("acceptedAt"), a.text("acceptedAt").endsWith("+08:00"));
        JsonNode accept = a.body().get("history").get(1);
        assertEquals("accept", accept.get("action").asText());
        assertEquals(a.text("promisedDate"), accept.get("data").get("promisedDate").asText());
    }

    @Test
    public void immediateItemWithCompleteMaterials_isApprovedAtTheWindow_R9() throws Exception {
        Api.Answer a = create("clerk-T1", "JS-001", T1, "id-cards", "household-register", "marriage-certificate");
        assertEquals(a.toString(), 201, a.status());
        assertEquals("APPROVED", a.text("status"));
        Api.Answer delivered = api.act("clerk-T1", a.text("number"), "deliver", "{}");
        assertEquals("DELIVERED", delivered.text("status"));
    }

    @Test
    public void oneTimeNotice_listsEveryMissingMaterial_thenSupplementAccepts_R10() throws Exception {
        Api.Answer a = create("clerk-T1", "MZ-001", T1, "id-card");
        assertEquals("AWAITING_SUPPLEMENT", a.text("status"));
        assertEquals(List.of("household-register", "income-proof", "property-statement"), a.strings("missingMaterials"));
        assertEquals(a.strings("missingMaterials"), a.strings("noticeMaterials"));
        String n = a.text("number");
        assertProblem(api.act("clerk-T1", n, "accept", "{}"), 422);
        Api.Answer s = api.act("clerk-T1", n, "supplement", Api.action(null, d -> d, "household-register", "income-proof", "property-statement"));
        assertEquals(s.toString(), "ACCEPTED", s.text("status"));
        assertTrue(s.strings("missingMaterials").isEmpty());
    }

    @Test
    public void laterRequestForAnUnlistedMaterial_isRefusedAndChangesNothing_R10() throws Exception {
        String n = create("clerk-T1", "MZ-001", T1, "id-card", "household-register", "income-proof", "property-statement").text("number");
        Api.Answer before = api.get("/cases/" + n, "clerk-T1");
        Api.Answer refused = api.act("clerk-T1", n, "pause", Api.action(null, d -> d.put("kind", "SUPPLEMENT"), "disability-card"));
        assertProblem(refused, 422);
        assertEquals("R10", refused.text("rule"));
        assertEquals("materials[0]", refused.text("field"));
        Api.Answer after = api.get("/cases/" + n, "clerk-T1");
        assertEquals("a refused request changes nothing", before.body().get("history").size(), after.body().get("history").size());
        assertEquals(before.text("status"), after.text("status"));
    }

    @Test
    public void notAccepted_alwaysHasAReason_andNamesTheRightWindow_R11() throws Exception {
        String n = create("clerk-T1", "MZ-002", T1, "id-card").text("number");
        Api.Answer noReason = api.act("clerk-T1", n, "not-accept", "{}");
        assertProblem(noReason, 400);
        assertEquals("reason", noReason.text("field"));
        Api.Answer noWindow = api.act("clerk-T1", n, "not-accept", Api.action("属涉农窗口事项", d -> d.put("kind", "OTHER_WINDOW")));
        assertProblem(noWindow, 422);
        assertEquals("R11", noWindow.text("rule"));
        Api.Answer ok = api.act("clerk-T1", n, "not-accept",
                Api.action("属涉农窗口事项", d -> d.put("kind", "OTHER_WINDOW").put("window", "agriculture")));
        assertEquals(ok.toString(), "NOT_ACCEPTED", ok.text("status"));
        assertEquals("属涉农窗口事项", ok.text("notAcceptedReason"));
        assertTrue(ok.text("redirectTo"), ok.text("redirectTo").contains("涉农"));
    }

    @Test
    public void anItemNotAcceptedInVillages_isRefusedThere_namingTheTown_R11_R23() throws Exception {
        Api.Answer a = create("agent-T1V1", "MZ-003", T1V1, "id-card", "bank-card");
        assertProblem(a, 422);
        assertEquals("R11", a.text("rule"));
        assertTrue(a.text("detailZh"), a.text("detailZh").contains("柳河镇"));
    }

    @Test
    public void aVillageAgentTakesAProxyCase_theTownDecides_theVillageHandsOut_R23() throws Exception {
        Api.Answer a = create("agent-T1V1", "MZ-002", T1V1, "id-card", "hardship-statement");
        assertEquals(a.toString(), "RELAYING", a.text("status"));
        assertEquals(T1V1, a.body().get("centerId").asLong());
        assertEquals("decided by the town", T1, a.body().get("decidingCenterId").asLong());
        String n = a.text("number");
        assertProblem(api.act("agent-T1V1", n, "approve", "{}"), 403);
        api.awaitCase(n, "clerk-T1", "ACCEPTED", "relay-in", Duration.ofSeconds(20));
        // delivered, the case's snapshot (name, identity number, phone) is not kept in the outbox
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(PAYLOAD) FROM YZ_OUTBOX"
                     + " WHERE CASENUMBER = ? AND KIND = 'RELAY_UP' AND STATE = 'SENT'")) {
            ps.setString(1, n);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals("the delivered message is still listed", 1, rs.getInt(1));
                assertEquals("but keeps no payload", 0, rs.getInt(2));
            }
        }
        assertEquals("IN_REVIEW", api.act("clerk-T1", n, "start-review", "{}").text("status"));
        assertEquals("APPROVED", api.act("clerk-T1", n, "approve", "{}").text("status"));
        assertEquals("DELIVERED", api.act("agent-T1V1", n, "deliver", "{}").text("status"));
    }

    @Test
    public void pauseAndResume_andAnExtensionNeedsARoleAboveTheClerk_R13() throws Exception {
        String n = create("clerk-T1", "SN-002", T1, "application", "forest-right-certificate", "cutting-design").text("number");
        assertProblem(api.act("clerk-T1", n, "pause", Api.action(null, d -> d.put("kind", "NAP"))), 400);
        assertEquals("PAUSED", api.act("clerk-T1", n, "pause", Api.action("伐区核实", d -> d.put("kind", "SITE_INSPECTION"))).text("status"));
        assertEquals("ACCEPTED", api.act("clerk-T1", n, "resume", "{}").text("status"));
        Api.Answer clerkExtends = api.act("clerk-T1", n, "extend", Api.action("需专家论证", d -> d.put("newPromisedDate", "2099-01-05")));
        assertProblem(clerkExtends, 403);
        Api.Answer extended = api.act("town-admin-T1", n, "extend", Api.action("需专家论证", d -> d.put("newPromisedDate", "2099-01-05")));
        assertEquals(extended.toString(), "2099-01-05", extended.text("promisedDate"));
        JsonNode last = extended.body().get("history").get(extended.body().get("history").size() - 1);
        assertEquals("extend", last.get("action").asText());
        assertEquals("town-admin-T1", last.get("data").get("approvedBy").asText());
    }

    @Test
    public void jointCase_eachJointWindowGivesItsOpinion_R15() throws Exception {
        String n = create("clerk-T1", "JS-010", T1, "application", "id-card", "household-register", "site-plan", "village-opinion")
                .text("number");
        Api.Answer early = api.act("clerk-T1", n, "approve", "{}");
        assertProblem(early, 422);
        assertEquals("R15", early.text("rule"));
        assertEquals(200, api.act("clerk-T1", n, "opinion", Api.action(null, d -> d.put("window", "agriculture").put("opinion", "AGREE"))).status());
        Api.Answer approved = api.act("clerk-T1", n, "approve", "{}");
        assertEquals(approved.toString(), "APPROVED", approved.text("status"));
        assertEquals("agriculture", approved.body().get("opinions").get(0).get("window").asText());
    }

    @Test
    public void firstInquiryStaffIsRecorded_R16() throws Exception {
        var body = Api.newCase("MZ-002", T1, id(), "id-card", "hardship-statement");
        body.put("firstInquiryStaff", "clerk-C");
        Api.Answer a = api.post("/cases", "clerk-T1", body);
        assertEquals("clerk-C", a.text("firstInquiryStaff"));
        Api.Answer b = create("clerk-T1", "MZ-002", T1, "id-card", "hardship-statement");
        assertEquals("defaults to the clerk who took it", "clerk-T1", b.text("firstInquiryStaff"));
    }

    @Test
    public void feesFollowThePublishedStandardOnly_withAReceipt_R19() throws Exception {
        Api.Answer a = create("clerk-T1", "SN-003", T1, "id-card", "loss-statement");
        assertEquals("decided by the county", COUNTY, a.body().get("decidingCenterId").asLong());
        String n = a.text("number");
        api.awaitCase(n, "clerk-C", "ACCEPTED", "relay-in", Duration.ofSeconds(20));
        assertEquals("APPROVED", api.act("clerk-C", n, "approve", "{}").text("status"));
        Api.Answer surcharge = api.act("clerk-T1", n, "deliver", Api.action(null, d -> d.put("feeAmountFen", "1500")));
        assertProblem(surcharge, 422);
        assertEquals("R19", surcharge.text("rule"));
        Api.Answer waiver = api.act("clerk-T1", n, "deliver", Api.action(null, d -> d.put("feeAmountFen", "0")));
        assertEquals("R19", waiver.text("rule"));
        Api.Answer delivered = api.act("clerk-T1", n, "deliver", Api.action(null, d -> d.put("feeAmountFen", "1000")));
        assertEquals("DELIVERED", delivered.text("status"));
        JsonNode fee = delivered.body().get("fees").get(0);
        assertEquals(1000, fee.get("amountFen").asLong());
        assertTrue(fee.get("receiptNumber").asText(), fee.get("receiptNumber").asText().matches("FP\\d{4}-\\d{6}"));
    }

    @Test
    public void aCaseKeepsTheItemVersionItWasAcceptedUnder_R29() throws Exception {
        String before = create("clerk-T1", "JS-002", T1, "id-cards", "household-register", "photo").text("number");
        ItemDTO item = catalogue.item("JS-002").orElseThrow();
        int oldVersion = item.version;
        item.promisedDays = item.promisedDays - 2;
        int newVersion = catalogue.publish(item);
        assertEquals(oldVersion + 1, newVersion);
        assertEquals("unchanged definitions keep their version", newVersion, catalogue.publish(item));
        Api.Answer old = api.get("/cases/" + before, "clerk-T1");
        assertEquals(oldVersion, old.body().get("itemVersion").asInt());
        Api.Answer fresh = create("clerk-T1", "JS-002", T1, "id-cards", "household-register", "photo");
        assertEquals(newVersion, fresh.body().get("itemVersion").asInt());
        assertEquals(oldVersion, api.get("/items/JS-002?version=" + oldVersion, null).body().get("version").asInt());
        // The old case still works on its own version.
        assertEquals("IN_REVIEW", api.act("clerk-T1", before, "start-review", "{}").text("status"));
    }

    @Test
    public void thePublicLooksUpACase_withoutPersonalData_R30() throws Exception {
        Api.Answer a = create("clerk-T1", "MZ-001", T1, "id-card");
        String n = a.text("number");
        Api.Answer pub = api.get("/public/cases/" + n + "?lookupCode=" + a.text("lookupCode"), null);
        assertEquals(pub.toString(), 200, pub.status());
        assertEquals("AWAITING_SUPPLEMENT", pub.text("status"));
        assertEquals("王**", pub.text("applicantMasked"));
        assertEquals(List.of("id-card"), pub.strings("materialsReceived"));
        assertFalse("no ID number: " + pub, pub.raw().body().contains("110105"));
        assertFalse("no phone: " + pub, pub.raw().body().contains("13900002222"));
        assertFalse("no actors: " + pub, pub.raw().body().contains("clerk-T1"));
        assertProblem(api.get("/public/cases/" + n + "?lookupCode=WRONG123", null), 404);
        assertProblem(api.get("/public/cases/" + n, null), 400);
    }

    @Test
    public void idNumbersAreCheckedAndNeverShownWhole() throws Exception {
        var bad = Api.newCase("MZ-001", T1, "110105198001011231", "id-card");
        Api.Answer refused = api.post("/cases", "clerk-T1", bad);
        assertProblem(refused, 400);
        assertEquals("applicant.idNumber", refused.text("field"));
        String id = id();
        Api.Answer ok = api.post("/cases", "clerk-T1", Api.newCase("MZ-001", T1, id, "id-card"));
        assertFalse(ok.raw().body().contains(id));
        assertEquals(id.substring(0, 3) + "***********" + id.substring(14), ok.body().get("applicant").get("idNumberMasked").asText());
        Api.Answer list = api.get("/cases?center=" + T1, "clerk-T1");
        assertFalse(list.raw().body().contains(id));
    }

    @Test
    public void historyVerifies_andDetectsAnEditBehindThePlatformsBack() throws Exception {
        String n = create("clerk-T1", "MZ-001", T1, "id-card").text("number");
        api.act("clerk-T1", n, "supplement", Api.action(null, d -> d, "household-register", "income-proof", "property-statement"));
        Api.Answer ok = api.get("/cases/" + n + "/history/verify", "supervisor");
        assertEquals(ok.toString(), true, ok.body().get("valid").asBoolean());
        assertEquals(4, ok.body().get("events").asInt());
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE YZ_CASE_EVENT SET REASON = ? WHERE CASENUMBER = ? AND SEQ = 2")) {
            ps.setString(1, "edited directly in the database");
            ps.setString(2, n);
            assertEquals(1, ps.executeUpdate());
        }
        Api.Answer broken = api.get("/cases/" + n + "/history/verify", "supervisor");
        assertFalse(broken.toString(), broken.body().get("valid").asBoolean());
        assertEquals(2, broken.body().get("brokenAt").asInt());

        // the chain is keyed: each stored hash is the HMAC-SHA256 under etc/yizhan-chain.key (mode 600,
        // outside the database), not a SHA-256 anyone with the database could recompute after an edit
        java.nio.file.Path keyFile = java.nio.file.Path.of(System.getProperty("karaf.etc"), "yizhan-chain.key");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(keyFile)));
        java.util.Properties keyProps = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(keyFile)) {
            keyProps.load(in);
        }
        byte[] key = java.util.Base64.getUrlDecoder().decode(keyProps.getProperty("key"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT SEQ, ATMILLIS, ACTOR, ROLE, CENTERID, ACTION, FROMSTATUS, TOSTATUS,"
                     + " REASON, DATA, PREVHASH, HASH FROM YZ_CASE_EVENT WHERE CASENUMBER = ? AND SEQ = 1")) {
            ps.setString(1, n);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String text = String.join("\u001f", n, rs.getString(1), rs.getString(2), str(rs.getString(3)), str(rs.getString(4)),
                        str(rs.getString(5)), str(rs.getString(6)), str(rs.getString(7)), str(rs.getString(8)), str(rs.getString(9)),
                        str(rs.getString(10)), str(rs.getString(11)));
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
                String keyed = java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                String plain = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                assertEquals("the first event's hash is the HMAC under the key", keyed, rs.getString(12));
                assertFalse("and not the plain SHA-256", plain.equals(rs.getString(12)));
            }
        }
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    // ------------------------------------------------------------------ roles, centers and errors

    @Test
    public void withoutCredentials401_wrongPassword401() throws Exception {
        Api.Answer none = api.get("/cases", null);
        assertProblem(none, 401);
        assertTrue(none.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertProblem(api.get("/cases", "clerk-T1:wrong"), 401);
    }

    @Test
    public void rolesThatDoNotTakeApplications_get403() throws Exception {
        assertProblem(create("supervisor", "MZ-001", COUNTY, "id-card"), 403);
        assertProblem(create("town-admin-T1", "MZ-001", T1, "id-card"), 403);
        assertProblem(create("clerk-T1", "MZ-001", T2, "id-card"), 403);
    }

    @Test
    public void staffSeeTheirCenterAndBelow_andNothingElse_notEvenByNumber() throws Exception {
        String t1Case = create("clerk-T1", "MZ-002", T1, "id-card", "hardship-statement").text("number");
        String villageCase = create("agent-T1V1", "MZ-002", T1V1, "id-card", "hardship-statement").text("number");
        assertEquals(200, api.get("/cases/" + t1Case, "clerk-T1").status());
        assertEquals("the town sees its villages", 200, api.get("/cases/" + villageCase, "clerk-T1").status());
        assertEquals("the county sees everything", 200, api.get("/cases/" + t1Case, "supervisor").status());
        assertEquals(200, api.get("/cases/" + villageCase, "admin").status());
        assertProblem(api.get("/cases/" + t1Case, "clerk-T2"), 404);
        assertProblem(api.get("/cases/" + t1Case, "agent-T1V2"), 404);
        assertProblem(api.get("/cases/" + t1Case + "/history/verify", "clerk-T2"), 404);
        assertProblem(api.act("clerk-T2", t1Case, "withdraw", "{}"), 404);
        Api.Answer list = api.get("/cases?size=200", "clerk-T2");
        assertFalse(list.raw().body().contains(t1Case));
        Api.Answer village = api.get("/cases?size=200", "agent-T1V1");
        assertTrue(village.raw().body().contains(villageCase));
        assertFalse(village.raw().body().contains(t1Case));
        assertProblem(api.get("/cases?center=" + T2, "clerk-T1"), 403);
    }

    @Test
    public void listingFiltersByStatusAndWindow_andPages() throws Exception {
        create("clerk-T1", "JS-001", T1, "id-cards", "household-register", "marriage-certificate");
        Api.Answer approved = api.get("/cases?status=APPROVED&window=family-planning&size=5", "clerk-T1");
        assertEquals(approved.toString(), 200, approved.status());
        assertTrue(approved.body().get("total").asLong() >= 1);
        for (JsonNode c : approved.body().get("items")) {
            assertEquals("APPROVED", c.get("status").asText());
            assertEquals("family-planning", c.get("windowType").asText());
            assertNull("listings carry no history", c.get("history"));
        }
        assertEquals(5, approved.body().get("size").asInt());
        assertProblem(api.get("/cases?status=DONE", "clerk-T1"), 400);
        assertProblem(api.get("/cases?size=5000", "clerk-T1"), 400);
    }

    @Test
    public void badInputNamesTheField_andChangesNothing() throws Exception {
        long before = api.get("/cases?size=1", "clerk-T1").body().get("total").asLong();
        Api.Answer malformed = api.post("/cases", "clerk-T1", "{\"itemCode\": ");
        assertProblem(malformed, 400);
        Api.Answer wrongType = api.post("/cases", "clerk-T1", "{\"itemCode\":\"MZ-001\",\"centerId\":\"eleven\"}");
        assertProblem(wrongType, 400);
        assertEquals("centerId", wrongType.text("field"));
        Api.Answer missing = api.post("/cases", "clerk-T1", "{\"centerId\":11,\"applicant\":{\"name\":\"\"}}");
        assertProblem(missing, 400);
        List<String> fields = new ArrayList<>();
        missing.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.toString(), fields.containsAll(List.of("itemCode", "applicant.name", "applicant.idType", "applicant.idNumber")));
        Api.Answer unknownMaterial = create("clerk-T1", "MZ-001", T1, "id-card", "passport");
        assertProblem(unknownMaterial, 400);
        assertEquals("materials[1]", unknownMaterial.text("field"));
        assertProblem(create("clerk-T1", "NO-SUCH", T1, "id-card"), 400);
        assertEquals("nothing was created", before, api.get("/cases?size=1", "clerk-T1").body().get("total").asLong());
    }

    @Test
    public void unknownCase404_wrongState409_unknownAction400() throws Exception {
        assertProblem(api.get("/cases/T1-19990101-9999", "clerk-T1"), 404);
        String n = create("clerk-T1", "JS-001", T1, "id-cards", "household-register", "marriage-certificate").text("number");
        Api.Answer conflict = api.act("clerk-T1", n, "start-review", "{}");
        assertProblem(conflict, 409);
        assertEquals("APPROVED", conflict.text("state"));
        Api.Answer unknown = api.act("clerk-T1", n, "celebrate", "{}");
        assertProblem(unknown, 400);
        assertEquals("action", unknown.text("field"));
    }

    @Test
    public void townAdminsSwitchTheirWindows_aClosedWindowRefusesNewCases_R2() throws Exception {
        assertProblem(api.put("/centers/" + T1 + "/windows/civil-affairs", "town-admin-T2", "{\"enabled\":false}"), 403);
        assertProblem(api.put("/centers/" + T1 + "/windows/civil-affairs", "clerk-T1", "{\"enabled\":false}"), 403);
        assertProblem(api.put("/centers/" + T1 + "/windows/civil-affairs", "town-admin-T1", "{}"), 400);
        Api.Answer off = api.put("/centers/" + T1 + "/windows/civil-affairs", "town-admin-T1", "{\"enabled\":false}");
        assertEquals(off.toString(), 200, off.status());
        assertFalse(off.body().get("enabled").asBoolean());
        try {
            Api.Answer refused = create("clerk-T1", "MZ-002", T1, "id-card", "hardship-statement");
            assertProblem(refused, 422);
            assertEquals("R2", refused.text("rule"));
            boolean listed = false;
            for (JsonNode i : api.get("/items?center=" + T1, null).body()) {
                listed |= "civil-affairs".equals(i.get("windowType").asText());
            }
            assertFalse("a closed window's items are not offered", listed);
        } finally {
            Api.Answer on = api.put("/centers/" + T1 + "/windows/civil-affairs", "admin", "{\"enabled\":true}");
            assertTrue(on.toString(), on.body().get("enabled").asBoolean());
        }
        assertEquals(201, create("clerk-T1", "MZ-002", T1, "id-card", "hardship-statement").status());
    }

    @Test
    public void calendarAnswersDueDatesAndWorkingDays_onTheOfficialCalendar_R13() throws Exception {
        Api.Answer due = api.get("/calendar/due?center=" + T1 + "&from=2026-11-23&workingDays=10", null);
        assertEquals(due.toString(), "2026-12-07", due.text("due"));
        assertFalse("2026 has official data", due.body().get("estimated").asBoolean());
        Api.Answer festival = api.get("/calendar/due?center=" + T1 + "&from=2026-02-12&workingDays=3", null);
        assertEquals("over the 2026 Spring Festival, counting the make-up Saturday", "2026-02-24", festival.text("due"));
        Api.Answer days = api.get("/calendar/working-days?center=" + T1 + "&from=2026-11-23&to=2026-12-07", null);
        assertEquals(10, days.body().get("workingDays").asInt());
        Api.Answer later = api.get("/calendar/due?center=" + T1 + "&from=2026-12-30&workingDays=3", null);
        assertTrue("a year without data is estimated, never silently Monday-Friday", later.body().get("estimated").asBoolean());
        Api.Answer village = api.get("/calendar/due?center=121&from=2026-11-23&workingDays=3", null);
        assertEquals("石门村 works Monday, Wednesday and Friday (etc/org.yizhan.calendar.center-T2V1.cfg)", "2026-11-30",
                village.text("due"));
        Api.Answer years = api.get("/calendar/years", null);
        assertEquals(2, years.body().get("years").size());
        assertTrue(years.raw().body(), years.raw().body().contains("国务院办公厅关于2026年部分节假日安排的通知"));
        assertProblem(api.get("/calendar/due?center=" + T1 + "&from=tomorrow&workingDays=1", null), 400);
        assertProblem(api.get("/calendar/due?center=999&from=2026-11-23&workingDays=1", null), 404);
    }

    @Test
    public void openApiDescribesTheContract() throws Exception {
        Api.Answer a = api.get("/openapi.json", null);
        assertEquals(200, a.status());
        assertTrue(a.body().get("openapi").asText().startsWith("3."));
        JsonNode paths = a.body().get("paths");
        for (String p : List.of("/health", "/centers", "/centers/{id}/windows", "/items", "/items/{code}", "/cases",
                "/cases/{number}", "/cases/{number}/actions/{action}", "/cases/{number}/history/verify",
                "/public/cases/{number}", "/calendar/due", "/calendar/working-days")) {
            assertNotNull("OpenAPI lists " + p, paths.get(p));
        }
    }

    // ------------------------------------------------------------------ limits

    private static java.net.http.HttpResponse<String> postRaw(String user, java.net.http.HttpRequest.BodyPublisher body)
            throws Exception {
        java.net.http.HttpRequest.Builder r = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(BASE + "/api/v1/cases")).header("Content-Type", "application/json").POST(body);
        return Http.send(r, user, user == null ? null : "demo");
    }

    private long totalCases() throws Exception {
        return api.get("/cases?size=1", "admin").body().get("total").asLong();
    }

    @Test
    public void aBodyOverOneMegabyteIsRefusedWith413BeforeSignIn() throws Exception {
        long before = totalCases();
        // 1.1 MB of short strings under a field the API ignores: only the size is wrong with it
        String big = "{\"itemCode\":\"MZ-002\",\"padding\":[" + String.join(",",
                java.util.Collections.nCopies(1_100, "\"" + "x".repeat(1_000) + "\"")) + "]}";
        java.net.http.HttpResponse<String> declared = postRaw(null, java.net.http.HttpRequest.BodyPublishers.ofString(big));
        assertEquals("413, not 401: refused before any sign-in", 413, declared.statusCode());
        assertEquals("application/problem+json", declared.headers().firstValue("Content-Type").orElse(""));
        assertTrue(declared.body(), declared.body().contains("\"detailZh\""));
        // the same body streamed without a Content-Length (chunked), from a signed-in clerk
        java.net.http.HttpResponse<String> chunked = postRaw("clerk-T1", java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals(chunked.body(), 413, chunked.statusCode());
        assertEquals("nothing was created", before, totalCases());
    }

    @Test
    public void jsonNestedDeeperThanAnyRequestIsRefusedAsBadInput() throws Exception {
        // under a field the API ignores, so only the depth is wrong with it
        String deep = "{\"padding\":" + "[".repeat(200) + "]".repeat(200) + "}";
        Api.Answer a = api.post("/cases", "clerk-T1", deep);
        assertEquals(a.toString(), 400, a.status());
        assertEquals("application/problem+json", a.contentType());
        assertTrue("refused for its depth: " + a, a.text("detail").contains("nesting depth") && a.text("detail").contains("exceeds"));
        Api.Answer longText = api.post("/cases", "clerk-T1", "{\"itemCode\":\"" + "x".repeat(100_000) + "\"}");
        assertEquals(longText.toString(), 400, longText.status());
        assertTrue("refused for its length while parsing: " + longText, longText.text("detail").contains("exceeds"));
    }

    @Test
    public void datesOutsideTheBoundsAreRefusedAtOnce_notComputed() throws Exception {
        String n = create("clerk-T1", "SN-002", T1, "application", "forest-right-certificate", "cutting-design").text("number");
        Api.Answer far = api.act("town-admin-T1", n, "extend",
                Api.action("需专家论证", d -> d.put("newPromisedDate", "+9999999-12-31")));
        assertEquals(far.toString(), 400, far.status());
        assertEquals("data.newPromisedDate", far.text("field"));
        Api.Answer y2300 = api.act("town-admin-T1", n, "extend", Api.action("需专家论证", d -> d.put("newPromisedDate", "2300-01-01")));
        assertEquals("400 naming the field, not 409: " + y2300, "data.newPromisedDate", y2300.text("field"));
        assertEquals("unchanged", 0, api.get("/cases/" + n, "clerk-T1").body().get("history").findValues("action").stream()
                .filter(a -> "extend".equals(a.asText())).count());
        assertEquals("from", api.get("/calendar/due?center=11&from=1900-01-01&workingDays=3", null).text("field"));
        assertEquals("to", api.get("/calendar/working-days?center=11&from=2026-01-01&to=2300-01-01", null).text("field"));
        assertEquals("a period over ten years", "to",
                api.get("/calendar/working-days?center=11&from=2026-01-01&to=2040-01-01", null).text("field"));
        Api.Answer rates = api.get("/supervision/rates?from=0001-01-01&to=9999-12-31", "supervisor");
        assertEquals(rates.toString(), 400, rates.status());
    }
}
