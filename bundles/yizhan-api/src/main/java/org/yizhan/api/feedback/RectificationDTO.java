package org.yizhan.api.feedback;

import java.util.ArrayList;
import java.util.List;

/**
 * The rectification a bad rating opens (R21): verify, rectify, return visit, close; or the
 * window's appeal, upheld or rejected by a supervisor. Due 15 working days after the rating on
 * the deciding center's calendar; watched by e-supervision (yellow, red).
 */
public class RectificationDTO {
    public long id;
    public String caseNumber;
    public long decidingCenterId;
    public String windowType;
    public RatingLevel level;
    public String status;
    public String openedOn;
    public DueDateDTO due;
    /** YELLOW near the due date, RED past it; absent when fine or finished. */
    public String alertLevel;
    public String closedOn;
    /** The actions the status allows next. */
    public List<String> actions = new ArrayList<>();
    public List<StepDTO> history = new ArrayList<>();
}
