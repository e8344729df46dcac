package org.yizhan.core.internal.calendar;

import java.time.LocalDate;

/** A center's working days. */
public interface WorkCalendar {

    boolean isWorkingDay(LocalDate day);

    /** True when a day's status is a guess (no calendar data covers it). */
    boolean estimated(LocalDate day);

    /** The n-th working day after {@code from} (from itself not counted); n = 0 gives from. */
    default LocalDate addWorkingDays(LocalDate from, int n) {
        LocalDate d = from;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when to is not after from. */
    default int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** Which calendar data the days from {@code from} to {@code to} were counted on (recorded in case histories). */
    default String version(LocalDate from, LocalDate to) {
        return "weekdays";
    }

    /** True when any day in (from, to] is estimated. */
    default boolean anyEstimated(LocalDate from, LocalDate to) {
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (estimated(d)) {
                return true;
            }
        }
        return estimated(from);
    }
}
