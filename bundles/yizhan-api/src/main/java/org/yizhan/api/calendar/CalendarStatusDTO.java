package org.yizhan.api.calendar;

import java.util.ArrayList;
import java.util.List;

/** Which official calendar years are loaded, and which are missing and needed (supervision warns). */
public class CalendarStatusDTO {
    public List<YearDTO> years = new ArrayList<>();
    /** This year if missing, and from December 1 next year if missing: dates on them are estimated. */
    public List<Integer> missingYears = new ArrayList<>();
    /** Centers with their own calendar files. */
    public List<String> centers = new ArrayList<>();

    public static class YearDTO {
        public int year;
        public String source;
        public String version;
    }
}
