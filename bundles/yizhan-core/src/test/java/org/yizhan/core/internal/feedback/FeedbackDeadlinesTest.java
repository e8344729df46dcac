package org.yizhan.core.internal.feedback;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.time.LocalDate;

import org.junit.Test;
import org.yizhan.api.YizhanException;
import org.yizhan.core.internal.alert.SupervisionConfig;
import org.yizhan.core.internal.alert.Thresholds;
import org.yizhan.core.internal.calendar.OfficialCalendar;
import org.yizhan.core.internal.calendar.OfficialCalendarTest;
import org.yizhan.core.internal.stats.Tallies;

/**
 * The time limits of the public's voice on the official 2026 calendar the distribution ships:
 * around the National Day holiday (1–7 October) and its make-up working days (Sunday 20
 * September, Saturday 10 October). R21: a bad rating is rectified within 15 working days; R22: a
 * complaint is answered within 5 working days, a referral proposed within 2.
 */
public class FeedbackDeadlinesTest {

    private static final Thresholds THRESHOLDS = new Thresholds(new SupervisionConfig() {
        @Override
        public Class<? extends Annotation> annotationType() {
            return SupervisionConfig.class;
        }

        @Override
        public int yellowDaysLeft() {
            return 3;
        }

        @Override
        public double yellowShareUsed() {
            return 0.8;
        }

        @Override
        public String centerThresholds() {
            return "";
        }

        @Override
        public int scanIntervalSeconds() {
            return 300;
        }
    });

    private static Due due(String from, int days) throws Exception {
        OfficialCalendar cal = OfficialCalendarTest.official();
        return Due.after(cal, THRESHOLDS, "T1", LocalDate.parse(from), days);
    }

    /** R21: rated on Friday 18 September; the make-up Sunday counts, the Mid-Autumn and National Day holidays do not. */
    @Test
    public void r21_aBadRatingIsRectifiedWithin15WorkingDays_acrossNationalDay() throws Exception {
        Due d = due("2026-09-18", 15);
        // 20 Sep (make-up Sunday) 1, 21–24 Sep 2–5, 28–30 Sep 6–8, 8–9 Oct 9–10, 10 Oct (make-up Saturday) 11, 12–15 Oct 12–15
        assertEquals(LocalDate.parse("2026-10-15"), d.date());
        assertFalse("the 2026 calendar covers it", d.estimated());
        // yellow by the supervision thresholds: with 3 working days left (13, 14, 15 Oct), which is also
        // when 80% of the 15 working days (12) have passed
        assertEquals(LocalDate.parse("2026-10-12"), d.yellow());
    }

    /** R22: received Tuesday 29 September: answered by Monday 12 October, the make-up Saturday 10 October counted. */
    @Test
    public void r22_aComplaintIsAnsweredWithin5WorkingDays_andAReferralProposedWithin2() throws Exception {
        assertEquals(LocalDate.parse("2026-10-12"), due("2026-09-29", 5).date());
        assertEquals(LocalDate.parse("2026-10-08"), due("2026-09-29", 2).date());
        // an ordinary week: Thursday 3 December -> Thursday 10 December
        assertEquals(LocalDate.parse("2026-12-10"), due("2026-12-03", 5).date());
    }

    /** A due date beyond the loaded official years is marked estimated, never silently Monday to Friday. */
    @Test
    public void aDueDateBeyondTheOfficialCalendarIsEstimated() throws Exception {
        assertTrue(due("2026-12-24", 15).estimated());
    }

    @Test
    public void r20_theAlertLevelIsYellowFromTheYellowDayAndRedAfterTheDueDate() {
        assertNull(Tallies.level("2026-10-09", "2026-10-10", "2026-10-15"));
        assertEquals("YELLOW", Tallies.level("2026-10-10", "2026-10-10", "2026-10-15"));
        assertEquals("YELLOW", Tallies.level("2026-10-15", "2026-10-10", "2026-10-15"));
        assertEquals("RED", Tallies.level("2026-10-16", "2026-10-10", "2026-10-15"));
    }

    /** R28: assessment periods are quarters and years; anything else names the field. */
    @Test
    public void r28_periodsAreQuartersAndYears() {
        LocalDate[] q4 = AssessmentServiceImpl.range("2026-Q4");
        assertEquals(LocalDate.parse("2026-10-01"), q4[0]);
        assertEquals(LocalDate.parse("2026-12-31"), q4[1]);
        LocalDate[] q1 = AssessmentServiceImpl.range("2028-Q1");
        assertEquals(LocalDate.parse("2028-03-31"), q1[1]);
        LocalDate[] year = AssessmentServiceImpl.range("2026");
        assertEquals(LocalDate.parse("2026-01-01"), year[0]);
        assertEquals(LocalDate.parse("2026-12-31"), year[1]);
        for (String bad : new String[] {"2026-Q5", "2026Q4", "26", "1999", "2026-12", "", "2026-Q4 OR 1=1"}) {
            YizhanException e = assertThrows(bad, YizhanException.class, () -> AssessmentServiceImpl.range(bad));
            assertEquals("period", e.field());
        }
    }
}
