package org.yizhan.core.internal.calendar;

import java.time.LocalDate;

import org.osgi.service.component.annotations.Component;
import org.yizhan.api.calendar.CalendarService;
import org.yizhan.api.calendar.DueDTO;
import org.yizhan.api.calendar.WorkingDaysDTO;

/** Working-day arithmetic for the API. Every center uses the stand-in calendar for now. */
@Component(service = {CalendarService.class, CalendarServiceImpl.class})
public class CalendarServiceImpl implements CalendarService {

    /** The calendar of a center's deciding decisions. */
    public WorkCalendar calendarOf(long centerId) {
        return WeekdayCalendar.INSTANCE;
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
}
