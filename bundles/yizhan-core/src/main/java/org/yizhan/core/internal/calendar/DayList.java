package org.yizhan.core.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/** Parses the day lists of calendar files: dates, ranges {@code a..b}, weekday names. */
final class DayList {

    private DayList() {
    }

    static Set<LocalDate> dates(String text, String what) {
        Set<LocalDate> days = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return days;
        }
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int dots = part.indexOf("..");
                if (dots > 0) {
                    LocalDate from = LocalDate.parse(part.substring(0, dots));
                    LocalDate to = LocalDate.parse(part.substring(dots + 2));
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        days.add(d);
                    }
                } else {
                    days.add(LocalDate.parse(part));
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(what + ": '" + part + "' is not YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD");
            }
        }
        return days;
    }

    static Set<DayOfWeek> weekdays(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (text == null || text.isBlank()) {
            return days;
        }
        for (String part : text.split("[,\\s]+")) {
            String p = part.trim().toUpperCase();
            if (p.isEmpty()) {
                continue;
            }
            boolean found = false;
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().startsWith(p) && p.length() >= 3) {
                    days.add(d);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("weekdays: '" + part + "' is not a weekday (MON, TUE, ...)");
            }
        }
        return days;
    }
}
