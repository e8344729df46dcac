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
        return new Option[] {editConfigurationFilePut("etc/org.yizhan.integration.cfg", "allow.dept-opinions", "construction:opinion, *:pause"),
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
        assertEquals(0, count(in.resolve("failed")));

        // an action the route is not allowed: refused, the file in the route's dead letters, the rule in the audit log
        Files.writeString(in.resolve("msg-2.json"), "{\"caseNumber\":\"" + n + "\",\"action\":\"approve\",\"department\":\"县农业农村局\"}");
        Api.until("the refused message is dead-lettered", Duration.ofSeconds(60), () -> count(in.resolve("failed")) == 1);
        assertEquals("IN_REVIEW", api.get("/cases/" + n, "clerk-T1").text("status"));
        JsonNode audit = api.get("/audit?kind=INTEGRATION_REFUSED&size=10", "admin").body();
        assertTrue(audit.toString(), audit.toString().contains("allow.dept-opinions") && audit.toString().contains("msg-2"));

        // a message without its department names the field
        Files.writeString(in.resolve("msg-3.json"), "{\"caseNumber\":\"" + n + "\",\"action\":\"pause\"}");
        Api.until("the message without a department is dead-lettered", Duration.ofSeconds(60), () -> count(in.resolve("failed")) == 2);
        assertTrue(api.get("/audit?kind=INTEGRATION_REFUSED&size=10", "admin").raw().body().contains("field department"));

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
        assertEquals("IN_REVIEW", api.act("clerk-T1", n, "resume", "{\"reason\":\"勘查完毕\"}").text("status"));

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
}
