package org.yizhan.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.yizhan.platform.cfg}: switches that apply to the whole platform. */
@ObjectClassDefinition(name = "Yizhan platform 平台",
        description = "Platform-wide switches 平台级开关")
public @interface PlatformConfig {
    String PID = "org.yizhan.platform";

    @AttributeDefinition(name = "Demo mode 演示模式",
            description = "Load the demo county network and demo users (password 'demo'). Never in production.")
    boolean demo() default false;

    @AttributeDefinition(name = "Time zone 时区",
            description = "The zone in which days are counted (acceptance day, promised dates)")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Joint review days 联办期限",
            description = "Working days joint windows have for their opinion; after that they are deemed to consent (R14)")
    int jointReviewDays() default 5;

    @AttributeDefinition(name = "Node name 节点名",
            description = "This container's name in logs and start records; defaults to the host name.")
    String node() default "";

    @AttributeDefinition(name = "Extra demo villages 额外演示村",
            description = "Demo mode only: villages TnV3, TnV4, ... added to each town, each with its agent (for load tests)")
    int demoExtraVillagesPerTown() default 0;

    @AttributeDefinition(name = "Integration events 集成事件",
            description = "Write case events (created, accepted, approved, denied, delivered, relayed) to the outbox for integrators' routes")
    boolean integrationEvents() default true;
}
