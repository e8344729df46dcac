package org.yizhan.api.people;

/** A staff member's presence as their center publishes it (no phone numbers). */
public class PresenceDTO {
    public String user;
    public String name;
    /** PRESENT or AWAY. */
    public String status;
    public String whereabouts;
    public String whereaboutsZh;
    public String note;
    public String until;
}
