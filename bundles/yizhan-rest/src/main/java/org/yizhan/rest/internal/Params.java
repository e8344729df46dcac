package org.yizhan.rest.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.yizhan.api.YizhanException;

/** Query and path parameters, parsed with an error that names the parameter. */
final class Params {

    private Params() {
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
        if (value == null || value.isBlank()) {
            throw YizhanException.badInput(name, name + " (YYYY-MM-DD) is required", name + "（YYYY-MM-DD）为必填参数");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw YizhanException.badInput(name, name + " must be a date YYYY-MM-DD, not '" + value + "'",
                    name + " 须为 YYYY-MM-DD 格式的日期");
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
