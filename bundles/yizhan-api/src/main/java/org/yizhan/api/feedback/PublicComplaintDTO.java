package org.yizhan.api.feedback;

/** What the complainant sees with the lookup code: the progress, no personal data. */
public class PublicComplaintDTO {
    public String number;
    public ComplaintCategory category;
    public String categoryZh;
    public String status;
    public String receivedOn;
    public DueDateDTO dueDate;
    public boolean referred;
    public String answer;
    public String answeredOn;
    /** Given only when the complaint is filed. */
    public String lookupCode;
}
