package org.yizhan.rest.internal;

import java.time.LocalDate;

import org.yizhan.api.Dates;
import org.yizhan.api.YizhanException;

/** Query and path parameters, parsed with an error that names the parameter. */
final class Params {

    private Params() {
    }

    /** true, false or absent (false); anything else names the parameter. */
    static boolean optionalBoolean(String name, String value) {
        if (value == null || value.isBlank() || "false".equals(value)) {
            return false;
        }
        if ("true".equals(value)) {
            return true;
        }
        throw YizhanException.badInput(name, name + " is true or false", name + " 须为 true 或 false");
    }

    static Long optionalLong(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw YizhanException.badInput(name, name + " must be a whole number, not '" + value + "'",
                    name + " 须为整数，而非“" + value + "”");
        }
    }

    static long requiredLong(String name, String value) {
        Long v = optionalLong(name, value);
        if (v == null) {
            throw YizhanException.badInput(name, name + " is required", name + " 为必填参数");
        }
        return v;
    }

    static int optionalInt(String name, String value, int fallback, int min, int max) {
        Long v = optionalLong(name, value);
        if (v == null) {
            return fallback;
        }
        if (v < min || v > max) {
            throw YizhanException.badInput(name, name + " must be between " + min + " and " + max,
                    name + " 须在 " + min + " 与 " + max + " 之间");
        }
        return v.intValue();
    }

    static LocalDate requiredDate(String name, String value) {
        return Dates.parse(name, value);
    }

    /** The longest period a query may span: ten years. */
    static final int MAX_RANGE_YEARS = 10;

    /** A period [from, to] named by its two parameters: {@code to} not before {@code from}, at most ten years long. */
    static void requireRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw YizhanException.badInput("to", "to must not be before from", "结束日期不能早于开始日期");
        }
        if (to.isAfter(from.plusYears(MAX_RANGE_YEARS))) {
            throw YizhanException.badInput("to", "The period may span at most " + MAX_RANGE_YEARS + " years",
                    "查询期间最长 " + MAX_RANGE_YEARS + " 年");
        }
    }

    static <E extends Enum<E>> E optionalEnum(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw YizhanException.badInput(name, name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()),
                    name + " 取值无效：" + value);
        }
    }
}
