package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Hashtable;

import javax.inject.Inject;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Operator metrics: {@code GET /metrics} on the HTTP port in Prometheus's text format — API
 * requests by endpoint template, method and status as histograms, open cases by status and
 * center, alerts, the outbox, JVM memory — with nothing personal in it, and only for the
 * addresses etc/org.yizhan.rest.cfg allows.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MetricsIT extends ContainerTestSupport {

    @Inject
    private ConfigurationAdmin config;

    private static String metrics() throws Exception {
        HttpResponse<String> r = Http.get(BASE + "/metrics");
        assertEquals(r.body(), 200, r.statusCode());
        return r.body();
    }

    @Test
    public void a_theMetricsCountRequestsByTemplate_openCasesByStatusAndCenter_theOutbox_andTheJvm() throws Exception {
        Api.Answer c = api.post("/cases", "clerk-T1", Api.newCase("MZ-001", 11, Api.residentId(771), "id-card", "household-register",
                "income-proof", "property-statement"));
        String n = c.text("number");
        assertEquals("IN_REVIEW", api.act("clerk-T1", n, "start-review", "{}").text("status"));
        assertEquals(200, api.get("/cases/" + n, "clerk-T1").status());
        HttpResponse<String> first = Http.get(BASE + "/metrics");
        assertTrue(first.headers().firstValue("Content-Type").orElse(""), first.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));

        // the database counts are taken every 15 s, all of them before any is set (the outbox's last)
        Api.until("the open case is counted (every 15 s)", Duration.ofSeconds(60), () -> {
            String now = metrics();
            return now.contains("yizhan_cases_open{center=\"T1\",status=\"IN_REVIEW\",}") && now.contains("yizhan_outbox_messages{");
        });
        String m = metrics();
        assertTrue(m, m.contains("yizhan_http_requests_seconds_count{method=\"POST\",status=\"201\",uri=\"/cases\",}"));
        assertTrue(m, m.contains("uri=\"/cases/{number}/actions/{action}\""));
        assertTrue(m, m.contains("yizhan_http_requests_seconds_bucket{method=\"GET\",status=\"200\",uri=\"/cases/{number}\",le=\"0.1\",}"));
        assertTrue(m, m.contains("yizhan_outbox_messages{state=\"dead\",}"));
        assertTrue(m, m.contains("yizhan_alerts{kind=\"case\",level=\"red\",}"));
        assertTrue(m, m.contains("jvm_memory_used_bytes{area=\"heap\""));
        assertFalse("no case number in a label", m.contains(n));
        assertFalse("nothing personal", m.contains(Api.residentId(771)) || m.contains("王小明"));
    }

    @Test
    public void b_anAddressNotAllowedGets403() throws Exception {
        Configuration rest = config.getConfiguration("org.yizhan.rest", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        if (rest.getProperties() != null) {
            java.util.Collections.list(rest.getProperties().keys()).forEach(k -> props.put(k, rest.getProperties().get(k)));
        }
        props.put("metricsAllowFrom", "192.0.2.10");
        rest.update(props);
        Api.until("the scrapers' list is taken", Duration.ofSeconds(60), () -> Http.get(BASE + "/metrics").statusCode() == 403);
        assertTrue(Http.get(BASE + "/metrics").body().contains("metricsAllowFrom"));
    }
}
