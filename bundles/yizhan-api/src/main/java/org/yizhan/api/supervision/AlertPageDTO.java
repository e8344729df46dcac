package org.yizhan.api.supervision;

import java.util.ArrayList;
import java.util.List;

public class AlertPageDTO {
    public List<AlertDTO> items = new ArrayList<>();
    public long total;
    public long red;
    public long yellow;
    public int page;
    public int size;
    /** Relay messages that keep failing (R23): an operator must look (GET /relay/dead-letters). */
    public long relayDeadLetters;
    /** Rectifications of bad ratings near (yellow) or past (red) their due date (R21): GET /rectifications. */
    public long rectificationsRed;
    public long rectificationsYellow;
    /** Complaints near or past their answer's due date (R22): GET /complaints. */
    public long complaintsRed;
    public long complaintsYellow;
    /** Windows nobody of whose post (A or a B) is present while the center is open (R17). */
    public List<UnstaffedWindow> unstaffedWindows = new ArrayList<>();

    /** A window without anyone of its post. */
    public static class UnstaffedWindow {
        public long centerId;
        public String windowType;
    }
}
