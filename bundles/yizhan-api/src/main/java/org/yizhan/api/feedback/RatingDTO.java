package org.yizhan.api.feedback;

import java.util.LinkedHashMap;
import java.util.Map;

/** A case's one rating (一事一评, R21). */
public class RatingDTO {
    public String caseNumber;
    public RatingLevel level;
    public String levelZh;
    public Map<String, RatingLevel> indicators = new LinkedHashMap<>();
    public String comment;
    /** PUBLIC: by the applicant with the lookup code; WINDOW: recorded by a clerk on the applicant's behalf. */
    public String channel;
    /** The clerk who recorded it (WINDOW only). */
    public String recordedBy;
    public String ratedAt;
    public long decidingCenterId;
    public String windowType;
    /** The rectification a bad rating opened. */
    public Long rectificationId;
    /** True when a supervisor upheld the window's appeal: the rating no longer counts. */
    public boolean annulled;
}
