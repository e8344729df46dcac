package org.yizhan.relay.internal;

import java.net.ConnectException;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.yizhan.api.YizhanException;
import org.yizhan.api.relay.RelayRejectedException;

/**
 * What happens to a message whose delivery failed: refused by the other side (its own answer,
 * so retrying the same message will not help) or not reached; when it becomes a dead letter;
 * and how long until the next try (doubling from the base, capped).
 */
final class DeliveryPolicy {

    /** The decision for one failed delivery. */
    record Outcome(boolean rejected, boolean dead, long delayMillis) {
    }

    private final long retryBaseMillis;
    private final long retryMaxMillis;
    private final int maxAttempts;
    private final long unreachableDeadAfterMillis;

    DeliveryPolicy(long retryBaseMillis, long retryMaxMillis, int maxAttempts, long unreachableDeadAfterMillis) {
        this.retryBaseMillis = retryBaseMillis;
        this.retryMaxMillis = retryMaxMillis;
        this.maxAttempts = maxAttempts;
        this.unreachableDeadAfterMillis = unreachableDeadAfterMillis;
    }

    static DeliveryPolicy of(RelayConfig config) {
        return new DeliveryPolicy(config.retryBaseMillis(), config.retryMaxMillis(), config.maxAttempts(),
                config.unreachableDeadAfterMinutes() * 60_000L);
    }

    /**
     * After a failure: a refusal counts toward {@code maxAttempts} refusals; an unreachable
     * destination only makes a dead letter once the message is older than the limit.
     */
    Outcome after(Throwable failure, int attemptsBefore, int refusalsBefore, long ageMillis) {
        boolean rejected = rejected(failure);
        boolean dead = rejected ? refusalsBefore + 1 >= maxAttempts : ageMillis > unreachableDeadAfterMillis;
        long delay = Math.min(retryMaxMillis, retryBaseMillis << Math.min(20, attemptsBefore));
        return new Outcome(rejected, dead, delay);
    }

    /** Refused by the other side (retrying the same message will not help), as opposed to not reached. */
    static boolean rejected(Throwable x) {
        for (Throwable t = x; t != null; t = t.getCause()) {
            if (t instanceof RelayRejectedException) {
                return true;
            }
            if (t instanceof YizhanException y) {
                return y.status() != YizhanException.CONFLICT;
            }
            if (t instanceof HttpOperationFailedException h) {
                // Only the other platform's own answer (problem+json) is a refusal. A 404 is never the
                // inbox's answer (it names what is wrong with 400, 401, 403, 409): it comes from a
                // container whose API is not up yet, which is not reaching it.
                int s = h.getStatusCode();
                boolean problem = h.getResponseHeaders() != null && h.getResponseHeaders().entrySet().stream()
                        .anyMatch(e -> "content-type".equalsIgnoreCase(e.getKey()) && String.valueOf(e.getValue()).contains("problem+json"));
                return s >= 400 && s < 500 && s != 404 && s != 408 && s != 409 && s != 429 && problem;
            }
            if (t instanceof ConnectException) {
                return false;
            }
        }
        return false;
    }

}
