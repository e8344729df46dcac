package org.yizhan.api.relay;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to reach centers in another container, registered as a service with the property
 * {@value #SCHEME} (for example {@code jms}). The dispatcher hands it the messages for centers
 * whose transport in {@code etc/org.yizhan.relay.cfg} starts with that scheme.
 */
@ConsumerType
public interface RelayTransport {
    String SCHEME = "yizhan.relay.scheme";

    /**
     * Delivers one message to the address (the part of the transport after the scheme) and returns
     * once the other side has it. Throws {@link RelayRejectedException} when the other side
     * refuses the message (retrying will not help), anything else when it could not be reached.
     */
    void send(String address, RelayMessageDTO message) throws Exception;
}
