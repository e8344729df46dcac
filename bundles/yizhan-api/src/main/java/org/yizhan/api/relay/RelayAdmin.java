package org.yizhan.api.relay;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.yizhan.api.Caller;

/** The relay's routing, for operators: which transport reaches which center, and the integrators' route files. */
@ProviderType
public interface RelayAdmin {

    /** Centers with a transport other than {@code local}, with their pending and dead messages. */
    List<TransportDTO> transports(Caller caller);

    /** Sets (or, with {@code local}, clears) the transport of a center; stored in etc/org.yizhan.relay.cfg. County admins only. */
    TransportDTO setTransport(Caller caller, String centerCode, String transport);

    List<IntegrationRouteDTO> integrationRoutes(Caller caller);

    /** Suspends ({@code running} false) or resumes an integrator's route without deleting its file; county admin. */
    IntegrationRouteDTO.RouteState setRouteRunning(Caller caller, String routeId, boolean running);

    /** Backfill: gives a route (taking case events) the events since a day, each once; county admin. Answers how many were written. */
    int backfill(Caller caller, String routeId, java.time.LocalDate since);
}
