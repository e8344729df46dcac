package org.yizhan.core.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The stand-in until official calendar data is loaded: Monday to Friday are working days.
 * Every day it answers is marked estimated, so nothing computed on it passes for official.
 */
public final class WeekdayCalendar implements WorkCalendar {

    public static final WeekdayCalendar INSTANCE = new WeekdayCalendar();

    @Override
    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    @Override
    public boolean estimated(LocalDate day) {
        return true;
    }

    @Override
    public String version(LocalDate from, LocalDate to) {
        return "weekdays(estimated)";
    }
}
