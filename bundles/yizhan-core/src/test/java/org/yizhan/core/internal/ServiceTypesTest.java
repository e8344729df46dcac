package org.yizhan.core.internal;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * Components of core talk through interfaces: a component that implements a service interface
 * never registers its own class as well (siblings would then reach past the interface into it).
 */
public class ServiceTypesTest {

    private static final Pattern COMPONENT = Pattern.compile("@Component\\(([^)]*)\\)\\s*public (?:final )?class (\\w+)([^{]*)\\{",
            Pattern.DOTALL);
    private static final Pattern SERVICE = Pattern.compile("service\\s*=\\s*(\\{[^}]*\\}|[\\w.]+\\.class)");

    static List<String> offenders(Path sources) throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = COMPONENT.matcher(Files.readString(f));
                if (!m.find()) {
                    continue;
                }
                String cls = m.group(2);
                boolean implementsSomething = m.group(3).contains("implements");
                Matcher s = SERVICE.matcher(m.group(1));
                if (implementsSomething && s.find() && Pattern.compile("\\b" + cls + "\\.class").matcher(s.group(1)).find()) {
                    bad.add(cls);
                }
            }
        }
        return bad;
    }

    @Test
    public void noComponentRegistersItsImplementationClass() throws IOException {
        List<String> bad = offenders(Path.of("src/main/java"));
        assertTrue("registered as their implementation class: " + bad, bad.isEmpty());
    }

    @Test
    public void theCheckSeesAnImplementationClassRegistered() throws IOException {
        Path dir = Files.createTempDirectory("services");
        Files.writeString(dir.resolve("FooImpl.java"), "package x;\n@Component(service = {Foo.class, FooImpl.class}, immediate = true)\n"
                + "public class FooImpl implements Foo {\n}\n");
        assertTrue(offenders(dir).contains("FooImpl"));
    }
}
