package org.yizhan.api.relay;

/** What a receiver answers: its receipt, and whether it had already taken the message. */
public class ReceiptDTO {
    public String messageId;
    public boolean duplicate;
    public String receipt;
    public String centerCode;
}
