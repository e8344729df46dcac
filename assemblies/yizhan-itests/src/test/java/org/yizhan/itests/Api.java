package org.yizhan.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The v1 API as a client sees it: JSON in, JSON out, over real HTTP. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final String base;

    public Api(String base) {
        this.base = base;
    }

    /** An answer: status, body as JSON (null when empty or not JSON), and the raw response. */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        public String text(String field) {
            JsonNode n = body == null ? null : body.get(field);
            return n == null || n.isNull() ? null : n.asText();
        }

        public List<String> strings(String field) {
            List<String> list = new java.util.ArrayList<>();
            JsonNode n = body == null ? null : body.get(field);
            if (n != null) {
                for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                    list.add(it.next().asText());
                }
            }
            return list;
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /** The API's base address, e.g. http://localhost:18181/api/v1. */
    public String base() {
        return base;
    }

    public Answer get(String path, String user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), user);
    }

    public Answer post(String path, String user, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    /** A POST with an {@code Idempotency-Key} header. */
    public Answer post(String path, String user, String json, String idempotencyKey) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    public Answer post(String path, String user, JsonNode json) throws IOException, InterruptedException {
        return post(path, user, JSON.writeValueAsString(json));
    }

    public Answer put(String path, String user, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    /** A relay message to {@code /relay/inbox}, signed as the link would sign it (no account). */
    public Answer postSigned(RelayLink link, String from, String to, long timestamp, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/relay/inbox")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, java.nio.charset.StandardCharsets.UTF_8));
        link.headers(from, to, timestamp, json.getBytes(java.nio.charset.StandardCharsets.UTF_8)).forEach(b::header);
        return send(b, null);
    }

    /** Any method with a body of any content type. */
    public Answer send(String method, String path, String user, String contentType, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8)), user);
    }

    /** {@code POST /cases/{number}/actions/{action}} as the user. */
    public Answer act(String user, String number, String action, String body) throws IOException, InterruptedException {
        return post("/cases/" + number + "/actions/" + action, user, body);
    }

    /** Reads the case until it shows the status and, if given, a history event of that action (relayed cases move on their own). */
    public Answer awaitCase(String number, String user, String status, String action, java.time.Duration within) throws Exception {
        java.util.concurrent.atomic.AtomicReference<Answer> last = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            return org.awaitility.Awaitility.await("case " + number + " " + status).atMost(within).pollDelay(java.time.Duration.ZERO)
                    .pollInterval(java.time.Duration.ofMillis(100))
                    .until(() -> {
                        Answer a = get("/cases/" + number, user);
                        last.set(a);
                        return a;
                    }, a -> a.status() == 200 && status.equals(a.text("status")) && (action == null || actions(a).contains(action)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("case " + number + " never reached " + status + (action == null ? "" : " with " + action) + ": " + last.get());
        }
    }

    /** A condition a test waits for. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls the condition (Awaitility) until it holds, or fails naming what never happened. */
    public static void until(String what, java.time.Duration within, Condition condition) {
        try {
            org.awaitility.Awaitility.await(what).atMost(within).pollDelay(java.time.Duration.ZERO)
                    .pollInterval(java.time.Duration.ofMillis(100)).until(condition::holds);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("within " + within + ", never: " + what);
        }
    }

    /** The actions in a case's history, in order. */
    public static List<String> actions(Answer a) {
        List<String> list = new java.util.ArrayList<>();
        for (JsonNode ev : a.body().get("history")) {
            list.add(ev.get("action").asText());
        }
        return list;
    }

    private Answer send(HttpRequest.Builder request, String user) throws IOException, InterruptedException {
        HttpResponse<String> r = user == null ? Http.send(request, null, null)
                : Http.send(request, user.contains(":") ? user.substring(0, user.indexOf(':')) : user,
                user.contains(":") ? user.substring(user.indexOf(':') + 1) : "demo");
        JsonNode body = null;
        if (r.body() != null && !r.body().isBlank()) {
            try {
                body = JSON.readTree(r.body());
            } catch (IOException notJson) {
                body = null;
            }
        }
        return new Answer(r.statusCode(), body, r);
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A new-case body. */
    public static ObjectNode newCase(String item, long center, String idNumber, String... materials) {
        ObjectNode o = object();
        o.put("itemCode", item);
        o.put("centerId", center);
        ObjectNode a = o.putObject("applicant");
        a.put("name", "王小明");
        a.put("idType", "RESIDENT_ID");
        a.put("idNumber", idNumber);
        a.put("phone", "13900002222");
        var m = o.putArray("materials");
        for (String code : materials) {
            m.add(code);
        }
        return o;
    }

    /** An action body. */
    public static String action(String reason, Function<ObjectNode, ObjectNode> data, String... materials) {
        ObjectNode o = object();
        if (reason != null) {
            o.put("reason", reason);
        }
        var m = o.putArray("materials");
        for (String code : materials) {
            m.add(code);
        }
        data.apply(o.putObject("data"));
        return o.toString();
    }

    /** A valid resident ID number (GB 11643 check digit) born on 1980-01-01, numbered n. */
    public static String residentId(int n) {
        return residentId("19800101", n);
    }

    /** A valid resident ID number born on {@code yyyymmdd}, numbered n. */
    public static String residentId(String yyyymmdd, int n) {
        String first17 = "110105" + yyyymmdd + String.format("%03d", n % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        char[] check = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + check[sum % 11];
    }
}
