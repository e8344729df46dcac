package org.yizhan.api.supervision;

import java.util.ArrayList;
import java.util.List;

/** What one supervision scan did. */
public class ScanDTO {
    public String day;
    public long red;
    public long yellow;
    public long changed;
    public int jointDefaults;
    public long millis;
    public List<Integer> missingCalendarYears = new ArrayList<>();
}
