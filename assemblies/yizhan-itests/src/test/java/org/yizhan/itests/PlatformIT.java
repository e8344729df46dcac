package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.yizhan.api.HealthDTO;
import org.yizhan.api.HealthService;

/**
 * Boots the real distribution (the tar.gz this build made) and checks the platform as a whole:
 * bundles, components, exports, persistence and the REST health endpoint over real HTTP.
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
}
