package org.yizhan.api.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A period's assessment of windows and centers (R28), ranked, each component shown. */
public class AssessmentDTO {
    /** 2026-Q4 or 2026. */
    public String period;
    public String from;
    public String to;
    /** True once the period has ended: the numbers are stored and never recomputed. */
    public boolean frozen;
    public String computedAt;
    /** The weights the scores were computed with (etc/org.yizhan.feedback.cfg). */
    public Map<String, Double> weights;
    public List<Row> windows = new ArrayList<>();
    public List<Row> centers = new ArrayList<>();

    /** One window at one center, or one center. */
    public static class Row {
        public int rank;
        public long centerId;
        public String centerName;
        public String windowType;
        public String windowName;
        public long accepted;
        public long completed;
        public long onTime;
        public long ratings;
        public long satisfied;
        public long upheldComplaints;
        public long badRatings;
        public long rectifiedInTime;
        public double completionRate;
        public double onTimeRate;
        public double satisfactionRate;
        public double rectificationRate;
        public double score;
    }
}
