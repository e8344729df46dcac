package org.yizhan.api.relay;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as a service while at least one integrator's route takes case events
 * ({@code direct:integration-*}). The platform writes case events to the outbox only then, so
 * an installation without integration routes pays nothing for them.
 */
@ConsumerType
public interface IntegrationDemand {
}
