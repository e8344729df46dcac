package org.yizhan.core.internal.feedback;

import java.time.LocalDate;

import org.yizhan.core.internal.alert.Thresholds;
import org.yizhan.core.internal.calendar.WorkCalendar;

/**
 * A due date some working days after a day on a center's calendar (R13), and the day it turns
 * yellow by the same thresholds as a case's promised date (R20).
 */
record Due(LocalDate date, boolean estimated, LocalDate yellow) {

    static Due after(WorkCalendar cal, Thresholds thresholds, String centerCode, LocalDate from, int workingDays) {
        LocalDate due = cal.addWorkingDays(from, workingDays);
        return new Due(due, cal.anyEstimated(from, due), thresholds.yellowDate(centerCode, cal, from, due, workingDays));
    }
}
