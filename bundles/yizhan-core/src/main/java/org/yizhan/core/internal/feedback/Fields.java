package org.yizhan.core.internal.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.yizhan.api.YizhanException;
import org.yizhan.api.YizhanException.FieldError;

/** Collects every wrong field of a request, then refuses it naming them all (400), before anything is written. */
final class Fields {

    private final List<FieldError> errors = new ArrayList<>();

    /** A text of at most {@code max} characters with no control characters but line breaks; null when absent or blank. */
    String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, field + " is required", field + " 不能为空"));
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(new FieldError(field, field + " is longer than " + max + " characters", field + " 超过 " + max + " 个字符"));
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                errors.add(new FieldError(field, field + " contains a control character", field + " 含有控制字符"));
                return null;
            }
        }
        return v;
    }

    /** One of an enum's names (case-insensitive); null when absent (an error when required). */
    <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, field + " is required", field + " 不能为空"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            errors.add(new FieldError(field, field + " must be one of " + names, field + " 须为 " + names + " 之一"));
            return null;
        }
    }

    void error(String field, String message, String messageZh) {
        errors.add(new FieldError(field, message, messageZh));
    }

    /** Refuses the request when any field was wrong. */
    void check() {
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
    }
}
