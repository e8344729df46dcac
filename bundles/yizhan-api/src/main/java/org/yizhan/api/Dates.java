package org.yizhan.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The dates the platform takes from a caller: ISO {@code yyyy-mm-dd} between {@link #MIN} and
 * {@link #MAX}. Nothing a service center decides lies outside, and a bound keeps hostile
 * values (year 9999999) out of calendars, columns and arithmetic.
 */
public final class Dates {

    /** The founding of the People's Republic: no record of a center is older. */
    public static final LocalDate MIN = LocalDate.of(1949, 10, 1);
    /** Far past any time limit, promised date or calendar a center keeps. */
    public static final LocalDate MAX = LocalDate.of(2100, 12, 31);

    private Dates() {
    }

    /** Parses a caller's date; 400 naming {@code field} when it is missing, malformed or out of bounds. */
    public static LocalDate parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw YizhanException.badInput(field, field + " (YYYY-MM-DD) is required", field + "（YYYY-MM-DD）为必填项");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw YizhanException.badInput(field, field + " must be a date YYYY-MM-DD, not '" + clip(text) + "'",
                    field + " 须为 YYYY-MM-DD 格式的日期");
        }
        return check(field, date);
    }

    /** A date within the bounds, or 400 naming {@code field}. */
    public static LocalDate check(String field, LocalDate date) {
        if (date.isBefore(MIN) || date.isAfter(MAX)) {
            throw YizhanException.badInput(field, field + " must lie between " + MIN + " and " + MAX,
                    field + " 须在 " + MIN + " 至 " + MAX + " 之间");
        }
        return date;
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
