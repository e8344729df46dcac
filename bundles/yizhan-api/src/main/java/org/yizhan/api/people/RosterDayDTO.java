package org.yizhan.api.people;

/** A day of a village room's duty roster (R25): the village committee member on duty. */
public class RosterDayDTO {
    public String date;
    public String name;
}
