package org.yizhan.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.yizhan.rest.cfg}. */
@ObjectClassDefinition(name = "Yizhan REST API 接口",
        description = "Where the v1 API is published 接口发布地址")
public @interface RestConfig {
    String PID = "org.yizhan.rest";

    @AttributeDefinition(name = "Address 地址",
            description = "Path of the v1 API under the CXF servlet context (org.apache.cxf.osgi.cfg, /api by default)")
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
}
