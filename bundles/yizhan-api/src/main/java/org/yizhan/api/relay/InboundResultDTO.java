package org.yizhan.api.relay;

/** What became of an inbound action: applied (the case's new status) or a duplicate of one applied before. */
public class InboundResultDTO {
    public String messageId;
    public String caseNumber;
    public boolean duplicate;
    public String status;
}
