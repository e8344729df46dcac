package org.yizhan.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A refusal the platform explains: an HTTP-like status, English and Chinese text, and where
 * it applies the field at fault, the rule that refused it (R10...) or the case's state.
 * A service that throws one has changed nothing.
 */
public class YizhanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int BAD_INPUT = 400;
    public static final int FORBIDDEN = 403;
    public static final int NOT_FOUND = 404;
    public static final int CONFLICT = 409;
    public static final int RULE = 422;
    /** The problem type of a call made while a one-time password must still be changed. */
    public static final String PASSWORD_CHANGE_REQUIRED = "urn:yizhan:problem:password-change-required";

    private final int status;
    private final String messageZh;
    private final String field;
    private final String rule;
    private final String state;
    private final List<FieldError> errors;
    private final String type;

    /** One wrong field among several. */
    public record FieldError(String field, String message, String messageZh) {
    }

    protected YizhanException(int status, String message, String messageZh, String field, String rule,
                              String state, List<FieldError> errors) {
        this(null, status, message, messageZh, field, rule, state, errors);
    }

    /** With a problem type URI of its own (e.g. {@code urn:yizhan:problem:password-change-required}). */
    protected YizhanException(String type, int status, String message, String messageZh, String field, String rule,
                              String state, List<FieldError> errors) {
        super(message);
        this.type = type;
        this.status = status;
        this.messageZh = messageZh;
        this.field = field;
        this.rule = rule;
        this.state = state;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** 400: the input is wrong; names the field. */
    public static YizhanException badInput(String field, String message, String messageZh) {
        return new YizhanException(BAD_INPUT, message, messageZh, field, null, null,
                List.of(new FieldError(field, message, messageZh)));
    }

    /** 400 with several wrong fields. */
    public static YizhanException badInput(List<FieldError> errors) {
        FieldError first = errors.get(0);
        String msg = errors.size() == 1 ? first.message() : errors.size() + " fields are invalid; first: " + first.message();
        String zh = errors.size() == 1 ? first.messageZh() : errors.size() + " 个字段有误；第一个：" + first.messageZh();
        return new YizhanException(BAD_INPUT, msg, zh, first.field(), null, null, new ArrayList<>(errors));
    }

    /** 403 while the caller's one-time password has not been changed (type {@link #PASSWORD_CHANGE_REQUIRED}). */
    public static YizhanException passwordChangeRequired() {
        return new YizhanException(PASSWORD_CHANGE_REQUIRED, FORBIDDEN,
                "Change your one-time password first: POST /api/v1/me/password {\"oldPassword\",\"newPassword\"}",
                "请先修改一次性密码（POST /api/v1/me/password）", null, null, null, null);
    }

    /** 422 refused by a platform rule that is not one of the domain rules (says why). */
    public static YizhanException refused(String field, String message, String messageZh) {
        return new YizhanException(RULE, message, messageZh, field, null, null,
                field == null ? null : List.of(new FieldError(field, message, messageZh)));
    }

    /** 401: who sent the request could not be established (a relay message without a valid link signature). */
    public static YizhanException unauthorized(String message, String messageZh) {
        return new YizhanException(401, message, messageZh, null, null, null, null);
    }

    public static YizhanException forbidden(String message, String messageZh) {
        return new YizhanException(FORBIDDEN, message, messageZh, null, null, null, null);
    }

    public static YizhanException notFound(String message, String messageZh) {
        return new YizhanException(NOT_FOUND, message, messageZh, null, null, null, null);
    }

    /** 409: the action is not allowed in the case's current state; says which. */
    public static YizhanException conflict(String state, String message, String messageZh) {
        return new YizhanException(CONFLICT, message, messageZh, null, null, state, null);
    }

    /** 422: a rule of docs/domain.md refused it; says which (e.g. R10). */
    public static YizhanException rule(String rule, String field, String message, String messageZh) {
        return new YizhanException(RULE, message, messageZh, field, rule, null,
                field == null ? null : List.of(new FieldError(field, message, messageZh)));
    }

    /** The problem type URI, or null for the default of the status. */
    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String messageZh() {
        return messageZh;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    public String state() {
        return state;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
