package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.tinybundles.core.TinyBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.yizhan.itests.upgrade.UpgradeTestWindow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Deploying window modules the other ways county IT does: a bundle jar dropped into deploy/,
 * and an upgrade to a new module version that changes a time limit (R29), while a client keeps
 * creating cases on other windows.
 */
public class WindowDeployIT extends ContainerTestSupport {

    private static final long T1 = 11;
    private static final long T2 = 12;
    private static final long T3 = 13;
    private static final AtomicInteger IDS = new AtomicInteger(700);

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    /** Runs in the test driver: builds the two versions of the test module and tells the container where they are. */
    @Override
    protected Option[] options() {
        File dir = new File(System.getProperty("project.build.directory", "target"), "upgrade-bundles");
        dir.mkdirs();
        File v1 = build(dir, "1.0.0", 10);
        File v2 = build(dir, "1.1.0", 6);
        return new Option[] {editConfigurationFilePut("etc/system.properties", "yizhan.it.upgrade.v1", v1.getAbsolutePath()),
                editConfigurationFilePut("etc/system.properties", "yizhan.it.upgrade.v2", v2.getAbsolutePath()),
                editConfigurationFilePut("etc/system.properties", "yizhan.it.teaJar",
                        new File(System.getProperty("yizhan.it.teaJar")).getAbsolutePath()),
                editConfigurationFilePut("etc/system.properties", "yizhan.it.teaKar",
                        new File(System.getProperty("yizhan.it.teaKar")).getAbsolutePath())};
    }

    static File build(File dir, String version, int promisedDays) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"upgrade-test-window\" immediate=\"true\">\n"
                + "  <implementation class=\"" + UpgradeTestWindow.class.getName() + "\"/>\n"
                + "  <service><provide interface=\"org.yizhan.api.window.WindowModule\"/></service>\n"
                + "</scr:component>\n";
        InputStream in = TinyBundles.bundle()
                .add(UpgradeTestWindow.class)
                .add("window.properties", new ByteArrayInputStream(("promisedDays=" + promisedDays).getBytes(StandardCharsets.UTF_8)))
                .add("OSGI-INF/window.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .set(Constants.BUNDLE_MANIFESTVERSION, "2")
                .set(Constants.BUNDLE_SYMBOLICNAME, "yizhan-window-upgrade-test")
                .set(Constants.BUNDLE_VERSION, version)
                .set(Constants.IMPORT_PACKAGE, "org.yizhan.api;version=\"[0.1,1)\",org.yizhan.api.catalogue;version=\"[0.1,1)\","
                        + "org.yizhan.api.network;version=\"[0.1,1)\",org.yizhan.api.window;version=\"[0.1,1)\"")
                .set("Service-Component", "OSGI-INF/window.xml")
                .build(TinyBundles.withClassicBuilder());
        File f = new File(dir, "yizhan-window-upgrade-test-" + version + ".jar");
        try {
            Files.copy(in, f.toPath(), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    @Before
    public void bundlesSettled() throws Exception {
        Api.until("every bundle settled", Duration.ofSeconds(60), () -> Arrays.stream(context.getBundles())
                .noneMatch(b -> b.getState() == Bundle.STARTING || b.getState() == Bundle.STOPPING));
    }

    private void teaBundleGone() {
        Api.until("the tea window's bundle uninstalled", Duration.ofSeconds(60), () -> Arrays.stream(context.getBundles())
                .noneMatch(b -> "yizhan-window-tea".equals(b.getSymbolicName())));
    }

    private boolean offered(long center, String code) {
        try {
            for (JsonNode i : api.get("/items?center=" + center, null).body()) {
                if (code.equals(i.get("code").asText())) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private Api.Answer create(String user, String item, long center, Map<String, String> attributes, String... materials)
            throws Exception {
        var body = Api.newCase(item, center, Api.residentId(IDS.incrementAndGet()), materials);
        var attrs = body.putObject("attributes");
        attributes.forEach(attrs::put);
        return api.post("/cases", user, body);
    }

    @Test
    public void aBundleJarDroppedIntoDeploy_bringsItsWindow_andRemovingItTakesItAway() throws Exception {
        features.uninstallFeature("yizhan-window-tea");
        Api.until("tea window gone", Duration.ofSeconds(60), () -> !offered(T3, "CY-001"));
        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");
        Path jar = deploy.resolve("yizhan-window-tea.jar");
        long t0 = System.nanoTime();
        Files.copy(Path.of(System.getProperty("yizhan.it.teaJar")), jar, StandardCopyOption.REPLACE_EXISTING);
        Api.until("tea items from the dropped jar", Duration.ofSeconds(60), () -> offered(T3, "CY-001"));
        System.out.printf("jar in deploy/: items in the catalogue after %.0f ms (fileinstall polls every 1 s)%n",
                (System.nanoTime() - t0) / 1e6);
        assertEquals(201, create("clerk-T3", "CY-001", T3, Map.of("gardenAreaMu", "12"), "id-card", "garden-photos", "land-proof").status());
        Files.delete(jar);
        Api.until("tea window gone again", Duration.ofSeconds(60), () -> !offered(T3, "CY-001"));
        // the window goes when the bundle stops; the feature goes in only once the file's bundle is uninstalled
        // (a bundle of the same name and version still there would be taken for the feature's own)
        teaBundleGone();
        features.installFeature("yizhan-window-tea");
        Api.until("tea window back by feature", Duration.ofSeconds(60), () -> offered(T3, "CY-001"));
    }

    @Test
    public void aKarDroppedIntoDeploy_installsItsWindowOffline_andRemovingItTakesItAway() throws Exception {
        features.uninstallFeature("yizhan-window-tea");
        Api.until("tea window gone", Duration.ofSeconds(60), () -> !offered(T3, "CY-002"));
        Path kar = Path.of(System.getProperty("karaf.base"), "deploy", "yizhan-window-tea.kar");
        long t0 = System.nanoTime();
        Files.copy(Path.of(System.getProperty("yizhan.it.teaKar")), kar, StandardCopyOption.REPLACE_EXISTING);
        Api.until("tea items from the KAR", Duration.ofSeconds(30), () -> offered(T3, "CY-002"));
        System.out.printf("KAR in deploy/: items in the catalogue after %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        assertEquals(201, create("clerk-T3", "CY-002", T3, Map.of(), "id-card", "site-plan", "health-cert").status());
        Files.delete(kar);
        Api.until("tea window gone with the KAR", Duration.ofSeconds(30), () -> !offered(T3, "CY-002"));
        teaBundleGone();
        features.installFeature("yizhan-window-tea");
        Api.until("tea window back by feature", Duration.ofSeconds(60), () -> offered(T3, "CY-002"));
    }

    @Test
    public void anUpgradeChangesTheTimeLimitForNewCases_openCasesKeepTheirVersion_R29() throws Exception {
        List<String> touched = Collections.synchronizedList(new ArrayList<>());
        BundleListener watch = e -> {
            int bad = BundleEvent.STOPPING | BundleEvent.STOPPED | BundleEvent.UNRESOLVED | BundleEvent.UPDATED;
            if (!"yizhan-window-upgrade-test".equals(e.getBundle().getSymbolicName()) && (e.getType() & bad) != 0) {
                touched.add(e.getBundle().getSymbolicName() + " " + e.getType());
            }
        };
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Thread client = new Thread(() -> {
            while (running.get()) {
                try {
                    Api.Answer a = create("clerk-T2", "MZ-002", T2, Map.of(), "id-card", "hardship-statement");
                    if (a.status() == 201) {
                        ok.incrementAndGet();
                    } else {
                        failures.add(a.toString());
                    }
                } catch (Exception ex) {
                    failures.add(ex.toString());
                }
            }
        });
        Bundle module;
        try (InputStream v1 = new FileInputStream(System.getProperty("yizhan.it.upgrade.v1"))) {
            module = context.installBundle("yizhan-window-upgrade-test", v1);
        }
        context.addBundleListener(watch);
        client.start();
        try {
            long t0 = System.nanoTime();
            module.start();
            Api.until("v1 items in the catalogue", Duration.ofSeconds(60), () -> offered(T1, "UP-001"));
            System.out.printf("install: items in the catalogue after %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            Api.Answer before = create("clerk-T1", "UP-001", T1, Map.of(), "form");
            assertEquals(before.toString(), 201, before.status());
            int v1 = before.body().get("itemVersion").asInt();
            String promisedV1 = before.text("promisedDate");

            try (InputStream v2 = new FileInputStream(System.getProperty("yizhan.it.upgrade.v2"))) {
                module.update(v2);
            }
            Api.until("v2 is the current version", Duration.ofSeconds(60), () -> {
                try {
                    return api.get("/items/UP-001", null).body().get("version").asInt() > v1;
                } catch (Exception e) {
                    return false;
                }
            });
            assertEquals("1.1.0", module.getVersion().toString());
            JsonNode item = api.get("/items/UP-001", null).body();
            assertEquals(6, item.get("promisedDays").asInt());
            Api.Answer after = create("clerk-T1", "UP-001", T1, Map.of(), "form");
            assertEquals(v1 + 1, after.body().get("itemVersion").asInt());
            assertTrue("the new time limit is shorter: " + after.text("promisedDate") + " vs " + promisedV1,
                    after.text("promisedDate").compareTo(promisedV1) < 0);
            Api.Answer old = api.get("/cases/" + before.text("number"), "clerk-T1");
            assertEquals("the open case keeps its version", v1, old.body().get("itemVersion").asInt());
            assertEquals(promisedV1, old.text("promisedDate"));
            assertEquals("IN_REVIEW", api.post("/cases/" + before.text("number") + "/actions/start-review", "clerk-T1", "{}")
                    .text("status"));
            int seen = ok.get();
            Api.until("other windows kept serving", Duration.ofSeconds(60), () -> ok.get() > seen + 3);
        } finally {
            running.set(false);
            client.join(30_000);
            context.removeBundleListener(watch);
            module.uninstall();
        }
        assertTrue("no failed request on other windows: " + failures, failures.isEmpty());
        assertTrue("no other bundle stopped, refreshed or updated: " + touched, touched.isEmpty());
        System.out.printf("upgrade: other-window cases during the test %d, failed %d%n", ok.get(), failures.size());
    }
}
