package org.yizhan.api.people;

/** A booking by the public (R26). */
public class AppointmentInput {
    public Long centerId;
    public String windowType;
    public String itemCode;
    /** The slot's start, e.g. 2026-12-05T09:00. */
    public String slotStart;
    public String name;
    public String phone;
    /** An urgent matter (R27) may take the places kept for urgent items; the window checks it on arrival. */
    public Boolean urgent;
}
