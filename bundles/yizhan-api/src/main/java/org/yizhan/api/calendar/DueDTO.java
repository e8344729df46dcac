package org.yizhan.api.calendar;

/** A date computed on a center's working-day calendar. */
public class DueDTO {
    public String due;
    /** True when the calendar data does not cover the dates used (never silently Monday–Friday). */
    public boolean estimated;
}
