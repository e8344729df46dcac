package org.yizhan.rest.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.prometheus.PrometheusMeterRegistry;

/**
 * {@code GET /metrics} on the HTTP port: the platform's metrics in Prometheus's text format, for
 * the scrapers at the addresses {@code metricsAllowFrom} in etc/org.yizhan.rest.cfg names (this
 * host by default); anyone else gets 403. Nothing personal is in them: counts per status, center,
 * endpoint and state.
 */
@Component(service = Servlet.class, configurationPid = RestConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"osgi.http.whiteboard.servlet.pattern=/metrics", "osgi.http.whiteboard.servlet.name=yizhan-metrics"})
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServlet.class);

    /** The core's registry; absent while the core is not running (then 503). */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private transient volatile PrometheusMeterRegistry registry;
    private final transient List<InetAddress> allowed = new ArrayList<>();

    @Activate
    public MetricsServlet(RestConfig config) {
        for (String a : config.metricsAllowFrom().split(",")) {
            if (!a.isBlank()) {
                try {
                    allowed.add(InetAddress.getByName(a.trim()));
                } catch (IOException e) {
                    LOG.warn("metricsAllowFrom: {} is not an address, left out / 指标访问地址无效", a.trim());
                }
            }
        }
        LOG.info("Metrics at /metrics for {} / 运行指标已发布", allowed);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!allowedFrom(request.getRemoteAddr())) {
            response.setStatus(403);
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"Metrics are served to the addresses in metricsAllowFrom (etc/org.yizhan.rest.cfg) / 该地址无权读取运行指标\"}");
            return;
        }
        PrometheusMeterRegistry r = registry;
        if (r == null) {
            response.sendError(503, "The platform's core is not running");
            return;
        }
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.getWriter().write(r.scrape());
    }

    private boolean allowedFrom(String remote) {
        try {
            InetAddress a = InetAddress.getByName(remote);
            return allowed.contains(a);
        } catch (IOException e) {
            return false;
        }
    }
}
