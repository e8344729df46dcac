package org.yizhan.core.internal.cases;

import javax.persistence.EntityManager;

import org.yizhan.api.relay.RelayMessageDTO;

/** Where relay messages for the centers of this container enter their cases. */
public interface RelayInbox {

    /**
     * Applies a message (a case from below, a receipt from above, a decision coming back) in the
     * caller's transaction, which also records the message as taken; returns the receipt number
     * this center gives, or null. {@code via} names the link it came over (the history's actor).
     */
    String receive(EntityManager em, RelayMessageDTO message, long nowMillis, String via);
}
