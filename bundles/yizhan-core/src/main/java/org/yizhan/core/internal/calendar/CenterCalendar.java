package org.yizhan.core.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** One center's changes to the official working days, from its configuration file. */
@Component(service = CenterCalendar.class, configurationPid = "org.yizhan.calendar.center",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CenterCalendarConfig.class, factory = true)
public final class CenterCalendar {

    private final String center;
    private final Set<DayOfWeek> weekdays;
    private final Set<LocalDate> closed;
    private final Set<LocalDate> open;

    @Activate
    public CenterCalendar(CenterCalendarConfig config) {
        this(config.center(), DayList.weekdays(config.weekdays()), DayList.dates(config.closed(), "closed"),
                DayList.dates(config.open(), "open"));
    }

    public CenterCalendar(String center, Set<DayOfWeek> weekdays, Set<LocalDate> closed, Set<LocalDate> open) {
        this.center = center;
        this.weekdays = Set.copyOf(weekdays);
        this.closed = Set.copyOf(closed);
        this.open = Set.copyOf(open);
    }

    public String center() {
        return center;
    }

    /** The center's answer for a day, given the official one. */
    public boolean isWorkingDay(LocalDate day, boolean official) {
        if (closed.contains(day)) {
            return false;
        }
        if (open.contains(day)) {
            return true;
        }
        return official && (weekdays.isEmpty() || weekdays.contains(day.getDayOfWeek()));
    }

    public String version() {
        return center + ":" + Integer.toHexString((weekdays + "|" + closed + "|" + open).hashCode());
    }
}
