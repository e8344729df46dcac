package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The served OpenAPI description as a contract, checked against the running distribution:
 * real answers match the schemas it declares, and requests generated from it — every operation
 * with missing and wrong-typed fields, huge and deep bodies, bad dates, hostile path values,
 * anonymous and other roles' calls — never get a 5xx, every refusal is problem+json and no
 * refused request changes anything.
 */
public class ContractIT {

    private static final int PORT = 28185;
    private static Distribution karaf;
    private static Api api;
    private static String base;
    private static JsonNode spec;
    private static ObjectNode definitions;
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    /** A case of the demo data made for this test (at T1, decided there). */
    private static String caseNumber;
    private static String lookupCode;

    @BeforeClass
    public static void start() throws Exception {
        karaf = Distribution.unpack("contract-it", PORT, 28105);
        // hundreds of generated requests are refused at the relay inbox from this one address: the
        // per-address limit on refusals (LimitsIT's subject) would turn the later ones into 429s
        karaf.setConfig("org.yizhan.rest.cfg", "relayRefusalsPerAddress", "100000");
        // and the public endpoints (lookups, ratings, complaints) take hundreds of requests from it too
        karaf.setConfig("org.yizhan.rest.cfg", "lookupsPerAddress", "100000");
        karaf.start();
        karaf.awaitHealthUp(Duration.ofSeconds(180));
        base = karaf.baseUrl();
        api = new Api(base);
        spec = Api.JSON.readTree(Http.get(base + "/openapi.json").body());
        String schemas = Api.JSON.writeValueAsString(spec.get("components").get("schemas")).replace("#/components/schemas/", "#/definitions/");
        definitions = (ObjectNode) Api.JSON.readTree(schemas);
        // every user signs in once, so later calls are remembered sign-ins (no audit entry of their own)
        for (String user : List.of("admin", "supervisor", "clerk-T1", "clerk-T2", "agent-T1V1", "agent-T2V1", "town-admin-T1",
                "town-admin-T2", "relay")) {
            assertEquals(user, 200, api.get("/me", user).status());
        }
        Api.Answer c = api.post("/cases", "clerk-T1", Api.newCase("MZ-002", 11, Api.residentId(7), "id-card", "hardship-statement"));
        assertEquals(c.toString(), 201, c.status());
        caseNumber = c.text("number");
        lookupCode = c.text("lookupCode");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    // ------------------------------------------------------------------ the description itself

    @Test
    public void everyOperationHasAnIdASummaryASuccessSchemaAndTheProblemResponse() {
        Set<String> ids = new HashSet<>();
        forEachOperation((path, method, op) -> {
            String where = method + " " + path;
            assertTrue(where + " has a unique operation id", ids.add(op.path("operationId").asText()));
            assertFalse(where + " has a summary", op.path("summary").asText().isBlank());
            assertTrue(where + " refusals are problems", op.path("responses").has("4XX"));
            boolean success = false;
            for (Iterator<String> codes = op.path("responses").fieldNames(); codes.hasNext(); ) {
                String code = codes.next();
                if (code.startsWith("2")) {
                    success = true;
                    assertTrue(where + " " + code + " has a body schema", "204".equals(code)
                            || op.path("responses").path(code).path("content").elements().next().has("schema"));
                }
            }
            assertTrue(where + " declares its success", success);
            for (JsonNode p : op.path("parameters")) {
                assertTrue(where + " " + p.path("name").asText() + " is typed", p.path("schema").has("type"));
            }
        });
        JsonNode open = spec.path("paths").path("/public/cases/{number}").path("get").path("security");
        assertTrue("the public lookup needs no sign-in", open.isArray() && open.isEmpty());
        assertEquals("everything else needs HTTP Basic", "basic", spec.path("security").get(0).fieldNames().next());
    }

    // ------------------------------------------------------------------ who may call what

    /** The callers of the matrix, in its column order (the relay account is left with no rights: relay messages are signed by links). */
    private static final List<String> CALLERS = List.of("anonymous", "clerk-T1", "clerk-T2", "agent-T1V1", "agent-T2V1",
            "town-admin-T1", "town-admin-T2", "supervisor", "admin", "relay");

    /**
     * Every role against the endpoints, at its own center and at another: one row per request,
     * one status per caller in {@link #CALLERS} order. {@code {N}} is a case taken at T1. Writes
     * carry a body that passes authorization but not validation, so an allowed caller gets 400
     * and nothing changes.
     */
    private static final String[][] MATRIX = {
            {"GET /centers", "200 200 200 200 200 200 200 200 200 200"},
            {"GET /me", "401 200 200 200 200 200 200 200 200 200"},
            {"GET /cases?size=1", "401 200 200 200 200 200 200 200 200 403"},
            {"GET /cases/{N}", "401 200 404 404 404 200 404 200 200 403"},
            {"GET /cases/{N}/history/verify", "401 200 404 404 404 200 404 200 200 403"},
            {"GET /centers/111/ledger", "401 200 403 200 403 200 403 200 200 403"},
            {"GET /centers/121/ledger", "401 403 200 403 200 403 200 200 200 403"},
            {"GET /supervision/alerts", "401 200 200 200 200 200 200 200 200 403"},
            {"GET /relay/status", "401 403 403 403 403 200 200 200 200 403"},
            {"GET /relay/dead-letters", "401 403 403 403 403 403 403 403 200 403"},
            {"GET /admin/staff", "401 403 403 403 403 200 200 403 200 403"},
            {"GET /admin/staff/clerk-T1", "401 403 403 403 403 200 404 403 200 403"},
            {"GET /admin/staff/clerk-T2", "401 403 403 403 403 404 200 403 200 403"},
            {"GET /audit?size=1", "401 403 403 403 403 403 403 200 200 403"},
            {"POST /cases", "401 400 400 400 400 403 403 403 403 403"},
            {"POST /centers/111/ledger", "401 403 403 400 403 403 403 403 403 403"},
            {"PUT /relay/transports/T1", "401 403 403 403 403 403 403 403 400 403"},
            {"POST /relay/inbox", "401 401 401 401 401 401 401 401 401 401"},   // no account: a link signature only
            {"POST /admin/centers", "401 403 403 403 403 403 403 403 400 403"},
            {"POST /admin/staff", "401 403 403 403 403 400 400 403 400 403"},
            {"GET /rectifications", "401 200 200 200 200 200 200 200 200 403"},
            {"GET /ratings/unrated", "401 200 200 200 200 200 200 200 200 403"},
            {"POST /cases/{N}/rating", "401 400 400 400 400 403 403 403 403 403"},
            {"GET /complaints", "401 403 403 403 403 200 200 200 200 403"},
            {"POST /complaints", "401 403 403 403 403 403 403 400 400 403"},
            {"POST /public/complaints", "400 400 400 400 400 400 400 400 400 400"},   // the public's: no account needed
            {"GET /public/assessments?period=2026", "200 200 200 200 200 200 200 200 200 200"},
    };

    @Test
    public void everyRoleAtItsOwnAndAnotherCenter_fromOneTable() {
        List<String> wrong = new ArrayList<>();
        for (String[] row : MATRIX) {
            String method = row[0].substring(0, row[0].indexOf(' '));
            String path = row[0].substring(row[0].indexOf(' ') + 1).replace("{N}", caseNumber);
            String[] expected = row[1].split(" ");
            for (int i = 0; i < CALLERS.size(); i++) {
                String user = i == 0 ? null : CALLERS.get(i);
                HttpResponse<String> r = send(method, base + path, user, "application/json", "GET".equals(method) ? null : "{\"x\":1}");
                if (!expected[i].equals(Integer.toString(r.statusCode()))) {
                    wrong.add(row[0] + " as " + CALLERS.get(i) + ": " + r.statusCode() + ", expected " + expected[i] + " " + clip(r.body()));
                }
            }
        }
        assertTrue(wrong.size() + " cells differ:\n" + String.join("\n", wrong), wrong.isEmpty());
    }

    // ------------------------------------------------------------------ real answers against the schemas

    @Test
    public void realAnswersMatchTheDeclaredSchemas() throws Exception {
        Map<String, String> gets = new LinkedHashMap<>();
        gets.put("/health", null);
        gets.put("/centers", null);
        gets.put("/centers/11/windows", null);
        gets.put("/centers/111/ledger", "agent-T1V1");
        gets.put("/items?center=11", null);
        gets.put("/items/MZ-002", null);
        gets.put("/windows/modules", null);
        gets.put("/calendar/due?center=11&from=2026-12-01&workingDays=5", null);
        gets.put("/calendar/working-days?center=11&from=2026-12-01&to=2026-12-31", null);
        gets.put("/calendar/years", null);
        gets.put("/public/cases/" + caseNumber + "?lookupCode=" + lookupCode, null);
        gets.put("/me", "clerk-T1");
        gets.put("/cases?size=5", "clerk-T1");
        gets.put("/cases/" + caseNumber, "clerk-T1");
        gets.put("/cases/" + caseNumber + "/history/verify", "clerk-T1");
        gets.put("/supervision/alerts", "supervisor");
        gets.put("/supervision/rates?from=2026-01-01&to=2026-12-31", "supervisor");
        gets.put("/relay/status", "admin");
        gets.put("/relay/transports", "admin");
        gets.put("/relay/routes", "admin");
        gets.put("/relay/dead-letters", "admin");
        gets.put("/admin/staff", "admin");
        gets.put("/admin/staff/clerk-T1", "admin");
        gets.put("/audit?size=5", "admin");
        gets.put("/audit/verify", "admin");
        gets.put("/rectifications", "supervisor");
        gets.put("/complaints", "supervisor");
        gets.put("/ratings/unrated", "clerk-T1");
        gets.put("/public/assessments?period=2026-Q4", null);
        for (Map.Entry<String, String> g : gets.entrySet()) {
            Api.Answer a = api.get(g.getKey(), g.getValue());
            assertEquals(g.getKey() + ": " + a, 200, a.status());
            assertMatches("GET", g.getKey(), a);
        }
        Api.Answer review = api.act("clerk-T1", caseNumber, "start-review", "{}");
        assertMatches("POST", "/cases/" + caseNumber + "/actions/start-review", review);
        assertMatches("POST", "/supervision/scan", api.post("/supervision/scan", "supervisor", "{}"));
        assertMatches("POST", "/centers/111/ledger", api.post("/centers/111/ledger", "agent-T1V1",
                "{\"visitorName\":\"孙七\",\"note\":\"咨询\"}"));
        Api.Answer center = api.post("/admin/centers", "admin", "{\"code\":\"T1V9\",\"name\":\"九村代办点\",\"level\":\"VILLAGE\",\"parentId\":11}");
        assertMatches("POST", "/admin/centers", center);
        Api.Answer staff = api.post("/admin/staff", "admin",
                "{\"username\":\"clerk-contract\",\"name\":\"契约\",\"centerId\":11,\"roles\":[\"clerk\"]}");
        assertMatches("POST", "/admin/staff", staff);
        Api.Answer web = api.post("/public/complaints", null, "{\"category\":\"OTHER\",\"text\":\"契约\",\"centerId\":11,"
                + "\"complainant\":{\"name\":\"契约\",\"phone\":\"13800000000\"}}");
        assertMatches("POST", "/public/complaints", web);
        assertMatches("GET", "/public/complaints/" + web.text("number") + "?lookupCode=" + web.text("lookupCode"),
                api.get("/public/complaints/" + web.text("number") + "?lookupCode=" + web.text("lookupCode"), null));
        assertMatches("POST", "/complaints", api.post("/complaints", "supervisor", "{\"category\":\"RULES\",\"form\":\"ORAL\","
                + "\"text\":\"契约\",\"centerId\":11,\"complainant\":{\"name\":\"契约\"}}"));
        assertMatches("GET", "/complaints/" + web.text("number"), api.get("/complaints/" + web.text("number"), "supervisor"));
        // and a refusal is the problem the description declares
        assertMatches("GET", "/cases/NO-SUCH", api.get("/cases/NO-SUCH", "clerk-T1"));
    }

    /** The answer's status is declared for the operation and its body matches that status's schema. */
    private static void assertMatches(String method, String url, Api.Answer a) throws Exception {
        JsonNode op = operationFor(method, url);
        assertNotNull("an operation of the description serves " + method + " " + url, op);
        String code = Integer.toString(a.status());
        JsonNode response = op.path("responses").has(code) ? op.path("responses").path(code)
                : op.path("responses").path(code.charAt(0) + "XX");
        assertFalse(method + " " + url + " answered " + code + ", which the description does not declare", response.isMissingNode());
        if (response.has("$ref")) {
            String name = response.get("$ref").asText().replace("#/components/responses/", "");
            response = spec.path("components").path("responses").path(name);
        }
        if ("204".equals(code)) {
            return;
        }
        JsonNode content = response.path("content");
        String type = content.fieldNames().next();
        assertEquals(method + " " + url + " content type", type, a.contentType().split(";")[0].trim());
        ObjectNode schema = (ObjectNode) Api.JSON.readTree(Api.JSON.writeValueAsString(content.path(type).path("schema"))
                .replace("#/components/schemas/", "#/definitions/"));
        schema.set("definitions", definitions);
        JsonSchema validator = SCHEMAS.getSchema(schema);
        Set<ValidationMessage> errors = validator.validate(a.body());
        assertTrue(method + " " + url + " " + code + " does not match its schema: " + errors + "\n" + a.raw().body(), errors.isEmpty());
    }

    // ------------------------------------------------------------------ requests generated from the description

    @Test
    public void hostileRequestsNeverGetAServerError_andRefusalsChangeNothing() throws Exception {
        check((path, method, op) -> hostile(path, method, op));
    }

    /**
     * A NUL or dot segments in the path and a character set that does not exist are refused by
     * Jetty and CXF before the application: the answers are problem+json all the same.
     */
    @Test
    public void errorsBeforeTheApplicationAreProblemsToo() throws Exception {
        check((path, method, op) -> hostile(path, method, op, PATH_VALUES_REFUSED_BEFORE_THE_API, true));
    }

    /** What the server refuses before any web context: too long, unparseable, outside every context. */
    @Test
    public void theServersOwnRefusalsAreProblems() throws Exception {
        String huge = "a".repeat(20_000);
        record Raw(String why, int status, String method, String url, String header) {
        }
        List<Raw> raws = List.of(
                new Raw("URI too long", 414, "GET", base + "/cases?q=" + huge, null),
                new Raw("headers too large", 431, "DELETE", base + "/health", huge),
                new Raw("a NUL in the path", 400, "GET", base + "/cases/%00", null),
                new Raw("dot segments leaving the API", 404, "GET", base + "/../../etc/passwd", null),
                new Raw("a method the browser UI does not take", 405, "PUT", base.replace("/api/v1", "/index.html"), null),
                new Raw("a path no endpoint serves", 404, "GET", base.replace("/api/v1", "/api/services"), null));
        List<String> failures = new ArrayList<>();
        for (Raw raw : raws) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(raw.url())).method(raw.method(), HttpRequest.BodyPublishers.noBody());
            if (raw.header() != null) {
                b.header("X-Big", raw.header());
            }
            HttpResponse<String> r = Http.send(b, null, null);
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode body = type.startsWith("application/problem+json") ? Api.JSON.readTree(r.body()) : null;
            if (r.statusCode() != raw.status() || body == null || body.path("status").asInt() != raw.status()
                    || body.path("detailZh").asText().isEmpty() || r.body().contains("etc/passwd") || r.body().contains("aaaa")) {
                failures.add(raw.why() + " -> " + r.statusCode() + " " + type + " " + clip(r.body()));
            }
        }
        assertTrue(String.join("\n", failures), failures.isEmpty());
    }

    private interface Generator {
        List<Hostile> requests(String path, String method, JsonNode op);
    }

    private static void check(Generator generator) {
        List<String> failures = new ArrayList<>();
        int[] sent = {0};
        // the state before a request is the state after the one before it, unless that one succeeded
        String[] known = {null};
        forEachOperation((path, method, op) -> {
            for (Hostile h : generator.requests(path, method, op)) {
                String before = known[0] != null ? known[0] : fingerprint();
                known[0] = null;
                HttpResponse<String> r = send(method, h.url(), h.user(), h.contentType(), h.body());
                sent[0]++;
                String what = method + " " + h.url().replace(base, "") + " as " + h.user() + " (" + h.why() + ") -> " + r.statusCode();
                if (r.statusCode() >= 500) {
                    failures.add(what + " " + clip(r.body()));
                } else if (r.statusCode() >= 400) {
                    String type = r.headers().firstValue("Content-Type").orElse("");
                    if (!type.startsWith("application/problem+json")) {
                        failures.add(what + " is not problem+json but " + type + " " + clip(r.body()));
                    }
                    String after = fingerprint();
                    if (!before.equals(after)) {
                        failures.add(what + " was refused but changed " + before + " -> " + after);
                    }
                    known[0] = after;
                }
            }
        });
        System.out.printf("contract: %d generated requests%n", sent[0]);
        assertTrue(failures.size() + " of " + sent[0] + " generated requests broke the contract:\n" + String.join("\n", failures),
                failures.isEmpty());
    }

    private record Hostile(String url, String user, String contentType, String body, String why) {
    }

    private static final List<String> HOSTILE_PATH_VALUES = List.of("0", "-1", "99999999999999999999", "x".repeat(300),
            "%3Cscript%3E", "%E4%B8%80", "%20");
    /** Refused by Jetty or CXF before the application. */
    private static final List<String> PATH_VALUES_REFUSED_BEFORE_THE_API = List.of("%00", "..%2F..%2Fetc%2Fpasswd");
    private static final List<String> HOSTILE_QUERY_VALUES = List.of("abc", "-1", "99999999999999999999", "2026-13-45",
            "+9999999-12-31", "0001-01-01", "", "%27%20OR%201%3D1");

    /** The generated requests for one operation. */
    private static List<Hostile> hostile(String path, String method, JsonNode op) {
        return hostile(path, method, op, HOSTILE_PATH_VALUES, false);
    }

    private static List<Hostile> hostile(String path, String method, JsonNode op, List<String> pathValues, boolean beforeTheApi) {
        List<Hostile> list = new ArrayList<>();
        boolean open = op.path("security").isArray() && op.path("security").isEmpty();
        String good = fill(path);
        String user = open ? null : "admin";
        boolean hasBody = op.has("requestBody");
        String json = "application/json";
        String goodBody = hasBody ? "{}" : null;
        if (beforeTheApi) {
            if (hasBody) {
                list.add(new Hostile(base + good, user, "application/json; charset=bogus", "{}", "bogus charset"));
            }
        } else if (!open) {
            list.add(new Hostile(base + good, null, json, goodBody, "anonymous"));
            list.add(new Hostile(base + good, "agent-T2V1", json, goodBody, "a village agent of another town"));
        }
        // hostile path values, one parameter at a time
        for (String name : pathParams(path)) {
            for (String v : pathValues) {
                list.add(new Hostile(base + fill(path.replace("{" + name + "}", v)), user, json, goodBody, "path " + name));
            }
        }
        if (beforeTheApi) {
            return list;
        }
        // hostile query values, one parameter at a time, the others absent
        for (JsonNode p : op.path("parameters")) {
            if ("query".equals(p.path("in").asText())) {
                for (String v : HOSTILE_QUERY_VALUES) {
                    list.add(new Hostile(base + good + "?" + p.path("name").asText() + "=" + v, user, json, goodBody,
                            "query " + p.path("name").asText()));
                }
            }
        }
        if (hasBody) {
            String type = op.path("requestBody").path("content").fieldNames().next();
            for (String body : List.of("", "null", "[]", "\"x\"", "{", "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}",
                    "{\"x\":\"" + "y".repeat(1_100_000) + "\"}")) {
                list.add(new Hostile(base + good, user, type, body, "body " + clip(body)));
            }
            JsonNode schema = op.path("requestBody").path("content").path(type).path("schema");
            JsonNode properties = resolve(schema).path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                // an object where a text is due (Jackson would take a number as its text), a text elsewhere
                String wrong = "string".equals(resolve(f.getValue()).path("type").asText()) ? "{}" : "\"wrong\"";
                list.add(new Hostile(base + good, user, type, "{\"" + f.getKey() + "\":" + wrong + "}", "field " + f.getKey() + " wrong type"));
                list.add(new Hostile(base + good, user, type, "{\"" + f.getKey() + "\":\"" + "z".repeat(70_000) + "\"}",
                        "field " + f.getKey() + " huge"));
            }
        }
        return list;
    }

    /** A path with its parameters filled from the demo data. */
    private static String fill(String path) {
        return path.replace("{id}", "11").replace("{number}", caseNumber).replace("{action}", "start-review")
                .replace("{code}", "MZ-002").replace("{type}", "civil-affairs").replace("{center}", "T1")
                .replace("{username}", "clerk-T1");
    }

    private static List<String> pathParams(String path) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static JsonNode resolve(JsonNode schema) {
        return schema.has("$ref") ? spec.at("/components/schemas/" + schema.get("$ref").asText().replace("#/components/schemas/", ""))
                : schema;
    }

    /**
     * What a refused request must leave as it was: cases, a case's history, centers, staff, the
     * outbox. (Not the audit log: it records refused attempts, such as a wrong old password, on purpose.)
     */
    private static String fingerprint() {
        try {
            return api.get("/cases?size=1", "admin").body().path("total").asText() + "/"
                    + api.get("/centers", null).body().size() + "/"
                    + api.get("/admin/staff", "admin").body().size() + "/"
                    + api.get("/cases/" + caseNumber, "admin").body().path("history").size() + "/"
                    + api.get("/relay/status", "admin").body().path("pending").asText() + "/"
                    + api.get("/complaints", "admin").body().size() + "/"
                    + api.get("/rectifications", "admin").body().size();
        } catch (Exception e) {
            throw new AssertionError("fingerprint", e);
        }
    }

    private static HttpResponse<String> send(String method, String url, String user, String contentType, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            return Http.send(b, user, user == null ? null : "demo");
        } catch (Exception e) {
            throw new AssertionError(method + " " + url, e);
        }
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }

    @FunctionalInterface
    private interface OperationVisitor {
        void visit(String path, String method, JsonNode op) throws Exception;
    }

    private static void forEachOperation(OperationVisitor v) {
        spec.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            try {
                v.visit(p.getKey(), m.getKey().toUpperCase(), m.getValue());
            } catch (Exception e) {
                throw new AssertionError(m.getKey() + " " + p.getKey(), e);
            }
        }));
    }

    /** The operation of the description that serves a concrete method and URL. */
    private static JsonNode operationFor(String method, String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String pattern = "^" + p.getKey().replaceAll("\\{\\w+}", "[^/]+") + "$";
            if (path.matches(pattern) && p.getValue().has(method.toLowerCase())) {
                // a literal path wins over a templated one (/dead-letters/replay over /dead-letters/{id}/replay)
                return p.getValue().get(method.toLowerCase());
            }
        }
        return null;
    }
}
