package org.yizhan.bench;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a profile's CPU samples go: each execution sample of a Java Flight Recorder file is
 * charged to the component of its first frame outside the JDK (Derby, OpenJPA, CXF, Jetty,
 * Yizhan, ...), and the platform's own methods and the database layers are listed with the share
 * of samples they are on the stack of. Usage (after {@code PROFILE=x.jfr full-case-bench.sh}):
 *
 * <pre>java -cp target/classes org.yizhan.bench.ProfileBreakdown x.jfr [methods]</pre>
 */
public final class ProfileBreakdown {

    private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("org.apache.derby.", "Derby");
        COMPONENTS.put("org.apache.openjpa.", "OpenJPA");
        COMPONENTS.put("serp.", "OpenJPA");
        COMPONENTS.put("org.apache.cxf.", "CXF");
        COMPONENTS.put("org.eclipse.jetty.", "Jetty");
        COMPONENTS.put("org.ops4j.pax.web.", "Pax Web");
        COMPONENTS.put("org.yizhan.", "Yizhan");
        COMPONENTS.put("com.fasterxml.jackson.", "Jackson");
        COMPONENTS.put("org.apache.commons.dbcp2.", "DBCP");
        COMPONENTS.put("org.apache.commons.pool2.", "DBCP");
        COMPONENTS.put("org.apache.camel.", "Camel");
        COMPONENTS.put("org.apache.karaf.", "Karaf");
        COMPONENTS.put("org.apache.felix.", "Felix");
        COMPONENTS.put("com.github.benmanes.caffeine.", "Caffeine");
    }

    private ProfileBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        int methods = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Map<String, Integer> byComponent = new TreeMap<>();
        Map<String, Integer> onStack = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            String owner = "JDK";
            for (RecordedFrame f : frames) {
                String c = component(f.getMethod().getType().getName());
                if (c != null) {
                    owner = c;
                    break;
                }
            }
            byComponent.merge(owner, 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                if ((type.startsWith("org.yizhan.") || type.startsWith("org.apache.openjpa.") || type.startsWith("org.apache.derby."))
                        && !type.contains("$$Lambda")) {
                    String m = type + "." + f.getMethod().getName();
                    if (seen.add(m)) {
                        onStack.merge(m, 1, Integer::sum);
                    }
                }
            }
        }
        int n = Math.max(1, samples);
        System.out.printf(Locale.ROOT, "%d execution samples%n%nby component (first frame outside the JDK):%n", samples);
        byComponent.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(c -> System.out.printf(Locale.ROOT, "  %-10s %5.1f%%%n", c.getKey(), 100.0 * c.getValue() / n));
        System.out.printf(Locale.ROOT, "%non the stack of (the platform's methods, OpenJPA, Derby):%n");
        onStack.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(methods)
                .forEach(m -> System.out.printf(Locale.ROOT, "  %5.1f%% %s%n", 100.0 * m.getValue() / n, m.getKey()));
    }

    private static String component(String type) {
        for (Map.Entry<String, String> c : COMPONENTS.entrySet()) {
            if (type.startsWith(c.getKey())) {
                return c.getValue();
            }
        }
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.") || type.startsWith("sun.")
                || type.startsWith("com.sun.") ? null : type.substring(0, Math.max(0, type.indexOf('.', type.indexOf('.') + 1)));
    }
}
