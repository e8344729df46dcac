package org.yizhan.api.relay;

import java.util.function.BiPredicate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Departmental systems answer back (R13, R15): an action an integrator's route hands in is applied
 * through the same case engine and rules as the REST API, once per message id, as that route on
 * behalf of the department, and only where the route is allowed to act.
 */
@ProviderType
public interface IntegrationInbound {

    /**
     * Applies the action, or answers it as a duplicate when this route's message id was applied
     * before; {@code allowed} says whether the route may take the action on the case's window type.
     * Throws a {@link org.yizhan.api.YizhanException} naming the rule or field when refused, having changed nothing.
     */
    InboundResultDTO apply(String routeId, String messageId, InboundActionDTO action, BiPredicate<String, String> allowed);

    /**
     * Backfill: the case events since the start of {@code since} in the platform's zone (created, accepted, approved, ...) written
     * to the outbox for one route only, each once however often this is asked; answers how many
     * were written now.
     */
    int backfill(String routeId, java.time.LocalDate since);

    /** The payload key that addresses an event to one route (a backfill) rather than to all. */
    String ROUTE_KEY = "_route";

    /** The payload key of a route's own copy of an event (one route failed it): the event's id, which the route sees. */
    String EVENT_ID_KEY = "_id";
}
