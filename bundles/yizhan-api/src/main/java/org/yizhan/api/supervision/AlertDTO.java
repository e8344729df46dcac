package org.yizhan.api.supervision;

/** A case near (YELLOW) or past (RED) its promised date. */
public class AlertDTO {
    public String number;
    public String level;
    public String itemCode;
    public String itemName;
    public String windowType;
    public long centerId;
    public long decidingCenterId;
    public String status;
    public String promisedDate;
    public boolean urgent;
}
