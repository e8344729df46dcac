package org.yizhan.api.feedback;

import java.util.ArrayList;
import java.util.List;

/** A complaint as the complaint office sees it (R22). */
public class ComplaintDTO {
    public String number;
    /** Given once, to whoever filed it: the complainant follows the complaint with it. */
    public String lookupCode;
    public ComplaintCategory category;
    public String categoryZh;
    public String form;
    public boolean serious;
    /** RECEIVED, REFERRED, ANSWERED, CLOSED. */
    public String status;
    public String text;
    public long centerId;
    public String windowType;
    public String caseNumber;
    public String staff;
    public String complainantName;
    public String complainantPhone;
    /** WEB (filed by the public) or OFFICE (recorded by the complaint office). */
    public String channel;
    public String recordedBy;
    public String receivedOn;
    /** The answer's due date: 5 working days after it was received. */
    public DueDateDTO dueDate;
    /** Where another agency must act: the proposal's due date, 2 working days after it was received. */
    public DueDateDTO proposalDue;
    public String alertLevel;
    public String referredTo;
    public String proposal;
    public String answer;
    public String answeredOn;
    public Boolean onTheSpot;
    /** Whether the complaint was found justified (counts against the window's assessment). */
    public Boolean upheld;
    public String followUp;
    public List<String> actions = new ArrayList<>();
    public List<StepDTO> history = new ArrayList<>();
}
