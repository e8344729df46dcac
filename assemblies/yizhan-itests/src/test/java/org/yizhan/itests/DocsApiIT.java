package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * docs/api.md as a newcomer uses it: every shell block pasted, in order, into one shell against a
 * fresh demo distribution (its address in place of localhost:8181), and every answer the page
 * prints ({@code # {"status":"UP",...}}) compared in shape with what came back: each field the
 * page shows must be in the answer. The page's values may differ (case numbers carry the day);
 * its fields may not.
 */
public class DocsApiIT {

    private static final int PORT = 28901;
    private static Distribution karaf;

    @BeforeClass
    public static void start() throws Exception {
        karaf = Distribution.running("docs-it", PORT, 28902, 21902, 24902);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    /** A documented answer: the fields it shows and the line of the page it is on. */
    record Documented(int line, String text, Set<String> fields) {
    }

    private static final Pattern FIELD = Pattern.compile("\"([A-Za-z][A-Za-z0-9_]*)\"\\s*:");
    private static final String MARK = "@@yizhan-doc-answer ";

    @Test
    public void everyShellBlockOfTheApiWalkThroughRuns_andEveryDocumentedAnswerHasItsFields() throws Exception {
        Path page = Path.of(System.getProperty("yizhan.docs", "../../docs"), "api.md");
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        StringBuilder script = new StringBuilder("set -u\n");
        List<Documented> answers = new ArrayList<>();
        boolean in = false;
        int blocks = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!in && l.trim().equals("```sh")) {
                in = true;
                blocks++;
                continue;
            }
            if (in && l.trim().equals("```")) {
                in = false;
                continue;
            }
            if (!in) {
                continue;
            }
            String t = l.trim();
            if (t.startsWith("# {") || t.startsWith("# [")) {
                // the answer of the command above it: mark where its output ends
                Set<String> fields = new LinkedHashSet<>();
                Matcher m = FIELD.matcher(t);
                while (m.find()) {
                    fields.add(m.group(1));
                }
                // a continued answer (the next lines start with "#   ") adds its fields too
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("#   "); j++) {
                    Matcher more = FIELD.matcher(lines.get(j));
                    while (more.find()) {
                        fields.add(more.group(1));
                    }
                }
                script.append("echo; echo '").append(MARK).append(answers.size()).append("'\n");
                answers.add(new Documented(i + 1, t, fields));
                continue;
            }
            script.append(l.replace("http://localhost:8181", karaf.baseUrl().replace("/api/v1", ""))).append('\n');
        }
        assertTrue("the page has shell blocks", blocks > 10);
        assertTrue("the page documents answers", answers.size() > 10);

        Path file = karaf.home().resolveSibling("docs-it-api.sh");
        Files.writeString(file, script.toString());
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(karaf.home().toFile()).redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue("the walk-through finishes", p.waitFor(5, TimeUnit.MINUTES));
        String output = new String(out, StandardCharsets.UTF_8);
        Files.writeString(karaf.home().resolveSibling("docs-it-api.out"), output);

        List<String> problems = new ArrayList<>();
        String[] parts = output.split("\n" + Pattern.quote(MARK));
        // parts[k] is the output before answer k's mark (and, past the first, the mark's number and what followed it)
        for (int k = 0; k < answers.size(); k++) {
            Documented d = answers.get(k);
            if (k >= parts.length) {
                problems.add("line " + d.line() + ": never reached");
                continue;
            }
            String before = parts[k];
            if (k > 0) {
                int nl = before.indexOf('\n');
                before = nl < 0 ? "" : before.substring(nl + 1);
            }
            for (String f : d.fields()) {
                if (!before.contains("\"" + f + "\"")) {
                    problems.add("line " + d.line() + ": the answer has no \"" + f + "\" (documented: " + d.text() + "; came back: "
                            + (before.length() > 300 ? before.substring(before.length() - 300) : before).trim() + ")");
                }
            }
        }
        assertEquals("docs/api.md pasted against a fresh demo:\n" + String.join("\n", problems), 0, problems.size());
        assertTrue("no command of the page was missing: " + output, !output.contains("command not found"));
    }
}
