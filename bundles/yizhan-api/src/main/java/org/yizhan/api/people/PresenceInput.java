package org.yizhan.api.people;

/** One's own presence: PRESENT, or AWAY with a whereabouts (MEETING, VILLAGE_VISIT, LEAVE, TRAINING, OTHER) and an expected return. */
public class PresenceInput {
    public String status;
    public String whereabouts;
    /** What OTHER means, or a detail (at most 100 characters). */
    public String note;
    /** The expected return, e.g. 2026-12-03T15:30 (the county's time). */
    public String until;
}
