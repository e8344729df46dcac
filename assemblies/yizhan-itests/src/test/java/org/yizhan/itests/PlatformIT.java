package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.yizhan.api.HealthDTO;
import org.yizhan.api.HealthService;

/**
 * Boots the real distribution (the tar.gz this build made) and checks the platform as a whole:
 * bundles, components, exports, persistence, the REST health endpoint over real HTTP, a calendar
 * year dropped into etc/, and the operators' metrics. (One container for all of them: each boot
 * costs the build half a minute.)
 */
public class PlatformIT extends ContainerTestSupport {

    private static final String HEALTH = "http://localhost:" + YizhanOptions.HTTP_PORT + "/api/v1/health";

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private HealthService healthService;

    private List<Bundle> yizhanBundles() {
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("yizhan-")) {
                bundles.add(b);
            }
        }
        return bundles;
    }

    @Test
    public void everyYizhanBundleIsActive() {
        List<Bundle> bundles = yizhanBundles();
        List<String> names = bundles.stream().map(Bundle::getSymbolicName).toList();
        assertTrue("platform bundles present: " + names,
                names.containsAll(List.of("yizhan-api", "yizhan-core", "yizhan-rest")));
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                // a fragment (yizhan-jetty) never starts: it is resolved, attached to its host
                assertEquals(b.getSymbolicName() + " state", Bundle.RESOLVED, b.getState());
                assertFalse(b.getSymbolicName() + " attached to its host",
                        b.adapt(org.osgi.framework.wiring.BundleWiring.class).getRequiredWires("osgi.wiring.host").isEmpty());
            } else {
                assertEquals(b.getSymbolicName() + " state", Bundle.ACTIVE, b.getState());
            }
        }
    }

    @Test
    public void noBundleIsLeftInstalledOrFailed() throws InterruptedException {
        // Right after boot Karaf restarts its features bundle once; a bundle passing through
        // RESOLVED then is not a failure, one still there after 30 s is.
        List<String> problems = new ArrayList<>();
        try {
            Api.until("every bundle started", java.time.Duration.ofSeconds(60), () -> {
                problems.clear();
                for (Bundle b : context.getBundles()) {
                    boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
                    if (b.getState() == Bundle.INSTALLED || (!fragment && b.getState() == Bundle.RESOLVED)) {
                        problems.add(b.getSymbolicName() + " in state " + b.getState());
                    }
                }
                return problems.isEmpty();
            });
        } catch (AssertionError notYet) {
            // reported below with the bundles still not started
        }
        assertTrue("bundles not started: " + problems, problems.isEmpty());
    }

    @Test
    public void everyYizhanComponentIsSatisfied() {
        Bundle[] bundles = yizhanBundles().toArray(new Bundle[0]);
        List<String> problems = new ArrayList<>();
        int components = 0;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundles)) {
            if (!scr.isComponentEnabled(description)) {
                problems.add(description.name + " disabled");
                continue;
            }
            for (ComponentConfigurationDTO config : scr.getComponentConfigurationDTOs(description)) {
                components++;
                if (config.state != ComponentConfigurationDTO.ACTIVE && config.state != ComponentConfigurationDTO.SATISFIED) {
                    problems.add(description.name + " state " + config.state
                            + (config.failure != null ? " " + config.failure : ""));
                }
            }
        }
        assertTrue("components with problems: " + problems, problems.isEmpty());
        assertTrue("some components found", components >= 3);
    }

    @Test
    public void onlyTheApiBundleExports_andEveryExportHasAVersion() {
        for (Bundle b : yizhanBundles()) {
            String exports = b.getHeaders().get(Constants.EXPORT_PACKAGE);
            if ("yizhan-api".equals(b.getSymbolicName())) {
                assertNotNull("yizhan-api exports its packages", exports);
                List<String> clauses = clauses(exports);
                assertTrue(clauses.toString(), clauses.size() >= 5);
                for (String clause : clauses) {
                    assertTrue("versioned export: " + clause, clause.contains(";version="));
                }
            } else {
                assertEquals(b.getSymbolicName() + " exports nothing", null, exports);
            }
        }
    }

    /** The clauses of a manifest header: split at commas outside quoted values (uses:="a,b"). */
    static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        clauses.add(current.toString().trim());
        return clauses;
    }

    @Test
    public void entitiesAreEnhancedAtBuildTime() throws Exception {
        Bundle core = yizhanBundles().stream().filter(b -> "yizhan-core".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        Class<?> entity = core.loadClass("org.yizhan.core.internal.entity.PlatformStart");
        List<String> interfaces = Arrays.stream(entity.getInterfaces()).map(Class::getName).toList();
        assertTrue("PlatformStart implements PersistenceCapable: " + interfaces,
                interfaces.contains("org.apache.openjpa.enhance.PersistenceCapable"));
    }

    @Test
    public void healthServiceQueriesTheDatabase() {
        HealthDTO health = healthService.check();
        assertEquals(HealthDTO.UP, health.database);
        assertTrue("the start of this container is recorded", health.starts >= 1);
    }

    @Test
    public void restHealthIsUpWithTheDatabase() throws Exception {
        HttpResponse<String> response = Http.awaitGet(HEALTH, Duration.ofSeconds(60),
                r -> r.statusCode() == 200);
        assertNotNull("health answered", response);
        assertEquals(response.body(), 200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(response.body(), response.body().contains("\"status\":\"UP\""));
        assertTrue(response.body(), response.body().contains("\"database\":\"UP\""));
        assertTrue(response.body(), response.body().contains("\"version\":\"0.1.0"));
    }

    @Test
    public void browserHardening_thePageAllowsOnlyItsOwnFilesAndNoFraming_apiAnswersAreNotStored() throws Exception {
        HttpResponse<String> page = Http.get("http://localhost:" + YizhanOptions.HTTP_PORT + "/");
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp, csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        HttpResponse<String> me = Http.get("http://localhost:" + YizhanOptions.HTTP_PORT + "/api/v1/me", "clerk-T1", "demo");
        assertEquals(me.body(), 200, me.statusCode());
        assertEquals("personal data is not kept by browsers or proxies", "no-store", me.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("nosniff", me.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    public void unknownPathAnswersProblemJson() throws Exception {
        Http.awaitGet(HEALTH, Duration.ofSeconds(60), r -> r.statusCode() == 200);
        HttpResponse<String> response = Http.get("http://localhost:" + YizhanOptions.HTTP_PORT + "/api/v1/no-such-thing");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body(), response.body().contains("\"detailZh\""));
        assertFalse(response.body(), response.body().contains("Exception"));
    }

    /** A new calendar year arrives as a file dropped into etc/ of the running container (R13). */
    @Test
    public void aYearDroppedIntoEtcAppliesAtOnce_withoutARestart_R13() throws Exception {
        Http.awaitGet("http://localhost:" + YizhanOptions.HTTP_PORT + "/api/v1/health", Duration.ofSeconds(60),
                r -> r.statusCode() == 200);
        String query = "/calendar/due?center=11&from=2027-02-04&workingDays=3";
        Api.Answer before = api.get(query, null);
        assertTrue("2027 has no data yet: " + before, before.body().get("estimated").asBoolean());
        assertEquals("Monday to Friday, marked estimated", "2027-02-09", before.text("due"));

        // A 2027 file as county IT would write it (this test's data, not the State Council's).
        Path file = Path.of(System.getProperty("karaf.etc"), "org.yizhan.calendar-2027.cfg");
        Files.writeString(file, "year = 2027\nholidays = 2027-02-05..2027-02-11\nworkdays = 2027-02-13\n"
                + "source = test data for PlatformIT\n");
        long t0 = System.nanoTime();
        Api.Answer after = Http.awaitGet("http://localhost:" + YizhanOptions.HTTP_PORT + "/api/v1" + query, Duration.ofSeconds(20),
                r -> r.body().contains("\"estimated\":false")) == null ? null : api.get(query, null);
        System.out.printf("calendar year from etc/ applied after %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        assertFalse(after.toString(), after.body().get("estimated").asBoolean());
        assertEquals("the holiday week is skipped, the make-up Saturday counted", "2027-02-15", after.text("due"));
        assertTrue(api.get("/calendar/years", null).raw().body().contains("\"year\":2027"));

        Files.delete(file);
        Http.awaitGet("http://localhost:" + YizhanOptions.HTTP_PORT + "/api/v1" + query, Duration.ofSeconds(20),
                r -> r.body().contains("\"estimated\":true"));
        assertTrue("removing the file removes the year", api.get(query, null).body().get("estimated").asBoolean());
    }

    // operator metrics: GET /metrics in Prometheus's text format, API requests by endpoint template,
    // open cases, alerts, the outbox, the JVM; nothing personal; only for the addresses etc/org.yizhan.rest.cfg allows

    @Inject
    private ConfigurationAdmin config;

    private static String metrics() throws Exception {
        HttpResponse<String> r = Http.get(BASE + "/metrics");
        assertEquals(r.body(), 200, r.statusCode());
        return r.body();
    }

    @Test
    public void metrics_countRequestsByTemplate_openCasesByStatusAndCenter_theOutbox_andTheJvm() throws Exception {
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
    public void metrics_anAddressNotAllowedGets403() throws Exception {
        Configuration rest = config.getConfiguration("org.yizhan.rest", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        if (rest.getProperties() != null) {
            java.util.Collections.list(rest.getProperties().keys()).forEach(k -> props.put(k, rest.getProperties().get(k)));
        }
        Object before = props.get("metricsAllowFrom");
        props.put("metricsAllowFrom", "192.0.2.10");
        rest.update(props);
        try {
            Api.until("the scrapers' list is taken", Duration.ofSeconds(60), () -> Http.get(BASE + "/metrics").statusCode() == 403);
            assertTrue(Http.get(BASE + "/metrics").body().contains("metricsAllowFrom"));
        } finally {
            // this class's other tests read /metrics and the API: as it was, before the next one
            if (before == null) {
                props.remove("metricsAllowFrom");
            } else {
                props.put("metricsAllowFrom", before);
            }
            rest.update(props);
            Api.until("this host may read the metrics again", Duration.ofSeconds(60), () -> Http.get(BASE + "/metrics").statusCode() == 200);
            Http.awaitGet(HEALTH, Duration.ofSeconds(60), r -> r.statusCode() == 200);
        }
    }
}
