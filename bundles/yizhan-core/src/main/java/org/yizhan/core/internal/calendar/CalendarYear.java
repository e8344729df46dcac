package org.yizhan.core.internal.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One official calendar year, made from its configuration file; a service the calendar binds. */
@Component(service = CalendarYear.class, configurationPid = "org.yizhan.calendar",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CalendarYearConfig.class, factory = true)
public final class CalendarYear {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarYear.class);

    private final int year;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;
    private final String source;
    private final String version;

    @Activate
    public CalendarYear(CalendarYearConfig config) {
        this(config.year(), DayList.dates(config.holidays(), "holidays"), DayList.dates(config.workdays(), "workdays"),
                config.source());
        LOG.info("Official calendar {} loaded ({} holidays, {} make-up working days; {}) / 已加载法定节假日安排",
                year, holidays.size(), workdays.size(), source);
    }

    public CalendarYear(int year, Set<LocalDate> holidays, Set<LocalDate> workdays, String source) {
        for (LocalDate d : holidays) {
            if (d.getYear() != year && d.getYear() != year + 1 && d.getYear() != year - 1) {
                throw new IllegalArgumentException("holiday " + d + " is far outside " + year);
            }
        }
        this.year = year;
        this.holidays = Set.copyOf(holidays);
        this.workdays = Set.copyOf(workdays);
        this.source = source;
        this.version = year + ":" + digest(holidays + "|" + workdays);
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public int year() {
        return year;
    }

    public String source() {
        return source;
    }

    /** The year and a fingerprint of its data, recorded with every promised date computed on it. */
    public String version() {
        return version;
    }

    /** Whether the day is an official working day; only meaningful for days of this year. */
    public boolean isWorkingDay(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }
}
