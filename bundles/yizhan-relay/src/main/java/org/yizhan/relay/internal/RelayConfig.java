package org.yizhan.relay.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/org.yizhan.relay.cfg}. Besides these, one {@code center.<CODE> = <transport>} line
 * per center that lives in another container: {@code https://host:port/api/v1} (its REST API) or
 * {@code jms:<queue>} (a queue on the Artemis broker). Centers without a line are in this
 * container.
 */
@ObjectClassDefinition(name = "Yizhan relay 报送", description = "Outbox dispatch, village relay and integration routes")
public @interface RelayConfig {
    String PID = "org.yizhan.relay";

    @AttributeDefinition(description = "How often the outbox is polled, in milliseconds")
    long pollMillis() default 250;

    @AttributeDefinition(description = "Messages claimed per poll")
    int batchSize() default 200;

    @AttributeDefinition(description = "Threads delivering messages of different cases at once")
    int dispatchThreads() default 4;

    @AttributeDefinition(description = "Seconds a claimed message is reserved for this node")
    int leaseSeconds() default 60;

    @AttributeDefinition(description = "First retry after this many milliseconds; doubles each attempt")
    long retryBaseMillis() default 1000;

    @AttributeDefinition(description = "Retries are never further apart than this many milliseconds")
    long retryMaxMillis() default 30000;

    @AttributeDefinition(description = "A message the receiver refuses this many times becomes a dead letter")
    int maxAttempts() default 5;

    @AttributeDefinition(description = "A message whose destination stays unreachable this long becomes a dead letter")
    long unreachableDeadAfterMinutes() default 1440;

    @AttributeDefinition(description = "Delivered messages are kept this many days")
    int keepSentDays() default 7;

    @AttributeDefinition(description = "How often delivered messages past keepSentDays are removed, in seconds")
    int purgeIntervalSeconds() default 3600;

    @AttributeDefinition(description = "HTTP connect and read timeout in milliseconds")
    int httpTimeoutMillis() default 5000;

    @AttributeDefinition(description = "The certificates of the peers this container relays to over HTTPS (PKCS12), relative to the Karaf base")
    String truststore() default "etc/yizhan-truststore.p12";

    @AttributeDefinition(description = "The truststore's password (it holds public certificates only)")
    String truststorePassword() default "yizhan-peers";

    @AttributeDefinition(description = "Directory of integrators' route files (Camel XML), relative to the Karaf base")
    String routesDirectory() default "routes";
}
