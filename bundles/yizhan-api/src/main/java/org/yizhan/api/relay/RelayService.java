package org.yizhan.api.relay;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.yizhan.api.Caller;

/**
 * The platform's side of relay and integration. Messages are written to the outbox in the
 * transaction of the case change that causes them; a dispatcher claims them, delivers them and
 * reports back. {@link #receive} takes a message exactly once, whatever transport brought it.
 */
@ProviderType
public interface RelayService {

    /** Takes a message for a center of this container; a message seen before changes nothing. */
    ReceiptDTO receive(Caller caller, RelayMessageDTO message);

    /** Claims up to {@code max} due messages for {@code leaseMillis}; no other claimant gets them meanwhile. */
    List<OutboxMessageDTO> claim(String claimant, int max, long leaseMillis);

    /** Marks messages delivered. */
    void delivered(java.util.Collection<String> ids);

    /**
     * Delivers an outbox message to a center of this same container: takes it (as
     * {@link #receive}) and marks it delivered in one transaction.
     */
    ReceiptDTO deliverLocally(String outboxId, RelayMessageDTO message);

    /**
     * A failed attempt: the next one is due after {@code retryAfterMillis}; {@code refused} when
     * the other side answered no (counted apart from not reaching it); with {@code dead} the
     * message goes to the dead letters instead.
     */
    void failed(String id, String error, long retryAfterMillis, boolean refused, boolean dead);

    /** Deletes delivered messages older than this; returns how many. */
    int purgeDelivered(long olderThanMillis);

    List<OutboxMessageDTO> deadLetters(Caller caller, int max);

    /** Puts a dead letter back in the queue, due now; false when there is no such dead letter. */
    boolean replay(Caller caller, String id);

    /** Replays every dead letter; returns how many. */
    int replayAll(Caller caller);

    RelayStatusDTO status(Caller caller);

    /** Messages not yet delivered, by destination and state: {@code "T1/PENDING" -> 3}. */
    java.util.Map<String, Long> countsByDestination();

    List<LedgerEntryDTO> ledger(Caller caller, long centerId, int max);

    LedgerEntryDTO consultation(Caller caller, NewLedgerEntryDTO entry);
}
