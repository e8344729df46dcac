package org.yizhan.rest.internal;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Every API request timed into {@code yizhan_http_requests_seconds} (a histogram with fixed
 * buckets) by method, endpoint and status. The endpoint is the resource's path template
 * ({@code /cases/{number}/actions/{action}}), never the request's own path, so case numbers and
 * other values never become labels; a request no resource matched is {@code unmatched}.
 */
@PreMatching
final class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String START = "yizhan.metrics.start";
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final Supplier<MeterRegistry> registry;

    @Context
    private ResourceInfo resource;

    RequestMetrics(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MeterRegistry r = registry.get();
        Object start = request.getProperty(START);
        if (r == null || !(start instanceof Long begun)) {
            return;
        }
        Timer.builder("yizhan.http.requests").description("API requests by method, endpoint (path template) and status")
                .tags("method", request.getMethod(), "uri", template(), "status", Integer.toString(response.getStatus()))
                .serviceLevelObjectives(BUCKETS)
                .register(r).record(System.nanoTime() - begun, TimeUnit.NANOSECONDS);
    }

    /** The matched resource's path template, from its class's and method's {@code @Path}. */
    private String template() {
        Method m = resource == null ? null : resource.getResourceMethod();
        if (m == null) {
            return "unmatched";
        }
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path method = m.getAnnotation(Path.class);
        String t = (type == null ? "" : type.value()) + (method == null ? "" : (method.value().startsWith("/") ? "" : "/") + method.value());
        return t.isEmpty() ? "/" : t.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
    }
}
