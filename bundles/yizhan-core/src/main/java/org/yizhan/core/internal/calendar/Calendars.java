package org.yizhan.core.internal.calendar;

/** The working calendar a center's time limits are counted on. */
public interface Calendars {

    WorkCalendar calendarOf(long centerId);
}
