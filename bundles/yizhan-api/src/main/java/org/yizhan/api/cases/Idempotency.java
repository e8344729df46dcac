package org.yizhan.api.cases;

/**
 * A client's {@code Idempotency-Key} with a request: the key, a digest of what was asked (the
 * action and its body), and — set by the case service — whether the answer is a replay of the
 * first request with that key rather than a new change.
 */
public final class Idempotency {

    public final String key;
    public final String digest;
    /** Set by the service: true when nothing was done because the key's first request was already done. */
    public boolean replayed;

    public Idempotency(String key, String digest) {
        this.key = key;
        this.digest = digest;
    }
}
