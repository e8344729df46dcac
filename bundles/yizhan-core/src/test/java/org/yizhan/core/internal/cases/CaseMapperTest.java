package org.yizhan.core.internal.cases;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.yizhan.api.cases.CaseDTO;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.cases.PauseKind;
import org.yizhan.api.cases.PublicCaseDTO;
import org.yizhan.core.internal.entity.CaseEntity;

/** The one copy of a case's fields: row and state agree both ways, and the views mask what they must. */
public class CaseMapperTest {

    private static CaseState full() {
        CaseState s = new CaseState();
        s.number = "T1-20261202-0001";
        s.lookupCode = "ABCD2345";
        s.itemCode = "subsistence-allowance";
        s.itemVersion = 2;
        s.itemName = "低保";
        s.centerId = 111;
        s.decidingCenterId = 11;
        s.windowType = "civil-affairs";
        s.handlingClass = "PROMISED";
        s.status = CaseStatus.PAUSED;
        s.urgent = true;
        s.applicantName = "王小明";
        s.applicantIdType = "RESIDENT_ID";
        s.applicantIdNumber = "11010519491231002X";
        s.applicantPhone = "13800000000";
        s.materials = new LinkedHashSet<>(List.of("id-card", "household-register"));
        s.missing = new LinkedHashSet<>(List.of("income-proof"));
        s.notice = new LinkedHashSet<>(List.of("income-proof"));
        s.jointWindows = new java.util.ArrayList<>(List.of("natural-resources"));
        s.attributes.put("householdSize", "4");
        s.createdAtMillis = 1_764_000_000_000L;
        s.createdBy = "clerk-T1";
        s.acceptedAtMillis = 1_764_000_100_000L;
        s.promisedDate = LocalDate.of(2026, 12, 20);
        s.promisedDateEstimated = true;
        s.pauseKind = PauseKind.SITE_INSPECTION;
        s.pausedFrom = CaseStatus.ACCEPTED;
        s.pausedOn = LocalDate.of(2026, 12, 3);
        s.firstInquiryStaff = "clerk-T1";
        s.fees.add(new CaseState.Fee("licence", 1000, "CNY 10", "FP2026-000001", 1_764_000_200_000L));
        s.opinions.add(new CaseState.JointOpinion("natural-resources", "AGREE", "ok", "clerk-nr", 1_764_000_300_000L));
        s.eventCount = 4;
        s.lastHash = "abc";
        s.jointDeadline = LocalDate.of(2026, 12, 10);
        s.relayDue = LocalDate.of(2026, 12, 4);
        s.decidedAtMillis = 1_764_000_400_000L;
        s.onTime = Boolean.TRUE;
        return s;
    }

    @Test
    public void aCaseSurvivesTheRowBothWays() {
        CaseState s = full();
        CaseEntity e = new CaseEntity();
        CaseMapper.write(s, e);
        CaseState back = CaseMapper.read(e);
        assertEquals(s.snapshot(), back.snapshot());
        assertEquals(s.applicantIdNumber, back.applicantIdNumber);
        assertEquals(s.relayDue, back.relayDue);
        assertEquals(s.jointWindows, back.jointWindows);
        assertEquals(s.firstInquiryStaff, back.firstInquiryStaff);
    }

    @Test
    public void missingDatesStayMissing() {
        CaseState s = full();
        s.promisedDate = null;
        s.pausedOn = null;
        s.relayDue = null;
        s.jointDeadline = null;
        CaseEntity e = new CaseEntity();
        CaseMapper.write(s, e);
        assertNull(e.getPromisedDate());
        CaseState back = CaseMapper.read(e);
        assertNull(back.promisedDate);
        assertNull(back.relayDue);
        assertNull(CaseMapper.toDTO(back, null, e).promisedDateEstimated);
    }

    @Test
    public void theStaffViewMasksTheIdentityNumber() {
        CaseEntity e = new CaseEntity();
        e.setAlertLevel("YELLOW");
        CaseDTO d = CaseMapper.toDTO(full(), null, e);
        assertEquals("110***********002X", d.applicant.idNumberMasked);
        assertEquals("YELLOW", d.alertLevel);
        assertNull("lists carry no history", d.history);
        assertEquals("2026-12-20", d.promisedDate);
        assertEquals("FP2026-000001", d.fees.get(0).receiptNumber);
    }

    @Test
    public void thePublicViewMasksTheNameAndNamesCentersNotStaff() {
        CaseEvent ev = new CaseEvent("accept", "SUBMITTED", "ACCEPTED", null, Map.of());
        ev.seq = 1;
        ev.atMillis = 1_764_000_100_000L;
        ev.actor = "clerk-T1";
        ev.centerId = 111L;
        PublicCaseDTO p = CaseMapper.toPublic(full(), List.of(ev), id -> id == 111 ? "一村" : null);
        assertEquals("王**", p.applicantMasked);
        assertEquals("一村", p.history.get(0).centerName);
        assertEquals(List.of("id-card", "household-register"), p.materialsReceived);
    }

    @Test
    public void unchangedCollectionsAreNotWrittenAgain() {
        CaseEntity e = new CaseEntity();
        CaseMapper.write(full(), e);
        Object fees = e.getFees();
        Object opinions = e.getOpinions();
        Object attributes = e.getAttributes();
        CaseMapper.write(CaseMapper.read(e), e);
        assertSame("the same fee rows: nothing to delete and insert again", fees, e.getFees());
        assertSame(opinions, e.getOpinions());
        assertSame(attributes, e.getAttributes());
        CaseState changed = CaseMapper.read(e);
        changed.fees.add(new CaseState.Fee("copy", 500, "CNY 5", "FP2026-000002", 1_764_000_500_000L));
        CaseMapper.write(changed, e);
        assertNotSame("a changed collection is written", fees, e.getFees());
        assertEquals(2, e.getFees().size());
        assertSame(opinions, e.getOpinions());
    }
}
