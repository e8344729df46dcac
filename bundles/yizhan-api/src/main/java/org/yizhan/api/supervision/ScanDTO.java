package org.yizhan.api.supervision;

import java.util.ArrayList;
import java.util.List;

/** What one supervision scan did. */
public class ScanDTO {
    public String day;
    /** A full pass over every case (after a start, daily), or the incremental one. */
    public boolean full;
    /** Cases red and yellow after a full pass (the incremental scan does not count them: 0). */
    public long red;
    public long yellow;
    public long changed;
    public int jointDefaults;
    public long millis;
    public List<Integer> missingCalendarYears = new ArrayList<>();
}
