package org.yizhan.core.internal.calendar;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.Test;

/**
 * The official calendars the distribution ships (etc/org.yizhan.calendar-2025.cfg and -2026.cfg),
 * read the way the container reads them, against the State Council notices day by day (R13).
 */
public class OfficialCalendarTest {

    static final Path ETC = Path.of("../../assemblies/yizhan-karaf/src/main/distribution/etc");

    static CalendarYear load(int year) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(ETC.resolve("org.yizhan.calendar-" + year + ".cfg"))) {
            p.load(in); // ISO-8859-1 with \\u escapes and line continuations, as the container reads etc/*.cfg
        }
        assertEquals(Integer.toString(year), p.getProperty("year"));
        assertTrue("the notice is cited", p.getProperty("source").contains("国务院办公厅关于" + year + "年部分节假日安排的通知"));
        return new CalendarYear(year, DayList.dates(p.getProperty("holidays"), "holidays"),
                DayList.dates(p.getProperty("workdays"), "workdays"), p.getProperty("source"));
    }

    public static OfficialCalendar official() throws IOException {
        Map<Integer, CalendarYear> years = new HashMap<>();
        years.put(2025, load(2025));
        years.put(2026, load(2026));
        return new OfficialCalendar(years, null);
    }

    static List<LocalDate> range(String from, String to) {
        return LocalDate.parse(from).datesUntil(LocalDate.parse(to).plusDays(1)).toList();
    }

    private static void assertOff(OfficialCalendar cal, List<LocalDate> days) {
        for (LocalDate d : days) {
            assertFalse(d + " is a holiday", cal.isWorkingDay(d));
            assertFalse(d + " is covered by data", cal.estimated(d));
        }
    }

    private static void assertOn(OfficialCalendar cal, String... days) {
        for (String d : days) {
            assertTrue(d + " is a make-up working day (调休)", cal.isWorkingDay(LocalDate.parse(d)));
        }
    }

    @Test
    public void every2025HolidayAndMakeUpDay_R13() throws IOException {
        OfficialCalendar cal = official();
        assertOff(cal, range("2025-01-01", "2025-01-01"));
        assertOff(cal, range("2025-01-28", "2025-02-04"));
        assertOff(cal, range("2025-04-04", "2025-04-06"));
        assertOff(cal, range("2025-05-01", "2025-05-05"));
        assertOff(cal, range("2025-05-31", "2025-06-02"));
        assertOff(cal, range("2025-10-01", "2025-10-08"));
        assertOn(cal, "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");
        assertTrue("an ordinary Tuesday", cal.isWorkingDay(LocalDate.parse("2025-03-11")));
        assertFalse("an ordinary Saturday", cal.isWorkingDay(LocalDate.parse("2025-03-15")));
        // 365 days - 104 weekend days - 18 holidays on weekdays + 5 make-up days
        assertEquals(248, countWorkingDays(cal, 2025));
    }

    @Test
    public void every2026HolidayAndMakeUpDay_R13() throws IOException {
        OfficialCalendar cal = official();
        assertOff(cal, range("2026-01-01", "2026-01-03"));
        assertOff(cal, range("2026-02-15", "2026-02-23"));
        assertOff(cal, range("2026-04-04", "2026-04-06"));
        assertOff(cal, range("2026-05-01", "2026-05-05"));
        assertOff(cal, range("2026-06-19", "2026-06-21"));
        assertOff(cal, range("2026-09-25", "2026-09-27"));
        assertOff(cal, range("2026-10-01", "2026-10-07"));
        assertOn(cal, "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        // 365 days - 104 weekend days - 19 holidays on weekdays + 6 make-up days
        assertEquals(248, countWorkingDays(cal, 2026));
    }

    static int countWorkingDays(OfficialCalendar cal, int year) {
        int n = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (cal.isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    @Test
    public void dueDatesStepOverHolidaysAndCountMakeUpDays_R13() throws IOException {
        OfficialCalendar cal = official();
        // Thursday before the 2026 Spring Festival: Fri 13, Sat 14 (make-up), then Tue 24 after the holiday.
        assertEquals(LocalDate.parse("2026-02-24"), cal.addWorkingDays(LocalDate.parse("2026-02-12"), 3));
        // National Day 2025: from Fri 26 Sep — Sun 28 (make-up), Mon 29, Tue 30, then Thu 9 and Fri 10 Oct
        // after the holiday, and Sat 11 Oct (make-up).
        assertEquals(LocalDate.parse("2025-09-30"), cal.addWorkingDays(LocalDate.parse("2025-09-26"), 3));
        assertEquals(LocalDate.parse("2025-10-10"), cal.addWorkingDays(LocalDate.parse("2025-09-26"), 5));
        assertEquals(LocalDate.parse("2025-10-11"), cal.addWorkingDays(LocalDate.parse("2025-09-26"), 6));
        assertEquals(3, cal.workingDaysBetween(LocalDate.parse("2026-02-12"), LocalDate.parse("2026-02-24")));
        assertFalse(cal.anyEstimated(LocalDate.parse("2026-02-12"), LocalDate.parse("2026-02-24")));
    }

    @Test
    public void aYearWithoutDataIsNeverSilentlyMondayToFriday() throws IOException {
        OfficialCalendar cal = official();
        LocalDate due = cal.addWorkingDays(LocalDate.parse("2026-12-30"), 3);
        assertEquals(LocalDate.parse("2027-01-04"), due);
        assertTrue("dates in 2027 are estimated", cal.anyEstimated(LocalDate.parse("2026-12-30"), due));
        assertEquals("2026:" + load(2026).version().substring(5) + "+2027:estimated",
                cal.version(LocalDate.parse("2026-12-30"), due));
    }

    @Test
    public void aCentersOwnDaysChangeItsCalendar_R25_R26() throws IOException {
        Map<Integer, CalendarYear> years = Map.of(2026, load(2026));
        CenterCalendar village = new CenterCalendar("T2V1", EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                Set.of(LocalDate.parse("2026-11-27")), Set.of(LocalDate.parse("2026-11-28")));
        OfficialCalendar cal = new OfficialCalendar(years, village);
        assertFalse("Tuesday is not a duty day", cal.isWorkingDay(LocalDate.parse("2026-11-24")));
        assertTrue(cal.isWorkingDay(LocalDate.parse("2026-11-25")));
        assertFalse("closed on the 27th", cal.isWorkingDay(LocalDate.parse("2026-11-27")));
        assertTrue("open on Saturday the 28th by appointment", cal.isWorkingDay(LocalDate.parse("2026-11-28")));
        assertFalse("official holidays stay holidays", cal.isWorkingDay(LocalDate.parse("2026-10-02")));
        assertTrue(cal.version(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-30")).contains("T2V1:"));
    }
}
