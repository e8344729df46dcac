package org.yizhan.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * The packages of core depend on each other without cycles: read from the sources (imports and
 * fully qualified names), so a change that closes a loop fails the build and names it.
 */
public class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("org\\.yizhan\\.core\\.internal(?:\\.([a-z]+))?\\.[A-Z]");
    private static final String ROOT = "org.yizhan.core.internal";

    static Map<String, Set<String>> dependencies(Path sources) throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher pm = PACKAGE.matcher(text);
                if (!pm.find() || !pm.group(1).startsWith(ROOT)) {
                    continue;
                }
                String pkg = pm.group(1);
                Set<String> mine = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(text);
                while (m.find()) {
                    String target = m.group(1) == null ? ROOT : ROOT + "." + m.group(1);
                    if (!target.equals(pkg)) {
                        mine.add(target);
                    }
                }
            }
        }
        return deps;
    }

    /** A cycle through {@code start}, as a path, or null. */
    static List<String> cycleFrom(String start, Map<String, Set<String>> deps) {
        return walk(start, start, deps, new ArrayList<>(List.of(start)), new TreeSet<>());
    }

    private static List<String> walk(String start, String at, Map<String, Set<String>> deps, List<String> path, Set<String> seen) {
        for (String next : deps.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = walk(start, next, deps, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    @Test
    public void corePackagesHaveNoCycles() throws IOException {
        Map<String, Set<String>> deps = dependencies(SOURCES);
        assertTrue("read the sources: " + deps.keySet(), deps.size() > 10);
        List<String> cycles = new ArrayList<>();
        for (String pkg : deps.keySet()) {
            List<String> cycle = cycleFrom(pkg, deps);
            if (cycle != null) {
                cycles.add(String.join(" -> ", cycle));
            }
        }
        assertEquals("package cycles in core", List.of(), cycles);
    }

    @Test
    public void aCycleIsFound() {
        Map<String, Set<String>> deps = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertEquals(List.of("a", "b", "c", "a"), cycleFrom("a", deps));
        assertEquals(null, cycleFrom("d", deps));
    }
}
