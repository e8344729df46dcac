package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.yizhan.api.window.ModuleDTO;
import org.yizhan.api.window.WindowService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Window modules while the platform serves: the modules of the distribution, special windows,
 * module validators, and uninstall/reinstall with no other bundle touched and no failed request.
 */
public class WindowModulesIT extends ContainerTestSupport {

    private static final long T1 = 11;
    private static final long T2 = 12;
    private static final long T3 = 13;
    private static final AtomicInteger IDS = new AtomicInteger(500);

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private WindowService windows;

    private Api.Answer create(String user, String item, long center, String idNumber, Map<String, String> attributes,
                              String... materials) throws Exception {
        var body = Api.newCase(item, center, idNumber, materials);
        var attrs = body.putObject("attributes");
        attributes.forEach(attrs::put);
        return api.post("/cases", user, body);
    }

    private static String id() {
        return Api.residentId(IDS.incrementAndGet());
    }

    private boolean itemOffered(long center, String code) throws Exception {
        for (JsonNode i : api.get("/items?center=" + center, null).body()) {
            if (code.equals(i.get("code").asText())) {
                return true;
            }
        }
        return false;
    }

    private JsonNode window(long center, String type) throws Exception {
        for (JsonNode w : api.get("/centers/" + center + "/windows", null).body()) {
            if (type.equals(w.get("type").asText())) {
                return w;
            }
        }
        return null;
    }

    @Test
    public void theDistributionsWindowModulesAreInstalled_R2() throws Exception {
        List<String> ids = windows.modules().stream().map(m -> m.id).toList();
        assertTrue(ids.toString(), ids.containsAll(List.of("civil-affairs", "family-planning", "agriculture", "standard", "tea-industry")));
        for (ModuleDTO m : windows.modules()) {
            assertTrue(m.bundle, m.bundle.startsWith("yizhan-window-"));
            assertFalse(m.id + " has items", m.items.isEmpty());
        }
        JsonNode civil = window(T1, "civil-affairs");
        assertTrue(civil.get("available").asBoolean());
        assertTrue("standard windows are on by default", civil.get("enabled").asBoolean());
    }

    @Test
    public void aSpecialWindowIsOffUntilATownEnablesIt_R2() throws Exception {
        JsonNode atT1 = window(T1, "tea-industry");
        assertTrue(atT1.get("special").asBoolean());
        assertFalse("off at a town that did not enable it", atT1.get("enabled").asBoolean());
        assertTrue("on at 桃源乡, the tea town of the demo", window(T3, "tea-industry").get("enabled").asBoolean());
        assertFalse(itemOffered(T1, "CY-001"));
        assertTrue(itemOffered(T3, "CY-001"));
        Api.Answer refused = create("clerk-T1", "CY-001", T1, id(), Map.of("gardenAreaMu", "20"), "id-card", "garden-photos", "land-proof");
        assertEquals(refused.toString(), 422, refused.status());
        assertEquals("R2", refused.text("rule"));
        Api.Answer ok = create("clerk-T3", "CY-001", T3, id(), Map.of("gardenAreaMu", "20"), "id-card", "garden-photos", "land-proof");
        assertEquals(ok.toString(), "ACCEPTED", ok.text("status"));
        assertEquals("20", ok.body().get("attributes").get("gardenAreaMu").asText());
    }

    @Test
    public void moduleValidatorsSayWhatIsWrong_withTheField_R24() throws Exception {
        Api.Answer missing = create("clerk-T3", "CY-001", T3, id(), Map.of(), "id-card", "garden-photos", "land-proof");
        assertEquals(missing.toString(), 400, missing.status());
        assertEquals("attributes.gardenAreaMu", missing.text("field"));
        Api.Answer tooBig = create("clerk-T3", "CY-001", T3, id(), Map.of("gardenAreaMu", "800"), "id-card", "garden-photos", "land-proof");
        assertEquals(422, tooBig.status());
        assertEquals("attributes.gardenAreaMu", tooBig.text("field"));
        assertNotNull(tooBig.text("detailZh"));

        Api.Answer young = create("clerk-T1", "MZ-003", T1, id(), Map.of(), "id-card", "bank-card");
        assertEquals(young.toString(), 422, young.status());
        assertEquals("applicant.idNumber", young.text("field"));
        Api.Answer old = create("clerk-T1", "MZ-003", T1, Api.residentId("19400101", IDS.incrementAndGet()), Map.of(), "id-card", "bank-card");
        assertEquals(old.toString(), "APPROVED", old.text("status"));

        Api.Answer area = create("clerk-T1", "SN-001", T1, id(), Map.of("transferAreaMu", "12", "contractedAreaMu", "8"),
                "transfer-contract", "contract-certificate", "id-cards");
        assertEquals(area.toString(), 422, area.status());
        assertEquals("attributes.transferAreaMu", area.text("field"));
        Api.Answer notANumber = create("clerk-T1", "SN-001", T1, id(), Map.of("transferAreaMu", "twelve"),
                "transfer-contract", "contract-certificate", "id-cards");
        assertEquals(400, notANumber.status());

        Api.Answer income = create("clerk-T1", "MZ-001", T1, id(), Map.of("householdSize", "2", "monthlyIncome", "3000"),
                "id-card", "household-register", "income-proof", "property-statement");
        assertEquals(income.toString(), 422, income.status());
        assertEquals("attributes.monthlyIncome", income.text("field"));
        Api.Answer children = create("clerk-T1", "JS-002", T1, id(), Map.of("children", "2"), "id-cards", "household-register", "photo");
        assertEquals(422, children.status());
        Api.Answer retired = create("clerk-T1", "LB-001", T1, Api.residentId("19500101", IDS.incrementAndGet()), Map.of(),
                "id-card", "household-register");
        assertEquals(422, retired.status());
    }

    /**
     * Bundle events of every bundle but the module's while the module comes and goes. A restart
     * always passes STOPPING/STOPPED, a refresh STOPPED/UNRESOLVED, an update UPDATED: any of those
     * is a touched bundle.
     */
    private static final class Watch implements BundleListener {
        static final int TOUCHED = BundleEvent.STOPPING | BundleEvent.STOPPED | BundleEvent.UNRESOLVED
                | BundleEvent.UPDATED | BundleEvent.UNINSTALLED | BundleEvent.INSTALLED;
        final String except;
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        Watch(String except) {
            this.except = except;
        }

        @Override
        public void bundleChanged(BundleEvent event) {
            if (!except.equals(event.getBundle().getSymbolicName()) && (event.getType() & TOUCHED) != 0) {
                events.add(event.getBundle().getSymbolicName() + " event " + event.getType());
            }
        }
    }

    private Map<Long, String> snapshot(String except) {
        Map<Long, String> m = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            if (!except.equals(b.getSymbolicName())) {
                m.put(b.getBundleId(), b.getSymbolicName() + " state " + b.getState() + " modified " + b.getLastModified());
            }
        }
        return m;
    }

    private void await(String what, Duration deadline, Predicate<Void> done) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (!done.test(null)) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " not within " + deadline);
            }
            synchronized (this) {
                wait(50);
            }
        }
    }

    @Test
    public void uninstallAndReinstall_touchNoOtherBundle_andFailNoRequestOnOtherWindows_R2() throws Exception {
        String bundle = "yizhan-window-agriculture";
        String open = create("clerk-T1", "SN-002", T1, id(), Map.of(), "application", "forest-right-certificate", "cutting-design")
                .text("number");
        assertNotNull(open);
        // A settled container first: right after boot Karaf's features bundle may still be STARTING.
        await("every bundle settled", Duration.ofSeconds(60), v -> java.util.Arrays.stream(context.getBundles())
                .noneMatch(b -> b.getState() == Bundle.STARTING || b.getState() == Bundle.STOPPING));
        Map<Long, String> before = snapshot(bundle);
        Watch watch = new Watch(bundle);
        context.addBundleListener(watch);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Thread client = new Thread(() -> {
            int n = 900;
            while (running.get()) {
                try {
                    Api.Answer a = create("clerk-T2", "MZ-002", T2, Api.residentId(n++), Map.of(), "id-card", "hardship-statement");
                    if (a.status() == 201) {
                        ok.incrementAndGet();
                    } else {
                        failures.add(a.toString());
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        }, "other-window-client");
        client.start();
        try {
            await("some cases on other windows", Duration.ofSeconds(20), v -> ok.get() > 5);

            features.uninstallFeature(bundle);
            await("agriculture items withdrawn", Duration.ofSeconds(60), v -> {
                try {
                    return !itemOffered(T1, "SN-002");
                } catch (Exception e) {
                    return false;
                }
            });
            Api.Answer refused = create("clerk-T1", "SN-002", T1, id(), Map.of(), "application", "forest-right-certificate", "cutting-design");
            assertEquals(refused.toString(), 422, refused.status());
            assertFalse(window(T1, "agriculture").get("available").asBoolean());
            Api.Answer still = api.get("/cases/" + open, "clerk-T1");
            assertEquals("an open case of a removed module stays readable", 200, still.status());
            assertTrue(still.body().get("history").size() >= 2);
            assertEquals("and workable", "IN_REVIEW",
                    api.post("/cases/" + open + "/actions/start-review", "clerk-T1", "{}").text("status"));
            int during = ok.get();

            long t0 = System.nanoTime();
            features.installFeature(bundle);
            await("agriculture items back", Duration.ofSeconds(60), v -> {
                try {
                    return itemOffered(T1, "SN-002");
                } catch (Exception e) {
                    return false;
                }
            });
            System.out.printf("reinstall: items back in the catalogue %.0f ms after feature:install began%n",
                    (System.nanoTime() - t0) / 1e6);
            Api.Answer again = create("clerk-T1", "SN-002", T1, id(), Map.of(), "application", "forest-right-certificate", "cutting-design");
            assertEquals(again.toString(), 201, again.status());
            await("more cases after reinstall", Duration.ofSeconds(20), v -> ok.get() > during + 5);
        } finally {
            running.set(false);
            client.join(30_000);
            context.removeBundleListener(watch);
        }
        assertTrue("no failed request on other windows: " + failures, failures.isEmpty());
        assertTrue("no other bundle stopped, started, updated or refreshed: " + watch.events, watch.events.isEmpty());
        Map<Long, String> after = snapshot(bundle);
        List<String> changed = new ArrayList<>();
        before.forEach((id, was) -> {
            if (!was.equals(after.get(id))) {
                changed.add(was + " -> " + after.get(id));
            }
        });
        assertTrue("every other bundle as it was (state, last modified): " + changed, changed.isEmpty());
        assertEquals("no bundle added or removed besides the module", before.keySet(), after.keySet());
        System.out.printf("other-window cases created during the test: %d, failed: %d%n", ok.get(), failures.size());
    }
}
