package org.yizhan.relay.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RoutesDefinition;
import org.apache.camel.xml.jaxb.JaxbHelper;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Integrators' routes: every {@code *.xml} file (Camel XML, {@code <routes>}) in the routes
 * directory is loaded into the platform's Camel context while it runs; a changed file replaces
 * its routes, a deleted file removes them. Each route must have an id; a file that does not
 * parse or start leaves the routes it had running and says why in the log.
 */
final class RouteFiles {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFiles.class);
    private static final String FILE_PREFIX = "yizhan-";

    /** What a file gave: its timestamp and route ids, or the error that kept it out. */
    record Loaded(long modified, List<String> routeIds, String error) {
    }

    private final CamelContext camel;
    private final Path dir;
    private final java.util.function.Consumer<List<String>> listeners;
    private final java.util.function.BiConsumer<String, List<String>> onLoaded;
    private final Map<Path, Loaded> loaded = new LinkedHashMap<>();
    private ServiceRegistration<Runnable> scanner;

    /** {@code listeners} hears, after every scan, the endpoints of the loaded routes that take case events. */
    RouteFiles(CamelContext camel, Path dir, java.util.function.Consumer<List<String>> listeners,
               java.util.function.BiConsumer<String, List<String>> onLoaded) {
        this.onLoaded = onLoaded;
        this.camel = camel;
        this.dir = dir;
        this.listeners = listeners;
    }

    /** Loads what is there now, then has Karaf's scheduler look again every two seconds (its whiteboard: a Runnable with a period). */
    void start(BundleContext context) {
        scan();
        Dictionary<String, Object> job = new Hashtable<>();
        job.put("scheduler.name", "yizhan-route-files");
        job.put("scheduler.period", 2L);
        job.put("scheduler.concurrent", Boolean.FALSE);
        scanner = context.registerService(Runnable.class, this::scan, job);
    }

    void stop() {
        if (scanner != null) {
            scanner.unregister();
            scanner = null;
        }
    }

    synchronized Map<Path, Loaded> loaded() {
        return new LinkedHashMap<>(loaded);
    }

    Path directory() {
        return dir;
    }

    synchronized void scan() {
        try {
            Map<Path, Long> present = new HashMap<>();
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.xml")) {
                    for (Path f : files) {
                        present.put(f, Files.getLastModifiedTime(f).toMillis());
                    }
                }
            }
            for (Path gone : new ArrayList<>(loaded.keySet())) {
                if (!present.containsKey(gone)) {
                    remove(loaded.remove(gone).routeIds());
                    LOG.info("Integration routes of {} removed (file deleted) / 集成路由已移除", gone.getFileName());
                }
            }
            for (Map.Entry<Path, Long> f : present.entrySet()) {
                Loaded before = loaded.get(f.getKey());
                if (before == null || before.modified() != f.getValue()) {
                    load(f.getKey(), f.getValue(), before);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Scanning {} for route files failed: {}", dir, e.toString());
        }
        listeners.accept(camel.getRoutes().stream().map(r -> r.getEndpoint().getEndpointUri())
                .filter(uri -> uri.startsWith(RelayDispatcher.INTEGRATION_PREFIX) || uri.startsWith("direct:integration-")).toList());
    }

    private void load(Path file, long modified, Loaded before) {
        List<String> ids = new ArrayList<>();
        try {
            RoutesDefinition defs;
            try (InputStream in = Files.newInputStream(file)) {
                defs = JaxbHelper.loadRoutesDefinition(camel, in);
            }
            if (defs == null || defs.getRoutes().isEmpty()) {
                throw new IllegalArgumentException("no <route> in it");
            }
            for (RouteDefinition r : defs.getRoutes()) {
                if (r.getId() == null || r.getId().isBlank()) {
                    throw new IllegalArgumentException("every route needs an id (<route id=\"...\">)");
                }
                if (r.getId().startsWith(FILE_PREFIX)) {
                    throw new IllegalArgumentException("route ids starting with '" + FILE_PREFIX + "' are the platform's: " + r.getId());
                }
                Loaded owner = ownerOf(r.getId(), file);
                if (owner != null) {
                    throw new IllegalArgumentException("route id " + r.getId() + " is already used by another file");
                }
                ids.add(r.getId());
            }
            if (before != null) {
                remove(before.routeIds());
            }
            camel.adapt(ModelCamelContext.class).addRouteDefinitions(defs.getRoutes());
            loaded.put(file, new Loaded(modified, ids, null));
            LOG.info("Integration routes {} loaded from {} / 集成路由已加载", ids, file.getFileName());
            onLoaded.accept(file.getFileName().toString(), ids);
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("Route file {} not loaded: {} / 路由文件未加载{}", file.getFileName(), why,
                    before == null ? "" : "; its previous routes keep running");
            loaded.put(file, new Loaded(modified, before == null ? List.of() : before.routeIds(), why));
        }
    }

    private Loaded ownerOf(String id, Path except) {
        for (Map.Entry<Path, Loaded> e : loaded.entrySet()) {
            if (!e.getKey().equals(except) && e.getValue().routeIds().contains(id)) {
                return e.getValue();
            }
        }
        return null;
    }

    private void remove(List<String> ids) {
        for (String id : ids) {
            try {
                camel.getRouteController().stopRoute(id, 10, TimeUnit.SECONDS);
                camel.removeRoute(id);
            } catch (Exception e) {
                LOG.warn("Route {} not removed: {}", id, e.toString());
            }
        }
    }
}
