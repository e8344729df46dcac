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

    /** The dead letters, oldest first; with a {@code route}, only that integrator's route's. */
    List<OutboxMessageDTO> deadLetters(Caller caller, int max, String route);

    /** Puts a dead letter back in the queue, due now; false when there is no such dead letter. */
    boolean replay(Caller caller, String id);

    /** Replays every dead letter, or with a {@code route} that route's only; returns how many. */
    int replayAll(Caller caller, String route);

    /**
     * An event that one integrator's route failed while the others took it: from now on a message
     * of that route alone (same event id), retried on its own and, when it gives up, a dead letter
     * of that route. Written once however often this is called for the same event and route.
     */
    void failedForRoute(OutboxMessageDTO event, String routeId, String error, long retryAfterMillis, boolean dead);

    /**
     * An action a route handed in ({@link IntegrationInbound}) and the platform refused: kept as
     * a dead letter of that route with the rule that refused it, replayable once the cause is
     * mended (the case moved on, the route allowed). One per route and message id.
     */
    void refusedAction(String routeId, String messageId, String body, String error);

    /** A route's waiting messages due now (it was resumed); returns how many. */
    int wake(String routeId);

    RelayStatusDTO status(Caller caller);

    /** Messages not yet delivered, by destination and state: {@code "T1/PENDING" -> 3}. */
    java.util.Map<String, Long> countsByDestination();

    List<LedgerEntryDTO> ledger(Caller caller, long centerId, int max);

    LedgerEntryDTO consultation(Caller caller, NewLedgerEntryDTO entry);
}
