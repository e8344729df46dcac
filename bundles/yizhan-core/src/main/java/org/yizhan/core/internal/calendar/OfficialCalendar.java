package org.yizhan.core.internal.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A center's working days: the official calendar of each loaded year, the center's own changes,
 * and Monday to Friday — marked estimated — for a year that has no data yet.
 */
public final class OfficialCalendar implements WorkCalendar {

    private final Map<Integer, CalendarYear> years;
    private final CenterCalendar center;

    public OfficialCalendar(Map<Integer, CalendarYear> years, CenterCalendar center) {
        this.years = Map.copyOf(years);
        this.center = center;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        CalendarYear year = years.get(day.getYear());
        boolean official = year != null ? year.isWorkingDay(day) : WeekdayCalendar.INSTANCE.isWorkingDay(day);
        return center == null ? official : center.isWorkingDay(day, official);
    }

    @Override
    public boolean estimated(LocalDate day) {
        return !years.containsKey(day.getYear());
    }

    @Override
    public String version(LocalDate from, LocalDate to) {
        StringJoiner j = new StringJoiner("+");
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            CalendarYear year = years.get(y);
            j.add(year == null ? y + ":estimated" : year.version());
        }
        if (center != null) {
            j.add(center.version());
        }
        return j.toString();
    }
}
