package org.yizhan.rest.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.yizhan.api.YizhanException;

/**
 * Per source address limits (Bucket4j token buckets, one per address, kept in a bounded Caffeine
 * cache): failed sign-ins, so nobody can try passwords faster than the limit allows — once an
 * address has used its failures, every sign-in from it that is not already remembered waits
 * (429 with Retry-After) before any password is checked — and public case lookups, so lookup
 * codes cannot be guessed in bulk — and refused relay messages, each of which is audited.
 */
final class RateLimits {

    private static final int MAX_ADDRESSES = 100_000;

    private final Limit signInFailures;
    private final Limit lookups;
    private final Limit relayRefusals;

    RateLimits(int signInFailures, Duration signInWindow, int lookups, Duration lookupWindow) {
        this(signInFailures, signInWindow, lookups, lookupWindow, signInFailures, signInWindow);
    }

    RateLimits(int signInFailures, Duration signInWindow, int lookups, Duration lookupWindow, int relayRefusals, Duration relayWindow) {
        this.signInFailures = new Limit(signInFailures, signInWindow);
        this.lookups = new Limit(lookups, lookupWindow);
        this.relayRefusals = new Limit(relayRefusals, relayWindow);
    }

    /**
     * 429 when this address has sent its allowance of refused relay messages (forged, old,
     * misrouted): a refusal costs an audit entry, so nobody may make the platform write them in bulk.
     */
    void beforeRelay(String address) {
        Bucket b = relayRefusals.bucket(address);
        if (b.getAvailableTokens() <= 0) {
            throw tooMany(b.estimateAbilityToConsume(1).getNanosToWaitForRefill(),
                    "Too many refused relay messages from this address; wait before trying again",
                    "该地址被拒收的报送消息过多，请稍后再试");
        }
    }

    /** Counts a refused relay message against its address. */
    void relayRefused(String address) {
        relayRefusals.bucket(address).tryConsume(1);
    }

    /** 429 when this address has used up its failed sign-ins; checks only, takes nothing. */
    void beforeSignIn(String address) {
        Bucket b = signInFailures.bucket(address);
        if (b.getAvailableTokens() <= 0) {
            throw tooMany(b.estimateAbilityToConsume(1).getNanosToWaitForRefill(),
                    "Too many failed sign-ins from this address; wait before trying again",
                    "该地址登录失败次数过多，请稍后再试");
        }
    }

    /** Counts a failed sign-in against this address. */
    void signInFailed(String address) {
        signInFailures.bucket(address).tryConsume(1);
    }

    /** Takes one public lookup from this address's allowance, or 429. */
    void lookup(String address) {
        ConsumptionProbe p = lookups.bucket(address).tryConsumeAndReturnRemaining(1);
        if (!p.isConsumed()) {
            throw tooMany(p.getNanosToWaitForRefill(), "Too many case lookups from this address; wait before trying again",
                    "该地址查询次数过多，请稍后再试");
        }
    }

    private static TooManyRequests tooMany(long nanos, String message, String messageZh) {
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        return new TooManyRequests(seconds, message + " (" + seconds + " s)", messageZh + "（" + seconds + " 秒）");
    }

    /** One kind of limit: a bucket per address that refills its capacity evenly over the window. */
    private static final class Limit {
        private final int capacity;
        private final Duration window;
        private final Cache<String, Bucket> buckets;

        Limit(int capacity, Duration window) {
            this.capacity = Math.max(1, capacity);
            this.window = window;
            // an address unseen for a whole window has a full bucket again: forgetting it changes nothing
            this.buckets = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES).expireAfterAccess(window).build();
        }

        Bucket bucket(String address) {
            return buckets.get(address == null ? "unknown" : address, a -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                    .build());
        }
    }

    /** 429 Too Many Requests, with the seconds to wait for the Retry-After header. */
    static final class TooManyRequests extends YizhanException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds, String message, String messageZh) {
            super("urn:yizhan:problem:too-many-requests", 429, message, messageZh, null, null, null, null);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
