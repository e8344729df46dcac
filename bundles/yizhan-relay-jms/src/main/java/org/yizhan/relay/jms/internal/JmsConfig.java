package org.yizhan.relay.jms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.yizhan.relay.jms.cfg}: the Artemis broker and the queue this container takes messages from. */
@ObjectClassDefinition(name = "Yizhan relay over JMS 报送（JMS）")
public @interface JmsConfig {
    String PID = "org.yizhan.relay.jms";

    @AttributeDefinition(description = "Broker URL, e.g. tcp://broker:61616")
    String brokerUrl() default "tcp://localhost:61616";

    String user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "The queue other containers send this container's messages to (their center.<CODE> = jms:<queue>); empty: take none")
    String consumeQueue() default "";

    @AttributeDefinition(description = "How long a sender waits for the receiver's receipt before it retries")
    long replyTimeoutMillis() default 5000;
}
