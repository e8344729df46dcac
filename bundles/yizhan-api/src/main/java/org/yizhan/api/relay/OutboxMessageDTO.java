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
    /** The integrator's route this message is for alone (a backfill, an event that route failed, an action it handed in and was refused); null otherwise. */
    public String route;
}
