package org.yizhan.api.cases;

import java.util.Locale;

/** What staff can do to a case: {@code POST /cases/{number}/actions/{action}}. */
public enum CaseAction {
    SUBMIT, SUPPLEMENT, ACCEPT, NOT_ACCEPT, START_REVIEW, PAUSE, RESUME, EXTEND, OPINION, APPROVE, DENY,
    DELIVER, WITHDRAW;

    /** The name in URLs: {@code not-accept}, {@code start-review}, ... */
    public String path() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CaseAction fromPath(String path) {
        for (CaseAction a : values()) {
            if (a.path().equals(path)) {
                return a;
            }
        }
        return null;
    }
}
