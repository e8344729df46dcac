package org.yizhan.api.cases;

/** The states of a case (docs/api.md). */
public enum CaseStatus {
    SUBMITTED, AWAITING_SUPPLEMENT, ACCEPTED, IN_REVIEW, PAUSED, APPROVED, DENIED, DELIVERED,
    NOT_ACCEPTED, WITHDRAWN, RELAYING;

    /** No action leads out of a terminal state. */
    public boolean terminal() {
        return this == DELIVERED || this == NOT_ACCEPTED || this == WITHDRAWN;
    }

    /** The case is being worked on (the clock runs or is paused). */
    public boolean open() {
        return !terminal() && this != APPROVED && this != DENIED;
    }
}
