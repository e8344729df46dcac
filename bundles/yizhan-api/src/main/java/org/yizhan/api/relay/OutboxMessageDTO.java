package org.yizhan.api.relay;

/** A message in the outbox with its delivery state. */
public class OutboxMessageDTO {
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String DEAD = "DEAD";

    public RelayMessageDTO message;
    public String state;
    public int attempts;
    /** Attempts the other side refused (as opposed to not being reached). */
    public int refusals;
    public long nextAttemptAtMillis;
    public Long sentAtMillis;
    public String lastError;
}
