package org.yizhan.api.people;

/** A bookable slot of a window (R26): capacity and what is left (for urgent items, the reserved share too). */
public class SlotDTO {
    public String start;
    public String end;
    public int capacity;
    public int left;
    /** Of what is left, the places kept for urgent items (R27). */
    public int reservedForUrgent;
}
