package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
        // the demo as a newcomer gets it: the county's last four weeks already worked (demoHistoryDays defaults to 28)
        karaf = Distribution.running("docs-it", PORT, 28902, java.util.Map.of("demoHistoryDays", "28"));
        Path log = karaf.home().resolve("data/log/karaf.log");
        Api.until("the demo county's history is made", Duration.ofMinutes(4), () -> Files.readString(log).contains("Demo history ready"));
    }

    /**
     * Demo mode's lived-in county: a few hundred cases over the last weeks in every status, made
     * through the platform's own services (so every history chain verifies), some past their
     * promised date (alerts), ratings with their rectifications, complaints, the rooms' ledgers.
     */
    @Test
    public void theDemoCountyIsLivedIn_everyStatus_alerts_ratings_ledgers_andEveryChainVerifies() throws Exception {
        Api api = new Api(karaf.baseUrl());
        Api.Answer all = api.get("/cases?size=1", "supervisor");
        assertTrue(all.toString(), all.body().get("total").asLong() >= 200);
        for (String status : List.of("DELIVERED", "APPROVED", "IN_REVIEW", "AWAITING_SUPPLEMENT", "DENIED", "WITHDRAWN", "NOT_ACCEPTED")) {
            Api.Answer some = api.get("/cases?size=5&status=" + status, "supervisor");
            assertTrue(status + ": " + some, some.body().get("total").asLong() > 0);
        }
        // made on the days they happened: the oldest case is weeks old, numbered with its day
        Api.Answer delivered = api.get("/cases?size=100&status=DELIVERED", "supervisor");
        java.time.LocalDate oldest = java.time.LocalDate.now();
        for (com.fasterxml.jackson.databind.JsonNode c : delivered.body().get("items")) {
            java.time.LocalDate created = java.time.OffsetDateTime.parse(c.get("createdAt").asText()).toLocalDate();
            oldest = created.isBefore(oldest) ? created : oldest;
            assertTrue(c.get("number").asText(), c.get("number").asText().contains(created.toString().replace("-", "")));
        }
        assertTrue("the oldest delivered case is from " + oldest, oldest.isBefore(java.time.LocalDate.now().minusDays(14)));
        int verified = 0;
        for (com.fasterxml.jackson.databind.JsonNode c : delivered.body().get("items")) {
            if (verified++ == 10) {
                break;
            }
            Api.Answer v = api.get("/cases/" + c.get("number").asText() + "/history/verify", "supervisor");
            assertTrue(v.toString(), v.body().get("valid").asBoolean());
        }
        // overdue open cases are red (the history ends with e-supervision's full pass)
        Api.Answer alerts = api.get("/supervision/alerts?page=0&size=5", "supervisor");
        assertTrue(alerts.toString(), alerts.body().get("red").asLong() > 0 && alerts.body().get("yellow").asLong() > 0);
        // the public's voice: ratings counted in the rates, bad ones rectified, complaints in the office's queue
        Api.Answer rates = api.get("/supervision/rates?from=" + java.time.LocalDate.now().minusDays(40) + "&to=" + java.time.LocalDate.now(), "supervisor");
        long ratings = 0;
        for (com.fasterxml.jackson.databind.JsonNode r : rates.body()) {
            ratings += r.get("ratings").asLong();
        }
        assertTrue(rates.toString(), ratings >= 20);
        assertTrue(api.get("/rectifications", "supervisor").body().size() > 0);
        assertTrue(api.get("/complaints", "supervisor").body().size() > 0);
        // a village room's ledger has its consultations, and its cases went up to the town
        Api.Answer ledger = api.get("/centers/111/ledger", "agent-T1V1");
        assertTrue(ledger.toString(), ledger.body().size() > 3);
        Api.until("a village case relayed today is decided at the town", Duration.ofSeconds(90),
                () -> api.get("/cases?size=5&status=APPROVED&center=111", "agent-T1V1").body().get("total").asLong() > 0);
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
