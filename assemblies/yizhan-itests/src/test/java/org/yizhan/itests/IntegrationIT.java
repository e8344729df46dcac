package org.yizhan.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Departmental systems answer back (R13, R15): an integrator's route hands what a department
 * decided to {@code direct:yizhan-case-action}, and it is applied through the case engine as that
 * route, once per message id, only where etc/org.yizhan.integration.cfg allows it. Here the route
 * takes a department's files from a folder, as a department that trades files would.
 */
public class IntegrationIT extends ContainerTestSupport {

    private static final long T1 = 11;

    @Override
    protected Option[] options() {
        return new Option[] {editConfigurationFilePut("etc/org.yizhan.integration.cfg", "allow.dept-opinions", "construction:opinion, *:pause, *:resume"),
                // a route's failed event is a dead letter at once here, so the test need not wait a day for one
                editConfigurationFilePut("etc/org.yizhan.relay.cfg", "unreachableDeadAfterMinutes", "0"),
                editConfigurationFilePut("etc/org.yizhan.integration.cfg", "allow.civil-affairs-bureau", "civil-affairs:approve, civil-affairs:deny")};
    }

    private static final String ROUTE = "<routes xmlns=\"http://camel.apache.org/schema/spring\"><route id=\"dept-opinions\">"
            + "<from uri=\"file:%s?move=done/${exchangeId}-${file:name}&amp;moveFailed=failed/${exchangeId}-${file:name}\"/>"
            + "<setHeader name=\"YizhanMessageId\"><simple>${file:onlyname.noext}</simple></setHeader>"
            + "<convertBodyTo type=\"java.lang.String\"/><to uri=\"direct:yizhan-case-action\"/></route></routes>";

    private static long count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private long opinions(String number) throws Exception {
        return Api.actions(api.get("/cases/" + number, "clerk-T1")).stream().filter("opinion"::equals).count();
    }

    @Test
    public void r15_aDepartmentsOpinionClosesAJointReview_onceForADuplicate_andARefusalIsDeadLetteredWithItsRule() throws Exception {
        Path base = Path.of(System.getProperty("karaf.base", "."));
        Path in = Files.createDirectories(base.resolve("data").resolve("dept-in"));
        Files.writeString(Files.createDirectories(base.resolve("routes")).resolve("dept-opinions.xml"),
                String.format(ROUTE, in.toAbsolutePath()));
        Api.until("the route file is loaded", Duration.ofSeconds(60),
                () -> api.get("/relay/routes", "admin").raw().body().contains("dept-opinions"));

        // a joint case of 柳河镇's construction window: the agriculture window's opinion is due (R15)
        Api.Answer c = api.post("/cases", "clerk-T1", Api.newCase("JS-010", T1, Api.residentId(901), "application", "id-card",
                "household-register", "site-plan", "village-opinion"));
        assertEquals(c.toString(), 201, c.status());
        String n = c.text("number");
        assertEquals("IN_REVIEW", api.act("clerk-T1", n, "start-review", "{}").text("status"));
        assertEquals("a joint case waits for the joint window (R15)", 422, api.act("clerk-T1", n, "approve", "{}").status());

        // the inspection bureau reports back before the case is paused: refused (the case is not paused), kept in the route's dead letters
        Files.writeString(in.resolve("msg-0.json"), "{\"caseNumber\":\"" + n + "\",\"action\":\"resume\",\"reason\":\"勘查完毕\","
                + "\"department\":\"县自然资源局\"}");
        Api.until("the early resume is refused", Duration.ofSeconds(60), () -> count(in.resolve("failed")) == 1);

        String opinion = "{\"caseNumber\":\"" + n + "\",\"action\":\"opinion\",\"reason\":\"符合村庄规划和用途管制\","
                + "\"data\":{\"window\":\"agriculture\",\"opinion\":\"AGREE\"},\"department\":\"县农业农村局\"}";
        Files.writeString(in.resolve("msg-1.json"), opinion);
        Api.until("the department's opinion is in the case", Duration.ofSeconds(60), () -> opinions(n) == 1);
        JsonNode last = null;
        for (JsonNode h : api.get("/cases/" + n, "clerk-T1").body().get("history")) {
            last = "opinion".equals(h.get("action").asText()) ? h : last;
        }
        assertEquals("route:dept-opinions", last.get("actor").asText());
        assertEquals("县农业农村局", last.get("data").get("department").asText());
        assertEquals("dept-opinions", last.get("data").get("route").asText());
        assertTrue(api.get("/cases/" + n + "/history/verify", "supervisor").body().get("valid").asBoolean());

        // the same message again: applied once, and not a refusal either
        Files.writeString(in.resolve("msg-1.json"), opinion);
        Api.until("the duplicate is taken", Duration.ofSeconds(60), () -> count(in.resolve("done")) == 2);
        assertEquals("applied once", 1, opinions(n));
        assertEquals("only the early resume failed", 1, count(in.resolve("failed")));

        // an action the route is not allowed: refused, the file in the route's dead letters, the rule in the audit log
        Files.writeString(in.resolve("msg-2.json"), "{\"caseNumber\":\"" + n + "\",\"action\":\"approve\",\"department\":\"县农业农村局\"}");
        Api.until("the refused message is dead-lettered", Duration.ofSeconds(60), () -> count(in.resolve("failed")) == 2);
        assertEquals("IN_REVIEW", api.get("/cases/" + n, "clerk-T1").text("status"));
        JsonNode audit = api.get("/audit?kind=INTEGRATION_REFUSED&size=10", "admin").body();
        assertTrue(audit.toString(), audit.toString().contains("allow.dept-opinions") && audit.toString().contains("msg-2"));

        // a message without its department names the field
        Files.writeString(in.resolve("msg-3.json"), "{\"caseNumber\":\"" + n + "\",\"action\":\"pause\"}");
        Api.until("the message without a department is dead-lettered", Duration.ofSeconds(60), () -> count(in.resolve("failed")) == 3);
        assertTrue(api.get("/audit?kind=INTEGRATION_REFUSED&size=10", "admin").raw().body().contains("field department"));

        // the platform keeps the three refusals as the route's own dead letters, each with the rule or field that refused it
        JsonNode dead = api.get("/relay/dead-letters?route=dept-opinions", "admin").body();
        assertEquals(dead.toString(), 3, dead.size());
        String deadText = dead.toString();
        assertTrue(deadText, deadText.contains("allow.dept-opinions") && deadText.contains("field department"));
        for (JsonNode d : dead) {
            assertEquals("dept-opinions", d.get("route").asText());
            assertEquals("ACTION", d.get("message").get("kind").asText());
        }
        assertEquals("only the county's admins see dead letters", 403, api.get("/relay/dead-letters?route=dept-opinions", "supervisor").status());
        assertEquals("route", api.get("/relay/dead-letters?route=no%20such", "admin").text("field"));

        // the route's state and counts, then suspended: a message waits in its folder until the route resumes
        JsonNode routes = api.get("/relay/routes", "admin").body();
        JsonNode state = null;
        for (JsonNode f : routes) {
            for (JsonNode r : f.path("routes")) {
                state = "dept-opinions".equals(r.get("id").asText()) ? r : state;
            }
        }
        assertEquals("Started", state.get("state").asText());
        assertTrue(state.toString(), state.get("exchanges").asLong() >= 4);
        assertTrue(state.toString(), state.get("failures").asLong() >= 2);
        assertTrue(state.get("lastError").asText().contains("department"));
        assertEquals(403, api.post("/relay/routes/dept-opinions/suspend", "supervisor", "{}").status());
        assertEquals("Suspended", api.post("/relay/routes/dept-opinions/suspend", "admin", "{}").text("state"));
        Files.writeString(in.resolve("msg-4.json"), "{\"caseNumber\":\"" + n + "\",\"action\":\"pause\",\"reason\":\"现场勘查\","
                + "\"data\":{\"kind\":\"SITE_INSPECTION\"},\"department\":\"县自然资源局\"}");
        org.awaitility.Awaitility.await("a suspended route takes nothing").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(in.resolve("msg-4.json")) && "IN_REVIEW".equals(api.get("/cases/" + n, "clerk-T1").text("status")));
        assertEquals("Started", api.post("/relay/routes/dept-opinions/resume", "admin", "{}").text("state"));
        Api.until("the backlog is taken on resume", Duration.ofSeconds(60), () -> "PAUSED".equals(api.get("/cases/" + n, "clerk-T1").text("status")));

        // the early resume, replayed from the route's dead letters now that the case is paused, ends the pause (R13);
        // the two that are still refused are dead letters again
        Api.Answer replayed = api.post("/relay/dead-letters/replay?route=dept-opinions", "admin", "{}");
        assertEquals(replayed.toString(), 3, replayed.body().get("replayed").asInt());
        Api.until("the replayed resume is applied", Duration.ofSeconds(60), () -> "IN_REVIEW".equals(api.get("/cases/" + n, "clerk-T1").text("status")));
        Api.until("the other two are dead letters again", Duration.ofSeconds(60),
                () -> api.get("/relay/dead-letters?route=dept-opinions", "admin").body().size() == 2);
        JsonNode resumed = null;
        for (JsonNode h : api.get("/cases/" + n, "clerk-T1").body().get("history")) {
            resumed = "resume".equals(h.get("action").asText()) ? h : resumed;
        }
        assertEquals("route:dept-opinions", resumed.get("actor").asText());
        assertEquals("msg-0", resumed.get("data").get("messageId").asText());

        // the joint review is closed by the department's opinion: the town decides (R15)
        Api.Answer approved = api.act("clerk-T1", n, "approve", "{\"reason\":\"联合审查通过\"}");
        assertEquals(approved.toString(), "APPROVED", approved.text("status"));
        List<String> actions = Api.actions(approved);
        assertFalse(actions.toString(), actions.contains("joint-default"));
        Files.delete(base.resolve("routes").resolve("dept-opinions.xml"));
    }

    @Test
    public void aRouteAddedLaterIsGivenTheCaseEventsFromBefore_once() throws Exception {
        // a case decided while no route takes case events: none are written then
        Api.Answer c = api.post("/cases", "clerk-T2", Api.newCase("MZ-002", 12, Api.residentId(902), "id-card", "hardship-statement"));
        String n = c.text("number");
        assertEquals("APPROVED", api.act("clerk-T2", n, "approve", "{}").text("status"));

        Path base = Path.of(System.getProperty("karaf.base", "."));
        Path out = Files.createDirectories(base.resolve("data").resolve("backfill-out"));
        Files.writeString(Files.createDirectories(base.resolve("routes")).resolve("province-backfill.xml"),
                "<routes xmlns=\"http://camel.apache.org/schema/spring\"><route id=\"province-backfill\">"
                + "<from uri=\"direct:integration-backfill\"/><setHeader name=\"CamelFileName\">"
                + "<simple>${header.YizhanEvent}-${header.YizhanCaseNumber}.json</simple></setHeader>"
                + "<to uri=\"file:" + out.toAbsolutePath() + "\"/></route></routes>");
        Api.until("the route file is loaded", Duration.ofSeconds(60),
                () -> api.get("/relay/routes", "admin").raw().body().contains("province-backfill"));
        assertFalse("nothing of the case before the backfill", Files.exists(out.resolve("approved-" + n + ".json")));

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertEquals(403, api.post("/integration/replay", "supervisor", "{\"routeId\":\"province-backfill\",\"since\":\"" + today + "\"}").status());
        Api.Answer unknown = api.post("/integration/replay", "admin", "{\"routeId\":\"dept-opinions-none\",\"since\":\"" + today + "\"}");
        assertEquals(unknown.toString(), 400, unknown.status());
        assertEquals("routeId", unknown.text("field"));
        Api.Answer first = api.post("/integration/replay", "admin", "{\"routeId\":\"province-backfill\",\"since\":\"" + today + "\"}");
        assertEquals(first.toString(), 200, first.status());
        assertTrue(first.toString(), first.body().get("events").asInt() >= 3);
        Api.until("the case's events reached the route", Duration.ofSeconds(60), () -> Files.exists(out.resolve("created-" + n + ".json"))
                && Files.exists(out.resolve("accepted-" + n + ".json")) && Files.exists(out.resolve("approved-" + n + ".json")));
        assertTrue(Files.readString(out.resolve("approved-" + n + ".json")).contains("\"event\":\"approved\""));
        assertFalse("the route key is not sent", Files.readString(out.resolve("approved-" + n + ".json")).contains("_route"));
        Api.Answer again = api.post("/integration/replay", "admin", "{\"routeId\":\"province-backfill\",\"since\":\"" + today + "\"}");
        assertEquals("asked again, nothing is written twice", 0, again.body().get("events").asInt());
        Files.delete(base.resolve("routes").resolve("province-backfill.xml"));
    }

    /** The route of docs/integration.md: the civil affairs bureau posts its decision over HTTP (camel-jetty). */
    private static final String HTTP_ROUTE = "<routes xmlns=\"http://camel.apache.org/schema/spring\"><route id=\"civil-affairs-bureau\">"
            + "<from uri=\"jetty:http://0.0.0.0:%d/dept/decisions?httpMethodRestrict=POST\"/>"
            + "<onException><exception>java.lang.IllegalArgumentException</exception><handled><constant>true</constant></handled>"
            + "<setHeader name=\"CamelHttpResponseCode\"><constant>422</constant></setHeader><setBody><simple>${exception.message}</simple></setBody></onException>"
            + "<setHeader name=\"YizhanMessageId\"><simple>${header.X-Message-Id}</simple></setHeader>"
            + "<convertBodyTo type=\"java.lang.String\"/><to uri=\"direct:yizhan-case-action\"/></route></routes>";

    @Test
    public void aDepartmentPostsItsDecisionToAnHttpRoute_appliedOnce() throws Exception {
        int port = 18299;
        Path base = Path.of(System.getProperty("karaf.base", "."));
        Files.writeString(Files.createDirectories(base.resolve("routes")).resolve("civil-affairs-bureau.xml"), String.format(HTTP_ROUTE, port));
        Api.until("the HTTP route is loaded", Duration.ofSeconds(60),
                () -> api.get("/relay/routes", "admin").raw().body().contains("civil-affairs-bureau"));
        Api.Answer c = api.post("/cases", "clerk-T1", Api.newCase("MZ-001", T1, Api.residentId(903), "id-card", "household-register",
                "income-proof", "property-statement"));
        String n = c.text("number");
        assertEquals("IN_REVIEW", api.act("clerk-T1", n, "start-review", "{}").text("status"));
        String decision = "{\"caseNumber\":\"" + n + "\",\"action\":\"approve\",\"reason\":\"入户调查核实，符合低保条件\",\"department\":\"县民政局\"}";
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> post = (id, body) -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/dept/decisions"))
                        .header("Content-Type", "application/json").header("X-Message-Id", id)
                        .timeout(Duration.ofSeconds(30)).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        java.net.http.HttpResponse<String> first = post.apply("MZ-2026-0001", decision);
        assertEquals(first.body(), 200, first.statusCode());
        assertTrue(first.body(), first.body().contains("\"status\":\"APPROVED\"") && first.body().contains("\"duplicate\":false"));
        java.net.http.HttpResponse<String> again = post.apply("MZ-2026-0001", decision);
        assertTrue("the same message again is a duplicate: " + again.body(), again.body().contains("\"duplicate\":true"));
        assertEquals(1, Api.actions(api.get("/cases/" + n, "clerk-T1")).stream().filter("approve"::equals).count());
        java.net.http.HttpResponse<String> refused = post.apply("MZ-2026-0002", decision.replace("\"approve\"", "\"opinion\""));
        assertEquals(refused.body(), 422, refused.statusCode());
        Files.delete(base.resolve("routes").resolve("civil-affairs-bureau.xml"));
    }

    private static String feed(String id, String dir) {
        return "<routes xmlns=\"http://camel.apache.org/schema/spring\">\n<route id=\"" + id + "\">\n"
                + "<from uri=\"direct:integration-" + id + "\"/>\n<setHeader name=\"CamelFileName\">"
                + "<simple>${header.YizhanEvent}-${header.YizhanCaseNumber}.json</simple></setHeader>\n"
                + "<to uri=\"file:" + dir + "\"/>\n</route>\n</routes>\n";
    }

    private JsonNode routeFile(String name) throws Exception {
        JsonNode all = api.get("/relay/routes", "admin").body();
        if (all == null || !all.isArray()) {
            // the relay is (re)starting with this class's settings: not listed yet
            return null;
        }
        for (JsonNode f : all) {
            if (f.path("file").asText().endsWith("/" + name)) {
                return f;
            }
        }
        return null;
    }

    @Test
    public void aRouteThatFailsAnEventHasItAlone_asItsOwnDeadLetter_replayable_andASuspendedRouteGetsItsBacklogOnResume() throws Exception {
        Path base = Path.of(System.getProperty("karaf.base", "."));
        Path routes = Files.createDirectories(base.resolve("routes"));
        Path province = Files.createDirectories(base.resolve("data").resolve("feed-province"));
        // the department's folder cannot be made while a file stands in its place: its route fails every event
        Path blocked = base.resolve("data").resolve("feed-dept-blocked");
        Files.writeString(blocked, "not a folder");
        Path dept = blocked.resolve("in");
        Files.writeString(routes.resolve("feed-province.xml"), feed("feed-province", province.toAbsolutePath().toString()));
        Files.writeString(routes.resolve("feed-dept.xml"), feed("feed-dept", dept.toAbsolutePath().toString()));
        Api.until("both routes are loaded", Duration.ofSeconds(60),
                () -> routeFile("feed-province.xml") != null && routeFile("feed-dept.xml") != null);

        Api.Answer c = api.post("/cases", "clerk-T2", Api.newCase("MZ-002", 12, Api.residentId(904), "id-card", "hardship-statement"));
        String n = c.text("number");
        assertEquals("APPROVED", api.act("clerk-T2", n, "approve", "{}").text("status"));
        Api.until("the good route has the case's events", Duration.ofSeconds(60), () -> Files.exists(province.resolve("approved-" + n + ".json")));
        Api.until("the failing route's events are its own dead letters", Duration.ofSeconds(60), () -> {
            String d = api.get("/relay/dead-letters?route=feed-dept", "admin").raw().body();
            return d.contains("created") && d.contains("accepted") && d.contains("approved") && d.contains(n);
        });
        JsonNode dead = api.get("/relay/dead-letters?route=feed-dept", "admin").body();
        for (JsonNode d : dead) {
            assertEquals("feed-dept", d.get("route").asText());
            assertTrue(d.toString(), d.get("lastError").asText().contains("feed-dept-blocked"));
        }
        assertEquals("the good route has none", 0, api.get("/relay/dead-letters?route=feed-province", "admin").body().size());
        String approvedId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(province.resolve("approved-" + n + ".json").toFile()).get("id").asText();

        // the department is back: its dead letters replayed reach it with the events' own ids, and the good route never sees them twice
        Files.delete(blocked);
        Api.Answer replayed = api.post("/relay/dead-letters/replay?route=feed-dept", "admin", "{}");
        assertEquals(replayed.toString(), dead.size(), replayed.body().get("replayed").asInt());
        Api.until("the department has the case's events", Duration.ofSeconds(60), () -> Files.exists(dept.resolve("approved-" + n + ".json")));
        assertEquals("the same event id on both sides", approvedId,
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(dept.resolve("approved-" + n + ".json").toFile()).get("id").asText());
        assertFalse("the route key is not sent", Files.readString(dept.resolve("approved-" + n + ".json")).contains("_route"));
        assertEquals(0, api.get("/relay/dead-letters?route=feed-dept", "admin").body().size());
        Files.delete(province.resolve("approved-" + n + ".json"));

        // suspended: the department's route receives nothing (and makes no dead letter); resumed, it gets the backlog at once
        assertEquals("Suspended", api.post("/relay/routes/feed-dept/suspend", "admin", "{}").text("state"));
        Api.Answer c2 = api.post("/cases", "clerk-T2", Api.newCase("MZ-002", 12, Api.residentId(905), "id-card", "hardship-statement"));
        String n2 = c2.text("number");
        assertEquals("APPROVED", api.act("clerk-T2", n2, "approve", "{}").text("status"));
        Api.until("the good route has the new case", Duration.ofSeconds(60), () -> Files.exists(province.resolve("approved-" + n2 + ".json")));
        assertFalse("a suspended route receives nothing", Files.exists(dept.resolve("created-" + n2 + ".json")));
        assertEquals(0, api.get("/relay/dead-letters?route=feed-dept", "admin").body().size());
        assertEquals("Started", api.post("/relay/routes/feed-dept/resume", "admin", "{}").text("state"));
        Api.until("the backlog reaches the resumed route", Duration.ofSeconds(20), () -> Files.exists(dept.resolve("approved-" + n2 + ".json"))
                && Files.exists(dept.resolve("created-" + n2 + ".json")));
        assertFalse("the good route did not get the earlier case again", Files.exists(province.resolve("approved-" + n + ".json")));
        Files.delete(routes.resolve("feed-province.xml"));
        Files.delete(routes.resolve("feed-dept.xml"));
    }

    @Test
    public void aRouteFileWithAnErrorIsListedWithTheErrorAndTheLine_andTheRestKeepRunning() throws Exception {
        Path base = Path.of(System.getProperty("karaf.base", "."));
        Path routes = Files.createDirectories(base.resolve("routes"));
        Path out = Files.createDirectories(base.resolve("data").resolve("feed-steady"));
        Files.writeString(routes.resolve("feed-steady.xml"), feed("feed-steady", out.toAbsolutePath().toString()));
        Api.until("the good route is loaded", Duration.ofSeconds(60), () -> routeFile("feed-steady.xml") != null);
        // line 4 does not close its element
        Files.writeString(routes.resolve("broken-xml.xml"), "<routes xmlns=\"http://camel.apache.org/schema/spring\">\n<route id=\"broken-xml\">\n"
                + "<from uri=\"direct:integration-broken\"/>\n<to uri=\"log:x\">\n</route>\n</routes>\n");
        // the second route, on line 5, has no id
        Files.writeString(routes.resolve("no-id.xml"), "<routes xmlns=\"http://camel.apache.org/schema/spring\">\n"
                + "<route id=\"no-id-first\">\n<from uri=\"direct:no-id-first\"/><to uri=\"log:x\"/>\n</route>\n"
                + "<route>\n<from uri=\"direct:no-id-second\"/><to uri=\"log:x\"/>\n</route>\n</routes>\n");
        // the route on line 3 names a component nobody installed: it does not start
        Files.writeString(routes.resolve("no-component.xml"), "<routes xmlns=\"http://camel.apache.org/schema/spring\">\n\n"
                + "<route id=\"no-component\">\n<from uri=\"direct:no-component\"/>\n<to uri=\"nosuchthing:dept\"/>\n</route>\n</routes>\n");
        Api.until("the three files are listed with their errors", Duration.ofSeconds(60), () -> {
            JsonNode a = routeFile("broken-xml.xml");
            JsonNode b = routeFile("no-id.xml");
            JsonNode c = routeFile("no-component.xml");
            return a != null && b != null && c != null && a.hasNonNull("error") && b.hasNonNull("error") && c.hasNonNull("error");
        });
        JsonNode xml = routeFile("broken-xml.xml");
        assertTrue(xml.toString(), xml.path("line").asInt() >= 4 && xml.path("line").asInt() <= 5);
        assertTrue(xml.toString(), xml.get("error").asText().contains("to"));
        JsonNode noId = routeFile("no-id.xml");
        assertEquals(noId.toString(), 5, noId.path("line").asInt());
        assertTrue(noId.toString(), noId.get("error").asText().contains("id"));
        assertEquals("nothing of the refused file runs", 0, noId.get("routes").size());
        JsonNode noComponent = routeFile("no-component.xml");
        assertEquals(noComponent.toString(), 3, noComponent.path("line").asInt());
        assertTrue(noComponent.toString(), noComponent.get("error").asText().contains("nosuchthing"));
        assertEquals(0, noComponent.get("routes").size());

        // the rest keep running: the good route still takes the case events
        Api.Answer c = api.post("/cases", "clerk-T2", Api.newCase("MZ-002", 12, Api.residentId(906), "id-card", "hardship-statement"));
        String n = c.text("number");
        Api.until("the good route takes events beside the broken files", Duration.ofSeconds(60), () -> Files.exists(out.resolve("accepted-" + n + ".json")));

        // a good file broken by an edit: listed with its error, and its routes keep running as they were
        Files.writeString(routes.resolve("feed-steady.xml"), "<routes xmlns=\"http://camel.apache.org/schema/spring\">\n<route id=\"feed-steady\">\n"
                + "<from uri=\"direct:integration-feed-steady\"/>\n<to uri=\"nosuchthing:x\"/>\n</route>\n</routes>\n");
        Api.until("the edit is refused", Duration.ofSeconds(60), () -> {
            JsonNode f = routeFile("feed-steady.xml");
            return f != null && f.hasNonNull("error");
        });
        JsonNode steady = routeFile("feed-steady.xml");
        assertEquals(steady.toString(), 2, steady.path("line").asInt());
        assertEquals(steady.toString(), "Started", steady.get("routes").get(0).get("state").asText());
        assertEquals("Started", api.post("/relay/routes/feed-steady/resume", "admin", "{}").text("state"));
        Api.Answer c2 = api.post("/cases", "clerk-T2", Api.newCase("MZ-002", 12, Api.residentId(907), "id-card", "hardship-statement"));
        String n2 = c2.text("number");
        Api.until("the previous routes of the edited file still run", Duration.ofSeconds(60), () -> Files.exists(out.resolve("accepted-" + n2 + ".json")));
        for (String f : List.of("feed-steady.xml", "broken-xml.xml", "no-id.xml", "no-component.xml")) {
            Files.delete(routes.resolve(f));
        }
    }
}
