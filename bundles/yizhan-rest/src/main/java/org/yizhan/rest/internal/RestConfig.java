package org.yizhan.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.yizhan.rest.cfg}. */
@ObjectClassDefinition(name = "Yizhan REST API 接口",
        description = "Where the v1 API is published 接口发布地址")
public @interface RestConfig {
    String PID = "org.yizhan.rest";

    @AttributeDefinition(name = "Web context 上下文路径",
            description = "The web context the API's servlet is served in (the HTTP port is etc/org.ops4j.pax.web.cfg)")
    String contextPath() default "/api";

    @AttributeDefinition(name = "Address 地址", description = "Path of the v1 API inside the web context")
    String address() default "/v1";

    @AttributeDefinition(name = "JAAS realm 认证域", description = "The realm HTTP Basic logins are checked against")
    String realm() default "karaf";

    @AttributeDefinition(name = "Login cache (s) 登录缓存秒数",
            description = "How long a successful sign-in is remembered (the password hash is slow on purpose). A changed or "
                    + "reset password, a lock or a deactivation drops it at once on this node, within seconds on others")
    int loginCacheSeconds() default 900;

    @AttributeDefinition(name = "Largest request body (bytes) 请求体上限（字节）",
            description = "A larger body is refused with 413 before sign-in or parsing")
    long maxBodyBytes() default 1_048_576;

    @AttributeDefinition(name = "Failed sign-ins per address 每个地址登录失败次数",
            description = "Failed sign-ins one source address may make per window; then sign-ins from it wait (429 with Retry-After)")
    int signInFailuresPerAddress() default 20;

    @AttributeDefinition(name = "Sign-in window (s) 登录限制时间窗（秒）", description = "The window over which the failures refill")
    int signInFailureWindowSeconds() default 300;

    @AttributeDefinition(name = "Public lookups per address 每个地址查询次数",
            description = "Public case lookups one source address may make per window (429 with Retry-After beyond)")
    int lookupsPerAddress() default 60;

    @AttributeDefinition(name = "Lookup window (s) 查询限制时间窗（秒）", description = "The window over which the lookups refill")
    int lookupWindowSeconds() default 60;

    @AttributeDefinition(name = "Refused relay messages per address 每个地址被拒报送消息数",
            description = "Relay messages from one address that may be refused (each is audited) per window; then 429 with Retry-After")
    int relayRefusalsPerAddress() default 20;

    @AttributeDefinition(name = "Relay refusal window (s) 报送拒收限制时间窗（秒）", description = "The window over which the refusals refill")
    int relayRefusalWindowSeconds() default 300;

    @AttributeDefinition(name = "Metrics scrapers 指标采集地址",
            description = "Addresses that may read GET /metrics (comma-separated, e.g. the Prometheus server's); others get 403")
    String metricsAllowFrom() default "127.0.0.1, ::1";
}
