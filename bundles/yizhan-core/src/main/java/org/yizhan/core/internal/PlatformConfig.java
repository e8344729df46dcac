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

    @AttributeDefinition(name = "Demo history days 演示历史天数",
            description = "Demo mode only: the working days of the last N days, made on the first start through the platform's own services"
                    + " (a few hundred cases in every status, ratings, complaints, ledger entries); 0 starts the demo county empty")
    int demoHistoryDays() default 28;

    @AttributeDefinition(name = "Integration events 集成事件",
            description = "Write case events (created, accepted, approved, denied, delivered, relayed) to the outbox for integrators' routes")
    boolean integrationEvents() default true;

    @AttributeDefinition(name = "Lockout attempts 锁定次数",
            description = "Failed sign-ins in a row that lock an account")
    int accounts_lockout_attempts() default 5;

    @AttributeDefinition(name = "Lockout minutes 锁定时长",
            description = "How long a locked account is refused, even with the right password")
    int accounts_lockout_minutes() default 15;

    @AttributeDefinition(name = "County code 县级中心代码",
            description = "First start of a production install: the code of the county center to create")
    String bootstrap_county_code() default "";

    @AttributeDefinition(name = "County name 县级中心名称",
            description = "First start of a production install: the name of the county center")
    String bootstrap_county_name() default "";

    @AttributeDefinition(name = "First admin 首个管理员",
            description = "First start of a production install: the user name of the first county admin; "
                    + "its one-time password comes from the environment variable YIZHAN_BOOTSTRAP_PASSWORD")
    String bootstrap_admin() default "";

    @AttributeDefinition(name = "Personal data retention 个人信息保留天数",
            description = "Days after a case closes (delivered, not accepted, withdrawn) that its applicant's name, identity number and phone are kept in full; then they are masked for good, as are ledger visitors' names as old. 0 keeps them (the county's archive rules decide)")
    int retention_personalDataDays() default 0;

    @AttributeDefinition(name = "Retention check 保留检查间隔",
            description = "How often, in seconds, closed cases past the retention are looked for")
    int retention_intervalSeconds() default 3600;
}
