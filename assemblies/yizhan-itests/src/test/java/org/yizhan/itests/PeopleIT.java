package org.yizhan.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The people at the windows against the booted distribution in demo mode: A/B posts and who acts
 * for whom (R17), presence and the public whereabouts board (R18), a village room's duty roster
 * (R25) and appointments (R26). In demo mode each town's windows are held by clerk-Tn (A) with
 * clerk-Tn-b (B).
 */
public class PeopleIT extends ContainerTestSupport {

    private static final long T1 = 11;
    private static final long T2 = 12;
    private static final long T1V1 = 111;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger IDS = new AtomicInteger(700);

    @Override
    protected Option[] options() {
        // the centers are open all day here, so an unstaffed window is an alert whenever the test runs
        return new Option[] {editConfigurationFilePut("etc/org.yizhan.people.cfg", "openingHours", "00:00-24:00")};
    }

    private static void assertProblem(Api.Answer a, int status, String field) {
        assertEquals(a.toString(), status, a.status());
        assertEquals(a.toString(), "application/problem+json", a.contentType());
        if (field != null) {
            assertEquals(a.toString(), field, a.text("field"));
        }
    }

    private void presence(String user, String body) throws Exception {
        Api.Answer a = api.put("/me/presence", user, body);
        assertEquals(a.toString(), 200, a.status());
    }

    private List<String> mine(String user) throws Exception {
        return api.get("/cases?mine=true&size=200", user).body().findValuesAsText("number");
    }

    /** A center's own calendar file, as an operator drops it into etc/ (read within seconds). */
    private static void centerCalendar(String code, String open) throws Exception {
        Path file = Path.of(System.getProperty("karaf.etc"), "org.yizhan.calendar.center-" + code + ".cfg");
        Files.writeString(file, "center = " + code + "\nweekdays =\nclosed =\nopen = " + open + "\n");
    }

    // ------------------------------------------------------------------ posts (R17)

    @Test
    public void r17_whileAIsAway_BActsForA_andTheHistorySaysSo_AndWhenABackBsQueueEmpties() throws Exception {
        JsonNode posts = api.get("/centers/" + T1 + "/posts", "town-admin-T1").body();
        JsonNode civil = null;
        for (JsonNode p : posts) {
            if ("civil-affairs".equals(p.get("windowType").asText())) {
                civil = p;
            }
        }
        assertEquals("clerk-T1", civil.get("a").asText());
        assertEquals("clerk-T1-b", civil.get("b").get(0).asText());

        Api.Answer c = api.post("/cases", "clerk-T1", Api.newCase("MZ-002", T1, Api.residentId(IDS.incrementAndGet()), "id-card",
                "hardship-statement"));
        String n = c.text("number");
        assertTrue("A's window is A's", mine("clerk-T1").contains(n));
        assertFalse("B does not hold it while A is there", mine("clerk-T1-b").contains(n));
        try {
            presence("clerk-T1", "{\"status\":\"AWAY\",\"whereabouts\":\"VILLAGE_VISIT\",\"note\":\"东湾村入户核查\",\"until\":\"2026-12-31T16:00\"}");
            assertTrue("A away: A's cases are in B's queue", mine("clerk-T1-b").contains(n));
            Api.Answer approved = api.act("clerk-T1-b", n, "approve", "{\"reason\":\"符合条件\"}");
            assertEquals(approved.toString(), "APPROVED", approved.text("status"));
            JsonNode last = approved.body().get("history").get(approved.body().get("history").size() - 1);
            assertEquals("approve", last.get("action").asText());
            assertEquals("clerk-T1-b", last.get("actor").asText());
            assertEquals("the history says B acted for A", "clerk-T1", last.get("data").get("actingFor").asText());
            assertTrue(api.get("/cases/" + n + "/history/verify", "supervisor").body().get("valid").asBoolean());

            JsonNode board = api.get("/public/centers/" + T1 + "/board", null).body();
            JsonNode w = null;
            for (JsonNode x : board.get("windows")) {
                if ("civil-affairs".equals(x.get("windowType").asText())) {
                    w = x;
                }
            }
            assertEquals("民政", w.get("windowName").asText());
            assertEquals("AWAY", w.get("a").get("status").asText());
            assertEquals("下村入户", w.get("a").get("whereaboutsZh").asText());
            assertEquals("2026-12-31T16:00", w.get("a").get("until").asText());
            assertEquals("clerk-T1-b", w.get("servedBy").asText());
            assertFalse("the public board shows no user names or phones: " + board, board.toString().contains("\"user\""));
        } finally {
            presence("clerk-T1", "{\"status\":\"PRESENT\"}");
        }
        assertFalse("A is back: B's queue no longer holds A's cases", mine("clerk-T1-b").contains(n));
        Api.Answer delivered = api.act("clerk-T1", n, "deliver", "{}");
        JsonNode last = delivered.body().get("history").get(delivered.body().get("history").size() - 1);
        assertNull("A acts as A", last.path("data").get("actingFor"));
    }

    @Test
    public void r17_postsAreSetByTheTownAdmin_withStaffOfThatCenterOnly() throws Exception {
        String body = "[{\"windowType\":\"agriculture\",\"a\":\"clerk-T2\",\"b\":[\"clerk-T2-b\"]}]";
        assertProblem(api.put("/centers/" + T2 + "/posts", "town-admin-T1", body), 403, null);
        assertProblem(api.put("/centers/" + T2 + "/posts", "clerk-T2", body), 403, null);
        assertProblem(api.put("/centers/" + T2 + "/posts", "town-admin-T2",
                "[{\"windowType\":\"agriculture\",\"a\":\"clerk-T1\",\"b\":[]}]"), 400, "posts[0].a");
        assertProblem(api.put("/centers/" + T2 + "/posts", "town-admin-T2",
                "[{\"windowType\":\"agriculture\",\"a\":\"clerk-T2\",\"b\":[\"clerk-T2\"]}]"), 400, "posts[0].b[0]");
        assertProblem(api.put("/centers/" + T2 + "/posts", "town-admin-T2",
                "[{\"windowType\":\"no-such-window\",\"a\":\"clerk-T2\",\"b\":[]}]"), 400, "posts[0].windowType");
        int before = api.get("/centers/" + T2 + "/posts", "town-admin-T2").body().size();
        assertTrue("refusals change nothing", before > 1);
    }

    @Test
    public void r17_aWindowWithNobodyOfItsPostPresentIsAnAlert() throws Exception {
        centerCalendar("T2", LocalDate.now(ZONE).toString());   // today is a working day at T2, whatever day the test runs
        try {
            presence("clerk-T2", "{\"status\":\"AWAY\",\"whereabouts\":\"TRAINING\"}");
            presence("clerk-T2-b", "{\"status\":\"AWAY\",\"whereabouts\":\"LEAVE\",\"until\":\"2026-12-31T08:30\"}");
            Api.until("T2's windows are unstaffed alerts", Duration.ofSeconds(60), () -> api.get("/supervision/alerts", "supervisor").body()
                    .get("unstaffedWindows").toString().contains("{\"centerId\":12,\"windowType\":\"civil-affairs\"}"));
            assertFalse("T1's are served", api.get("/supervision/alerts", "supervisor").body().get("unstaffedWindows").toString()
                    .contains("\"centerId\":11"));
            JsonNode board = api.get("/public/centers/" + T2 + "/board", null).body();
            assertFalse(board.get("windows").get(0).get("staffed").asBoolean());
        } finally {
            presence("clerk-T2", "{\"status\":\"PRESENT\"}");
            presence("clerk-T2-b", "{\"status\":\"PRESENT\"}");
        }
        assertEquals(0, api.get("/supervision/alerts", "supervisor").body().get("unstaffedWindows").size());
    }

    @Test
    public void r18_presenceIsSetInOneCall_andWrongOnesNameTheField() throws Exception {
        assertProblem(api.put("/me/presence", "clerk-T3", "{\"status\":\"GONE\"}"), 400, "status");
        assertProblem(api.put("/me/presence", "clerk-T3", "{\"status\":\"AWAY\",\"whereabouts\":\"BEACH\"}"), 400, "whereabouts");
        assertProblem(api.put("/me/presence", "clerk-T3", "{\"status\":\"AWAY\",\"whereabouts\":\"OTHER\"}"), 400, "note");
        assertProblem(api.put("/me/presence", "clerk-T3", "{\"status\":\"AWAY\",\"whereabouts\":\"MEETING\",\"until\":\"tomorrow\"}"),
                400, "until");
        assertEquals("PRESENT", api.get("/me/presence", "clerk-T3").text("status"));
        assertProblem(api.put("/me/presence", null, "{\"status\":\"AWAY\"}"), 401, null);
    }

    // ------------------------------------------------------------------ chief representative (R4), first inquiry (R16)

    @Test
    public void r4_theChiefRepresentativeApprovesAnItemThatAllowsIt_atTheWindow_andItCountsAsImmediate() throws Exception {
        long t3 = 13;
        String posts = api.get("/centers/" + t3 + "/posts", "town-admin-T3").raw().body();
        // 桃源乡's agriculture window names clerk-T3 its chief representative; the other posts stay
        String withChief = posts.replace("{\"windowType\":\"agriculture\",\"a\":\"clerk-T3\",\"b\":[\"clerk-T3-b\"]}",
                "{\"windowType\":\"agriculture\",\"a\":\"clerk-T3\",\"b\":[\"clerk-T3-b\"],\"chief\":\"clerk-T3\"}");
        assertFalse("the demo post is there to change: " + posts, withChief.equals(posts));
        assertProblem(api.put("/centers/" + t3 + "/posts", "town-admin-T3", withChief.replace("\"chief\":\"clerk-T3\"",
                "\"chief\":\"clerk-T1\"")), 400, null);
        assertEquals(200, api.put("/centers/" + t3 + "/posts", "town-admin-T3", withChief).status());
        assertTrue(api.get("/items/SN-001", null).raw().body().contains("\"chiefOnTheSpot\":true"));

        com.fasterxml.jackson.databind.node.ObjectNode body = Api.newCase("SN-001", t3, Api.residentId(IDS.incrementAndGet()),
                "transfer-contract", "contract-certificate", "id-cards");
        body.putObject("data").put("transferAreaMu", "3").put("contractedAreaMu", "8");
        Api.Answer chief = api.post("/cases", "clerk-T3", body);
        assertEquals(chief.toString(), 201, chief.status());
        assertEquals("approved at the window by the chief representative", "APPROVED", chief.text("status"));
        assertEquals("counted as immediate", "IMMEDIATE", chief.text("handlingClass"));
        JsonNode approve = chief.body().get("history").get(chief.body().get("history").size() - 1);
        assertTrue(approve.get("reason").asText(), approve.get("reason").asText().contains("R4"));
        assertEquals("clerk-T3", approve.get("data").get("chiefRepresentative").asText());

        com.fasterxml.jackson.databind.node.ObjectNode other = Api.newCase("SN-001", t3, Api.residentId(IDS.incrementAndGet()),
                "transfer-contract", "contract-certificate", "id-cards");
        other.putObject("data").put("transferAreaMu", "3").put("contractedAreaMu", "8");
        Api.Answer b = api.post("/cases", "clerk-T3-b", other);
        assertEquals("anyone else takes it the ordinary way", "ACCEPTED", b.text("status"));
        assertEquals("PROMISED", b.text("handlingClass"));
    }

    @Test
    public void r16_theFirstInquiryStaffSeesTheCasesTheyFollowThrough_andReferAnotherWindowsMatterWithASlip() throws Exception {
        Api.Answer mineCase = api.post("/cases", "clerk-T2-b", Api.newCase("MZ-002", T2, Api.residentId(IDS.incrementAndGet()), "id-card",
                "hardship-statement"));
        Api.Answer otherCase = api.post("/cases", "clerk-T2", Api.newCase("MZ-002", T2, Api.residentId(IDS.incrementAndGet()), "id-card",
                "hardship-statement"));
        List<String> owned = api.get("/cases?owned=true&size=200", "clerk-T2-b").body().findValuesAsText("number");
        assertTrue(owned.contains(mineCase.text("number")));
        assertFalse(owned.contains(otherCase.text("number")));

        Api.Answer slip = api.post("/referrals", "clerk-T2", "{\"centerId\":1,\"windowType\":\"disabled-federation\",\"itemCode\":\"CL-001\","
                + "\"visitorName\":\"郑转办\",\"note\":\"残疾人证由县残联审核\"}");
        assertEquals(slip.toString(), 201, slip.status());
        assertEquals("残联", slip.text("windowName"));
        assertEquals("残疾人证办理", slip.text("itemName"));
        assertEquals(1, slip.body().get("toCenterId").asLong());
        assertProblem(api.post("/referrals", "clerk-T2", "{\"windowType\":\"no-such\"}"), 400, "windowType");
        assertProblem(api.post("/referrals", "supervisor", "{\"windowType\":\"civil-affairs\"}"), 403, null);
        // recorded in the ledger of the referring center
        JsonNode ledger = api.get("/centers/" + T2 + "/ledger", "town-admin-T2").body();
        assertTrue(ledger.toString(), ledger.toString().contains("\"kind\":\"REFERRAL\"") && ledger.toString().contains("残联"));
    }

    // ------------------------------------------------------------------ duty roster (R25)

    @Test
    public void r25_aVillageRoomsRosterShowsWhoIsOnDuty_andTheLedgerRecordsThem() throws Exception {
        String today = LocalDate.now(ZONE).toString();
        String tomorrow = LocalDate.now(ZONE).plusDays(1).toString();
        String body = "[{\"date\":\"" + today + "\",\"name\":\"王值班\"},{\"date\":\"" + tomorrow + "\",\"name\":\"李值班\"}]";
        assertProblem(api.put("/centers/" + T1V1 + "/roster", "town-admin-T2", body), 403, null);
        assertProblem(api.put("/centers/" + T1V1 + "/roster", "clerk-T1", body), 403, null);
        assertProblem(api.put("/centers/" + T1 + "/roster", "town-admin-T1", body), 400, "id");
        assertProblem(api.put("/centers/" + T1V1 + "/roster", "agent-T1V1", "[{\"date\":\"2026-02-30\",\"name\":\"x\"}]"), 400, "days[0].date");
        Api.Answer set = api.put("/centers/" + T1V1 + "/roster", "agent-T1V1", body);
        assertEquals(set.toString(), 200, set.status());
        assertEquals(2, set.body().size());
        assertEquals("the town admin reads it", "李值班", api.get("/centers/" + T1V1 + "/roster?from=" + today + "&to=" + tomorrow,
                "town-admin-T1").body().get(1).get("name").asText());
        assertEquals("王值班", api.get("/public/centers/" + T1V1 + "/board", null).text("onDuty"));
        Api.Answer entry = api.post("/centers/" + T1V1 + "/ledger", "agent-T1V1", "{\"visitorName\":\"赵来访\",\"note\":\"咨询低保\"}");
        assertEquals(entry.toString(), 200, entry.status());
        assertEquals("every ledger entry records the person on duty", "王值班", entry.text("onDuty"));
    }

    // ------------------------------------------------------------------ appointments (R26)

    private String nextWorkingDay() throws Exception {
        return api.get("/calendar/due?center=" + T1 + "&from=" + LocalDate.now(ZONE) + "&workingDays=1", null).text("due");
    }

    private Api.Answer book(String start, String phone, boolean urgent) throws Exception {
        return api.post("/public/appointments", null, "{\"centerId\":11,\"windowType\":\"civil-affairs\",\"itemCode\":\"MZ-001\","
                + "\"slotStart\":\"" + start + "\",\"name\":\"孙预约\",\"phone\":\"" + phone + "\",\"urgent\":" + urgent + "}");
    }

    @Test
    public void r26_slotsAreBooked_cancelledWithTheCodeAndPhone_andHandledAtTheWindow() throws Exception {
        String day = nextWorkingDay();
        JsonNode slots = api.get("/public/centers/" + T1 + "/slots?date=" + day + "&window=civil-affairs", null).body();
        assertEquals(day + "T08:30", slots.get(0).get("start").asText());
        assertEquals(4, slots.get(0).get("capacity").asInt());
        String start = day + "T10:00";
        Api.Answer booked = book(start, "13511112222", false);
        assertEquals(booked.toString(), 201, booked.status());
        String code = booked.text("code");
        assertEquals("the booker sees their name masked", "孙**", booked.text("name"));
        assertProblem(api.send("DELETE", "/public/appointments/" + code + "?phone=13500000000", null, "application/json", ""), 404, null);
        assertEquals("CANCELLED", api.send("DELETE", "/public/appointments/" + code + "?phone=13511112222", null, "application/json", "")
                .text("status"));
        assertProblem(api.send("DELETE", "/public/appointments/" + code + "?phone=13511112222", null, "application/json", ""), 404, null);

        Api.Answer again = book(start, "13511113333", false);
        assertProblem(api.post("/appointments/" + again.text("code") + "/actions/arrive", "clerk-T2", "{}"), 404, null);
        JsonNode list = api.get("/appointments?date=" + day, "clerk-T1").body();
        assertTrue(list.toString().contains(again.text("code")) && list.toString().contains("13511113333"));
        Api.Answer arrived = api.post("/appointments/" + again.text("code") + "/actions/arrive", "clerk-T1", "{}");
        assertEquals("ARRIVED", arrived.text("status"));
        assertEquals("the clerk takes the case with the arrival's name", "孙预约", arrived.text("name"));
        assertFalse("then it is masked", api.get("/appointments?date=" + day, "clerk-T1").body().toString().contains("13511113333"));
        assertProblem(api.post("/appointments/" + again.text("code") + "/actions/no-show", "clerk-T1", "{}"), 409, null);
        assertProblem(book(day + "T10:10", "13511114444", false), 400, "slotStart");
        assertProblem(api.post("/public/appointments", null, "{\"centerId\":11,\"windowType\":\"civil-affairs\",\"slotStart\":\""
                + start + "\",\"name\":\"\",\"phone\":\"x\"}"), 400, null);
    }

    @Test
    public void r26_aWeekendOrHolidayIsBookableOnlyOnADayTheCentersCalendarOpens() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        LocalDate listed = today.with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
        LocalDate other = listed.plusDays(7);
        String refused = api.get("/public/centers/" + T1 + "/slots?date=" + other + "&window=civil-affairs", null).raw().body();
        assertTrue(refused, refused.contains("\"rule\":\"R26\"") && refused.contains("\"field\":\"date\""));
        centerCalendar("T1", listed.toString());
        Api.until("the listed Sunday is served", Duration.ofSeconds(60),
                () -> api.get("/public/centers/" + T1 + "/slots?date=" + listed + "&window=civil-affairs", null).status() == 200);
        assertEquals(201, book(listed + "T09:00", "13522223333", false).status());
        assertProblem(book(other + "T09:00", "13522223333", false), 422, "date");
    }

    @Test
    public void r26_r27_concurrentBookingsNeverOverbookASlot_andUrgentMattersKeepTheirShare() throws Exception {
        String start = nextWorkingDay() + "T15:00";
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String phone = "1360000" + String.format("%04d", i);
                tries.add(() -> book(start, phone, false).status());
            }
            int ok = 0;
            int full = 0;
            for (Future<Integer> f : pool.invokeAll(tries)) {
                int s = f.get();
                ok += s == 201 ? 1 : 0;
                full += s == 409 ? 1 : 0;
            }
            assertEquals("4 places, 1 kept for urgent matters: 3 ordinary bookings", 3, ok);
            assertEquals(9, full);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("an urgent matter takes the kept place", 201, book(start, "13600009999", true).status());
        assertProblem(book(start, "13600009998", true), 409, null);
        JsonNode slot = null;
        for (JsonNode s : api.get("/public/centers/" + T1 + "/slots?date=" + start.substring(0, 10) + "&window=civil-affairs", null).body()) {
            if (s.get("start").asText().equals(start)) {
                slot = s;
            }
        }
        assertEquals(0, slot.get("left").asInt());
        assertEquals(4, api.get("/appointments?date=" + start.substring(0, 10), "clerk-T1").body().findValuesAsText("slotStart").stream()
                .filter(start::equals).count());
    }
}
