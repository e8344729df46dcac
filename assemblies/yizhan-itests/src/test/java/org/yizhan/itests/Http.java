package org.yizhan.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/** A small HTTP client for tests: real requests against a running distribution. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), null, null);
    }

    public static HttpResponse<String> get(String url, String user, String password)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), user, password);
    }

    public static HttpResponse<String> send(HttpRequest.Builder request, String user, String password)
            throws IOException, InterruptedException {
        request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Polls {@code url} until an answer satisfies {@code done} or the deadline passes; returns the
     * last answer (null if nothing ever answered). Waiting for a condition, not for a fixed time.
     */
    public static HttpResponse<String> awaitGet(String url, Duration deadline, Predicate<HttpResponse<String>> done) {
        java.util.concurrent.atomic.AtomicReference<HttpResponse<String>> last = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            return org.awaitility.Awaitility.await("GET " + url).atMost(deadline).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        try {
                            last.set(get(url));
                        } catch (IOException notYetListening) {
                            // the container is still starting
                        }
                        return last.get();
                    }, r -> r != null && done.test(r));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return last.get();
        }
    }
}
