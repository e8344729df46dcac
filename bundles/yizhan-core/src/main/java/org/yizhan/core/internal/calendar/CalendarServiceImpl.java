package org.yizhan.core.internal.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.yizhan.api.calendar.CalendarService;
import org.yizhan.api.calendar.CalendarStatusDTO;
import org.yizhan.api.calendar.DueDTO;
import org.yizhan.api.calendar.WorkingDaysDTO;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.api.network.NetworkService;

/**
 * Working-day arithmetic on each center's calendar (R13): the official years loaded from
 * {@code etc/org.yizhan.calendar-<year>.cfg} and the centers' own files, both bound as they come
 * and go, so a new year is added by dropping a file into etc/ with no restart.
 */
@Component(service = {CalendarService.class, Calendars.class}, configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class CalendarServiceImpl implements CalendarService, Calendars {

    private final NetworkService network;
    private final ZoneId zone;
    private final Map<Integer, CalendarYear> years = new ConcurrentSkipListMap<>();
    private final Map<String, CenterCalendar> centers = new ConcurrentHashMap<>();

    @Activate
    public CalendarServiceImpl(@Reference NetworkService network, PlatformConfig config) {
        this.network = network;
        this.zone = ZoneId.of(config.zone());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addYear(CalendarYear year) {
        years.put(year.year(), year);
    }

    void removeYear(CalendarYear year) {
        years.remove(year.year(), year);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCenter(CenterCalendar center) {
        centers.put(center.center(), center);
    }

    void removeCenter(CenterCalendar center) {
        centers.remove(center.center(), center);
    }

    /** The calendar of a center (the deciding center's, for a case's promised date). */
    @Override
    public WorkCalendar calendarOf(long centerId) {
        String code = network.center(centerId).map(c -> c.code).orElse(null);
        return new OfficialCalendar(years, code == null ? null : centers.get(code));
    }

    @Override
    public DueDTO due(long centerId, LocalDate from, int workingDays) {
        WorkCalendar cal = calendarOf(centerId);
        DueDTO dto = new DueDTO();
        LocalDate due = cal.addWorkingDays(from, workingDays);
        dto.due = due.toString();
        dto.estimated = cal.anyEstimated(from, due);
        return dto;
    }

    @Override
    public WorkingDaysDTO workingDays(long centerId, LocalDate from, LocalDate to) {
        WorkCalendar cal = calendarOf(centerId);
        WorkingDaysDTO dto = new WorkingDaysDTO();
        dto.workingDays = cal.workingDaysBetween(from, to);
        dto.estimated = cal.anyEstimated(from, to);
        return dto;
    }

    @Override
    public CalendarStatusDTO status() {
        return status(LocalDate.now(zone));
    }

    /** Loaded years, and the years that should be loaded by now: this one, and from December 1 the next. */
    public CalendarStatusDTO status(LocalDate today) {
        CalendarStatusDTO s = new CalendarStatusDTO();
        for (CalendarYear y : years.values()) {
            CalendarStatusDTO.YearDTO d = new CalendarStatusDTO.YearDTO();
            d.year = y.year();
            d.source = y.source();
            d.version = y.version();
            s.years.add(d);
        }
        List<Integer> wanted = new ArrayList<>(List.of(today.getYear()));
        if (today.getMonthValue() == 12) {
            wanted.add(today.getYear() + 1);
        }
        for (int y : wanted) {
            if (!years.containsKey(y)) {
                s.missingYears.add(y);
            }
        }
        s.centers.addAll(centers.keySet());
        return s;
    }
}
