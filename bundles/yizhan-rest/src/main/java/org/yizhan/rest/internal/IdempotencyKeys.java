package org.yizhan.rest.internal;

import java.util.regex.Pattern;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.yizhan.api.YizhanException;
import org.yizhan.api.cases.Idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code Idempotency-Key} header of {@code POST /cases} and the case actions: checked (1 to
 * 100 letters, digits, {@code . _ : -}), and paired with a digest of what the request asks (its
 * method and path, its body as parsed), so the same key with another request can be told apart
 * from a retry. A replayed answer carries {@code Idempotent-Replayed: true}.
 */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdempotencyKeys() {
    }

    /** The request's key with its digest; null without the header. */
    static Idempotency of(HttpHeaders headers, String request, Object body) {
        String key = headers.getHeaderString(HEADER);
        if (key == null) {
            return null;
        }
        key = key.strip();
        if (!KEY.matcher(key).matches()) {
            throw YizhanException.badInput(HEADER, "Idempotency-Key is 1 to 100 letters, digits and . _ : - (a new one per request, e.g. a UUID)",
                    "幂等键须为 1 至 100 个字母、数字或 . _ : -（每个新请求一个，如 UUID）");
        }
        try {
            return new Idempotency(key, Authenticator.sha256(request + "\n" + JSON.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response.ResponseBuilder mark(Response.ResponseBuilder answer, Idempotency key) {
        return key != null && key.replayed ? answer.header(REPLAYED, "true") : answer;
    }
}
