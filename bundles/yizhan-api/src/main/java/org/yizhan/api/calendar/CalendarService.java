package org.yizhan.api.calendar;

import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

/** Working days at a center (R13): weekends, statutory holidays, make-up days, overrides. */
@ProviderType
public interface CalendarService {

    /** The n-th working day after {@code from} (from itself is not counted). */
    DueDTO due(long centerId, LocalDate from, int workingDays);

    /** Working days after {@code from} up to and including {@code to}. */
    WorkingDaysDTO workingDays(long centerId, LocalDate from, LocalDate to);

    /** The loaded official years and the missing ones. */
    CalendarStatusDTO status();
}
