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
    record Loaded(long modified, List<String> routeIds, String error, Integer line, List<RouteDefinition> definitions) {
    }

    private final CamelContext camel;
    private final Path dir;
    private final java.util.function.Consumer<Map<String, String>> listeners;
    private final java.util.function.BiConsumer<String, List<String>> onLoaded;
    private final Map<Path, Loaded> loaded = new LinkedHashMap<>();
    private ServiceRegistration<Runnable> scanner;

    /** {@code listeners} hears, after every scan, the loaded routes that take case events and their endpoints (route id to URI). */
    RouteFiles(CamelContext camel, Path dir, java.util.function.Consumer<Map<String, String>> listeners,
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
        Map<String, String> takers = new LinkedHashMap<>();
        for (org.apache.camel.Route r : camel.getRoutes()) {
            String uri = r.getEndpoint().getEndpointUri();
            if (uri.startsWith(RelayDispatcher.INTEGRATION_PREFIX) || uri.startsWith("direct:integration-")) {
                takers.put(r.getRouteId(), uri);
            }
        }
        listeners.accept(takers);
    }

    private void load(Path file, long modified, Loaded before) {
        List<String> ids = new ArrayList<>();
        String text = null;
        RoutesDefinition defs = null;
        try {
            text = Files.readString(file);
            try (InputStream in = new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                defs = JaxbHelper.loadRoutesDefinition(camel, in);
            }
            if (defs == null || defs.getRoutes().isEmpty()) {
                throw new IllegalArgumentException("no <route> in it");
            }
            int n = 0;
            for (RouteDefinition r : defs.getRoutes()) {
                n++;
                if (r.getId() == null || r.getId().isBlank()) {
                    throw new Refusal(lineOfRoute(text, n), "every route needs an id (<route id=\"...\">)");
                }
                if (!ROUTE_ID.matcher(r.getId()).matches()) {
                    throw new Refusal(lineOfRoute(text, n), "route id " + r.getId() + ": 1-100 letters, digits, '.', '_' or '-'");
                }
                if (r.getId().startsWith(FILE_PREFIX)) {
                    throw new Refusal(lineOfRoute(text, n), "route ids starting with '" + FILE_PREFIX + "' are the platform's: " + r.getId());
                }
                if (ids.contains(r.getId()) || ownerOf(r.getId(), file) != null) {
                    throw new Refusal(lineOfRoute(text, n), "route id " + r.getId() + " is used twice (in this file or another)");
                }
                ids.add(r.getId());
            }
        } catch (Exception e) {
            refused(file, modified, before, e, text, null);
            return;
        }
        // the file's routes replace its previous ones; if any does not start, the previous ones come back
        if (before != null) {
            remove(before.routeIds());
        }
        try {
            camel.adapt(ModelCamelContext.class).addRouteDefinitions(defs.getRoutes());
        } catch (Exception e) {
            remove(ids.stream().filter(id -> camel.getRoute(id) != null).toList());
            if (before != null && before.definitions() != null) {
                try {
                    camel.adapt(ModelCamelContext.class).addRouteDefinitions(before.definitions());
                } catch (Exception again) {
                    LOG.error("The previous routes of {} did not start again: {}", file.getFileName(), again.toString());
                }
            }
            refused(file, modified, before, e, text, failedRoute(e, ids));
            return;
        }
        loaded.put(file, new Loaded(modified, ids, null, null, defs.getRoutes()));
        LOG.info("Integration routes {} loaded from {} / 集成路由已加载", ids, file.getFileName());
        onLoaded.accept(file.getFileName().toString(), ids);
    }

    /** The route a start failure is about: the file's only route, or the one its messages name. */
    private static String failedRoute(Exception e, List<String> ids) {
        if (ids.size() == 1) {
            return ids.get(0);
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            for (String id : ids) {
                if (java.util.regex.Pattern.compile("(?<![A-Za-z0-9._-])" + java.util.regex.Pattern.quote(id) + "(?![A-Za-z0-9._-])").matcher(m).find()) {
                    return id;
                }
            }
        }
        return null;
    }

    private void refused(Path file, long modified, Loaded before, Exception e, String text, String routeId) {
        Integer line = e instanceof Refusal r ? r.line : lineOf(e);
        if (line == null && routeId != null && text != null) {
            line = lineOfId(text, routeId);
        }
        String why = rootMessage(e);
        boolean kept = before != null && !before.routeIds().isEmpty();
        LOG.error("Route file {} not loaded{}: {} / 路由文件未加载{}", file.getFileName(), line == null ? "" : " (line " + line + ")", why,
                kept ? "; its previous routes keep running" : "");
        loaded.put(file, new Loaded(modified, kept ? before.routeIds() : List.of(), why, line, kept ? before.definitions() : null));
    }

    /** The most telling message of a failure: the deepest one that says something (a JAXB error's cause is the parser's, with the line). */
    private static String rootMessage(Throwable e) {
        String why = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                why = t.getMessage();
            }
        }
        return why == null ? e.toString() : why;
    }

    /** The line an XML parse error names. */
    private static Integer lineOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.xml.sax.SAXParseException p && p.getLineNumber() > 0) {
                return p.getLineNumber();
            }
            if (t instanceof javax.xml.stream.XMLStreamException x && x.getLocation() != null && x.getLocation().getLineNumber() > 0) {
                return x.getLocation().getLineNumber();
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern ROUTE_TAG = java.util.regex.Pattern.compile("<(?:\\w+:)?route[\\s/>]");
    static final java.util.regex.Pattern ROUTE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,100}");

    /** The line of the n-th {@code <route>} element (1-based), or null. */
    static Integer lineOfRoute(String text, int n) {
        java.util.regex.Matcher m = ROUTE_TAG.matcher(text);
        for (int i = 0; m.find(); ) {
            if (++i == n) {
                return lineAt(text, m.start());
            }
        }
        return null;
    }

    /** The line of the route with this id, or null. */
    static Integer lineOfId(String text, String id) {
        java.util.regex.Matcher m = ROUTE_TAG.matcher(text);
        while (m.find()) {
            int end = text.indexOf('>', m.start());
            if (end > 0 && text.substring(m.start(), end).matches("(?s).*\\bid\\s*=\\s*[\"']" + java.util.regex.Pattern.quote(id) + "[\"'].*")) {
                return lineAt(text, m.start());
            }
        }
        return null;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A file refused before any of its routes ran, at a known line. */
    private static final class Refusal extends IllegalArgumentException {
        private final Integer line;

        Refusal(Integer line, String message) {
            super(message);
            this.line = line;
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
