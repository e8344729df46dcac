package org.yizhan.core.internal.cases;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.yizhan.core.internal.cases.Fixtures.AGENT;
import static org.yizhan.core.internal.cases.Fixtures.CLERK;
import static org.yizhan.core.internal.cases.Fixtures.SUPERVISOR;
import static org.yizhan.core.internal.cases.Fixtures.TOWN;
import static org.yizhan.core.internal.cases.Fixtures.TOWN_ADMIN;
import static org.yizhan.core.internal.cases.Fixtures.VILLAGE;
import static org.yizhan.core.internal.cases.Fixtures.act;
import static org.yizhan.core.internal.cases.Fixtures.body;
import static org.yizhan.core.internal.cases.Fixtures.empty;
import static org.yizhan.core.internal.cases.Fixtures.newCase;
import static org.yizhan.core.internal.cases.Fixtures.open;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.cases.ActionDTO;
import org.yizhan.api.cases.CaseAction;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.catalogue.MaterialDTO;

/** The case state machine and the rules it enforces, each test naming its rule. */
public class CaseEngineTest {

    private static YizhanException refused(CaseState s, Caller caller, Fixtures.Ctx ctx, CaseAction a, ActionDTO b) {
        String before = s.snapshot();
        try {
            act(s, caller, ctx, a, b);
        } catch (YizhanException e) {
            assertEquals("a refused action changes nothing", before, s.snapshot());
            return e;
        }
        fail(a + " should have been refused");
        return null;
    }

    @Test
    public void completeMaterialsAreAcceptedAtOnce_withReceiptAndPromisedDate_R12() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, TOWN, "id-card", "household", "income");
        List<CaseEvent> events = open(s, CLERK, ctx);
        assertEquals(CaseStatus.ACCEPTED, s.status);
        assertEquals(List.of("submit", "accept"), events.stream().map(e -> e.action).toList());
        // 10 working days after Monday 2026-11-23, the acceptance day not counted: Monday 2026-12-07.
        assertEquals(LocalDate.of(2026, 12, 7), s.promisedDate);
        assertEquals("2026-12-07", events.get(1).data.get("promisedDate"));
        assertEquals(s.number, events.get(1).data.get("receipt"));
        assertNotNull(s.acceptedAtMillis);
        assertTrue("Monday-Friday stand-in marks dates estimated", s.promisedDateEstimated);
    }

    @Test
    public void immediateItemWithCompleteMaterialsIsApprovedAtTheWindow_R9() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.immediate());
        CaseState s = newCase(ctx.item, TOWN, "id-card");
        List<CaseEvent> events = open(s, CLERK, ctx);
        assertEquals(CaseStatus.APPROVED, s.status);
        assertEquals(List.of("submit", "accept", "approve"), events.stream().map(e -> e.action).toList());
        assertEquals(ctx.today, s.promisedDate);
    }

    @Test
    public void theChiefRepresentativeApprovesAnItemThatAllowsIt_onTheSpot_R4() {
        ItemDTO item = Fixtures.promised();
        item.chiefOnTheSpot = true;
        Fixtures.Ctx ctx = new Fixtures.Ctx(item);
        CaseState s = newCase(item, TOWN, "id-card", "household", "income");
        CaseEngine.Actor chief = new CaseEngine.Actor(CLERK, true, true, true, true);
        List<CaseEvent> events = CaseEngine.open(s, chief, ctx);
        assertEquals(CaseStatus.APPROVED, s.status);
        assertEquals(List.of("submit", "accept", "approve"), events.stream().map(e -> e.action).toList());
        assertTrue("the history says why", events.get(2).reason.contains("chief representative") && events.get(2).reason.contains("R4"));
        assertEquals("clerk-T1", events.get(2).data.get("chiefRepresentative"));
        assertEquals("counted as an immediate case", "IMMEDIATE", s.handlingClass);
        assertEquals(ctx.today, s.promisedDate);
        assertEquals(Boolean.TRUE, s.onTime);

        // anyone else, or an item that does not allow it, or materials missing: the ordinary path
        CaseState other = newCase(item, TOWN, "id-card", "household", "income");
        CaseEngine.open(other, new CaseEngine.Actor(CLERK, true, true, true, false), ctx);
        assertEquals(CaseStatus.ACCEPTED, other.status);
        CaseState plain = newCase(Fixtures.promised(), TOWN, "id-card", "household", "income");
        CaseEngine.open(plain, chief, new Fixtures.Ctx(Fixtures.promised()));
        assertEquals(CaseStatus.ACCEPTED, plain.status);
        CaseState missing = newCase(item, TOWN, "id-card");
        CaseEngine.open(missing, chief, ctx);
        assertEquals(CaseStatus.AWAITING_SUPPLEMENT, missing.status);
    }

    @Test
    public void immediateItemTakenInAVillageIsNotApprovedThere_R9() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.immediate());
        CaseState s = newCase(ctx.item, VILLAGE, "id-card");
        List<CaseEvent> events = open(s, AGENT, ctx);
        assertEquals("the village accepts and transmits; the town decides (R23)", CaseStatus.RELAYING, s.status);
        assertEquals(List.of("submit", "accept"), events.stream().map(e -> e.action).toList());
        assertEquals("transmitted within 3 working days (R23)", ctx.today.plusDays(3).toString(), events.get(1).data.get("relayDue"));
    }

    @Test
    public void relayedCaseIsAcceptedAtTheDecidingCenterAndTheReplyComesBack_R23() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, VILLAGE, "id-card", "household", "income");
        open(s, AGENT, ctx);
        assertEquals(CaseStatus.RELAYING, s.status);
        java.time.LocalDate promised = s.promisedDate;
        CaseEvent forward = CaseEngine.relayIn(s, false, "T1V1", "T1-RX-1");
        assertEquals("a center on the way forwards it", CaseStatus.RELAYING, s.status);
        assertEquals("relay-forward", forward.action);
        CaseEvent in = CaseEngine.relayIn(s, true, "T1", "C-RX-1");
        assertEquals(CaseStatus.ACCEPTED, s.status);
        assertEquals("relay-in", in.action);
        assertNull("the transmit clock stops on arrival", s.relayDue);
        assertEquals("the promised date of the village receipt holds (R12)", promised, s.promisedDate);
        CaseEvent again = CaseEngine.relayIn(s, true, "T1", "C-RX-2");
        assertEquals("arriving twice changes nothing", CaseStatus.ACCEPTED, s.status);
        assertEquals(again.from, again.to);
        CaseEvent receipt = CaseEngine.relayReceipt(s, "T1", "T1-RX-1", false);
        assertEquals(receipt.from, receipt.to);
        CaseEvent reply = CaseEngine.relayReply(s, CaseStatus.DENIED, "不符合条件", "T1", ctx.nowMillis(), true);
        assertEquals(CaseStatus.DENIED, s.status);
        assertEquals("不符合条件", reply.reason);
        CaseEngine.relayReply(s, CaseStatus.APPROVED, null, "T1", ctx.nowMillis(), true);
        assertEquals("a decision already taken is not overwritten by a late message", CaseStatus.DENIED, s.status);
    }

    @Test
    public void aCopyInTheVillageFollowsReceiptsAndReplies_R23() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, VILLAGE, "id-card", "household", "income");
        open(s, AGENT, ctx);
        CaseEngine.relayReceipt(s, "T1", "T1-RX-1", false);
        assertEquals("a hop that does not decide leaves it travelling", CaseStatus.RELAYING, s.status);
        CaseEngine.relayReceipt(s, "C", "C-RX-1", true);
        assertEquals("the deciding center has it", CaseStatus.ACCEPTED, s.status);
        CaseEngine.relayReply(s, CaseStatus.APPROVED, null, "C", ctx.nowMillis(), true);
        assertEquals(CaseStatus.APPROVED, s.status);
        act(s, AGENT, ctx, CaseAction.DELIVER, empty());
        assertEquals("the room tells the applicant and hands out the result (R23 reply)", CaseStatus.DELIVERED, s.status);
    }

    @Test
    public void oneTimeNotice_listsEveryMissingMaterial_R10() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, TOWN, "id-card");
        List<CaseEvent> events = open(s, CLERK, ctx);
        assertEquals(CaseStatus.AWAITING_SUPPLEMENT, s.status);
        assertEquals(List.of("household", "income"), List.copyOf(s.missing));
        assertEquals("the notice lists every missing required material, and only those",
                List.of("household", "income"), List.copyOf(s.notice));
        assertEquals("household,income", events.get(1).data.get("missing"));
        assertNull("no promised date before acceptance", s.promisedDate);
    }

    @Test
    public void supplementCompletingTheMaterialsAccepts_R10() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, TOWN, "id-card");
        open(s, CLERK, ctx);
        act(s, CLERK, ctx, CaseAction.SUPPLEMENT, body(null, List.of("household"), Map.of()));
        assertEquals(CaseStatus.AWAITING_SUPPLEMENT, s.status);
        assertEquals(List.of("income"), List.copyOf(s.missing));
        ctx.advanceDays(2);
        List<CaseEvent> events = act(s, CLERK, ctx, CaseAction.SUPPLEMENT, body(null, List.of("income"), Map.of()));
        assertEquals(List.of("supplement", "accept"), events.stream().map(e -> e.action).toList());
        assertEquals(CaseStatus.ACCEPTED, s.status);
        assertEquals("the clock starts at acceptance", LocalDate.of(2026, 12, 9), s.promisedDate);
    }

    @Test
    public void acceptWithMaterialsMissingIsRefused_R10() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, TOWN, "id-card");
        open(s, CLERK, ctx);
        YizhanException e = refused(s, CLERK, ctx, CaseAction.ACCEPT, empty());
        assertEquals(422, e.status());
        assertEquals("R10", e.rule());
    }

    @Test
    public void laterRequestForAMaterialTheNoticeDidNotList_isRefused_R10() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, TOWN, "id-card", "household", "income");
        open(s, CLERK, ctx);
        // "extra" is an optional material of the item the applicant did not bring and no notice listed.
        YizhanException e = refused(s, CLERK, ctx, CaseAction.PAUSE,
                body(null, List.of("extra"), Map.of("kind", "SUPPLEMENT")));
        assertEquals("R10", e.rule());
        assertEquals("materials[0]", e.field());
        // A material unrelated to the item is never asked for.
        e = refused(s, CLERK, ctx, CaseAction.PAUSE, body(null, List.of("marriage-cert"), Map.of("kind", "SUPPLEMENT")));
        assertEquals("R10", e.rule());
    }

    @Test
    public void laterRequestToCorrectAHandedInMaterialIsAllowed_R10() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, TOWN, "id-card", "household", "income");
        open(s, CLERK, ctx);
        act(s, CLERK, ctx, CaseAction.PAUSE, body("复印件不清晰", List.of("id-card"), Map.of("kind", "SUPPLEMENT")));
        assertEquals(CaseStatus.PAUSED, s.status);
        assertTrue(s.missing.contains("id-card"));
        YizhanException e = refused(s, CLERK, ctx, CaseAction.RESUME, empty());
        assertEquals("cannot resume before the correction arrives", "R10", e.rule());
        act(s, CLERK, ctx, CaseAction.SUPPLEMENT, body(null, List.of("id-card"), Map.of()));
        act(s, CLERK, ctx, CaseAction.RESUME, empty());
        assertEquals(CaseStatus.ACCEPTED, s.status);
    }

    @Test
    public void laterRequestForAMaterialAddedByANewItemVersion_isAllowedAndSaysSo_R10_R29() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, TOWN, "id-card", "household", "income");
        open(s, CLERK, ctx);
        ItemDTO v2 = Fixtures.promised();
        v2.version = 2;
        v2.materials.add(new MaterialDTO("bank-card", "bank-card", true));
        ctx.current = v2;
        List<CaseEvent> events = act(s, CLERK, ctx, CaseAction.PAUSE,
                body(null, List.of("bank-card"), Map.of("kind", "SUPPLEMENT")));
        assertEquals("v1->v2", events.get(0).data.get("definitionChanged"));
        assertEquals("the case keeps its version", 1, s.itemVersion);
    }

    @Test
    public void notAccept_needsAReason_andNamesTheOtherWindow_R11() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, TOWN, "id-card");
        open(s, CLERK, ctx);
        YizhanException e = refused(s, CLERK, ctx, CaseAction.NOT_ACCEPT, empty());
        assertEquals(400, e.status());
        assertEquals("reason", e.field());
        e = refused(s, CLERK, ctx, CaseAction.NOT_ACCEPT, body("属涉农窗口事项", List.of(), Map.of("kind", "OTHER_WINDOW")));
        assertEquals("R11", e.rule());
        assertEquals("data.window", e.field());
        e = refused(s, CLERK, ctx, CaseAction.NOT_ACCEPT,
                body("属涉农窗口事项", List.of(), Map.of("kind", "OTHER_WINDOW", "window", "no-such")));
        assertEquals("data.window", e.field());
        act(s, CLERK, ctx, CaseAction.NOT_ACCEPT, body("属涉农窗口事项", List.of(), Map.of("kind", "OTHER_WINDOW", "window", "agriculture")));
        assertEquals(CaseStatus.NOT_ACCEPTED, s.status);
        assertEquals("属涉农窗口事项", s.notAcceptedReason);
        assertEquals("agriculture agriculture-name", s.redirectTo);
    }

    @Test
    public void pauseAndResume_moveThePromisedDateByThePausedWorkingDays_R13() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, TOWN, "id-card", "household", "income");
        open(s, CLERK, ctx);
        LocalDate promised = s.promisedDate;
        act(s, CLERK, ctx, CaseAction.START_REVIEW, empty());
        YizhanException e = refused(s, CLERK, ctx, CaseAction.PAUSE, body(null, List.of(), Map.of("kind", "LUNCH")));
        assertEquals("data.kind", e.field());
        act(s, CLERK, ctx, CaseAction.PAUSE, body("现场勘查", List.of(), Map.of("kind", "SITE_INSPECTION")));
        ctx.advanceDays(7); // Monday -> next Monday: 5 working days
        List<CaseEvent> events = act(s, CLERK, ctx, CaseAction.RESUME, empty());
        assertEquals(CaseStatus.IN_REVIEW, s.status);
        assertEquals("5", events.get(0).data.get("pausedWorkingDays"));
        assertEquals(WeekdayOf.plus(promised, 5), s.promisedDate);
    }

    /** Working-day addition on the Monday-Friday stand-in, for expectations. */
    static final class WeekdayOf {
        static LocalDate plus(LocalDate d, int n) {
            return org.yizhan.core.internal.calendar.WeekdayCalendar.INSTANCE.addWorkingDays(d, n);
        }
    }

    @Test
    public void extend_needsARoleAboveTheClerk_aReason_andALaterDate_R13() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, TOWN, "id-card", "household", "income");
        open(s, CLERK, ctx);
        Map<String, String> later = Map.of("newPromisedDate", "2026-12-31");
        assertEquals(403, refused(s, CLERK, ctx, CaseAction.EXTEND, body("需要", List.of(), later)).status());
        assertEquals("reason", refused(s, TOWN_ADMIN, ctx, CaseAction.EXTEND, body(null, List.of(), later)).field());
        assertEquals("data.newPromisedDate", refused(s, TOWN_ADMIN, ctx, CaseAction.EXTEND,
                body("需要", List.of(), Map.of("newPromisedDate", "2026-12-01"))).field());
        assertEquals("data.newPromisedDate", refused(s, TOWN_ADMIN, ctx, CaseAction.EXTEND,
                body("需要", List.of(), Map.of("newPromisedDate", "soon"))).field());
        List<CaseEvent> events = act(s, TOWN_ADMIN, ctx, CaseAction.EXTEND, body("需专家论证", List.of(), later));
        assertEquals(LocalDate.of(2026, 12, 31), s.promisedDate);
        assertEquals("2026-12-07", events.get(0).data.get("previousPromisedDate"));
        assertEquals("town-admin-T1", events.get(0).data.get("approvedBy"));
    }

    @Test
    public void jointCase_needsEveryJointWindowsOpinion_andADissentBlocksApproval_R15() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.joint());
        CaseState s = newCase(ctx.item, TOWN, "application");
        open(s, CLERK, ctx);
        YizhanException e = refused(s, CLERK, ctx, CaseAction.APPROVE, empty());
        assertEquals("R15", e.rule());
        act(s, CLERK, ctx, CaseAction.OPINION, body(null, List.of(), Map.of("window", "agriculture", "opinion", "AGREE")));
        assertEquals("R15", refused(s, CLERK, ctx, CaseAction.OPINION,
                body(null, List.of(), Map.of("window", "agriculture", "opinion", "AGREE"))).rule());
        assertEquals("data.window", refused(s, CLERK, ctx, CaseAction.OPINION,
                body(null, List.of(), Map.of("window", "civil-affairs", "opinion", "AGREE"))).field());
        assertEquals("reason", refused(s, CLERK, ctx, CaseAction.OPINION,
                body(null, List.of(), Map.of("window", "construction", "opinion", "DISAGREE"))).field());
        act(s, CLERK, ctx, CaseAction.OPINION, body("超出规划", List.of(), Map.of("window", "construction", "opinion", "DISAGREE")));
        assertEquals("R15", refused(s, CLERK, ctx, CaseAction.APPROVE, empty()).rule());
        act(s, CLERK, ctx, CaseAction.DENY, body("建设窗口不同意：超出规划", List.of(), Map.of()));
        assertEquals(CaseStatus.DENIED, s.status);
    }

    @Test
    public void jointCaseWithEveryOpinionAgreeing_isApproved_R15() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.joint());
        CaseState s = newCase(ctx.item, TOWN, "application");
        open(s, CLERK, ctx);
        act(s, CLERK, ctx, CaseAction.OPINION, body(null, List.of(), Map.of("window", "agriculture", "opinion", "AGREE")));
        act(s, CLERK, ctx, CaseAction.OPINION, body(null, List.of(), Map.of("window", "construction", "opinion", "AGREE")));
        act(s, CLERK, ctx, CaseAction.APPROVE, empty());
        assertEquals(CaseStatus.APPROVED, s.status);
        assertEquals(2, s.opinions.size());
    }

    @Test
    public void firstInquiryStaffIsRecordedInTheHistory_R16() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, TOWN, "id-card");
        s.firstInquiryStaff = "clerk-C";
        List<CaseEvent> events = open(s, CLERK, ctx);
        assertEquals("clerk-C", events.get(0).data.get("firstInquiryStaff"));
    }

    @Test
    public void deliver_chargesThePublishedStandardOnly_withAReceipt_R19() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.withFee());
        CaseState s = newCase(ctx.item, TOWN, "id-card");
        open(s, CLERK, ctx);
        act(s, CLERK, ctx, CaseAction.APPROVE, empty());
        YizhanException e = refused(s, CLERK, ctx, CaseAction.DELIVER, body(null, List.of(), Map.of("feeAmountFen", "1500")));
        assertEquals("R19", e.rule());
        assertEquals("R19", refused(s, CLERK, ctx, CaseAction.DELIVER, body(null, List.of(), Map.of("feeAmountFen", "0"))).rule());
        List<CaseEvent> events = act(s, CLERK, ctx, CaseAction.DELIVER, body(null, List.of(), Map.of("feeAmountFen", "1000")));
        assertEquals(CaseStatus.DELIVERED, s.status);
        assertEquals(1, s.fees.size());
        assertEquals(1000, s.fees.get(0).amountFen());
        assertEquals("FP2026-000001", s.fees.get(0).receiptNumber());
        assertEquals("FP2026-000001", events.get(0).data.get("receiptNumber"));
    }

    @Test
    public void aDeniedCaseIsDeliveredWithoutAFee_R19() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.withFee());
        CaseState s = newCase(ctx.item, TOWN, "id-card");
        open(s, CLERK, ctx);
        act(s, CLERK, ctx, CaseAction.DENY, body("不符合条件", List.of(), Map.of()));
        act(s, CLERK, ctx, CaseAction.DELIVER, empty());
        assertTrue(s.fees.isEmpty());
    }

    @Test
    public void actionsOutsideTheirStatesAreConflicts() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, TOWN, "id-card", "household", "income");
        open(s, CLERK, ctx);
        YizhanException e = refused(s, CLERK, ctx, CaseAction.DELIVER, empty());
        assertEquals(409, e.status());
        assertEquals("ACCEPTED", e.state());
        act(s, CLERK, ctx, CaseAction.WITHDRAW, body("申请人撤回", List.of(), Map.of()));
        for (CaseAction a : CaseEngine.FROM.keySet()) {
            assertEquals(a + " after withdrawal", 409, refused(s, a == CaseAction.EXTEND ? TOWN_ADMIN : CLERK, ctx, a, empty()).status());
        }
    }

    @Test
    public void rolesAndCentersDecideWhoMayAct() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, VILLAGE, "id-card", "household", "income");
        open(s, AGENT, ctx);
        CaseEngine.relayIn(s, true, "VILLAGE", "RX-1");
        assertEquals("a village agent does not decide", 403, refused(s, AGENT, ctx, CaseAction.APPROVE, empty()).status());
        assertEquals("a supervisor only watches", 403, refused(s, SUPERVISOR, ctx, CaseAction.START_REVIEW, empty()).status());
        Caller otherTownClerk = new Caller("clerk-T2", java.util.Set.of(Caller.CLERK), 12);
        assertEquals(403, refused(s, otherTownClerk, ctx, CaseAction.APPROVE, empty()).status());
        act(s, CLERK, ctx, CaseAction.APPROVE, empty());
        act(s, AGENT, ctx, CaseAction.DELIVER, empty());
        assertEquals("the village hands out the result (R23 reply)", CaseStatus.DELIVERED, s.status);
    }

    @Test
    public void historyIsChainedFromTheFirstEvent() {
        Fixtures.Ctx ctx = new Fixtures.Ctx(Fixtures.promised());
        CaseState s = newCase(ctx.item, TOWN, "id-card");
        List<CaseEvent> all = new java.util.ArrayList<>(open(s, CLERK, ctx));
        all.addAll(act(s, CLERK, ctx, CaseAction.SUPPLEMENT, body(null, List.of("household", "income"), Map.of())));
        assertEquals(HistoryChain.GENESIS, all.get(0).prevHash);
        for (int i = 1; i < all.size(); i++) {
            assertEquals(all.get(i - 1).hash, all.get(i).prevHash);
            assertEquals(i + 1, all.get(i).seq);
        }
        assertTrue(HistoryChain.verify(Fixtures.CHAIN, s.number, all, s.eventCount, s.lastHash).valid);
        assertFalse(CaseEngine.hasNext(CaseStatus.DELIVERED));
    }
}
