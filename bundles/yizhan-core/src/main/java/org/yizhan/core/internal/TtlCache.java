package org.yizhan.core.internal;

import java.time.Duration;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A small read-through cache for reference data read on every request (accounts, window
 * switches, current items), on Caffeine: bounded (least recently used entries go first, never
 * the whole cache at once) and each entry expiring {@code ttlMillis} after it was loaded, so that
 * a change made by another node sharing the database shows within that time; this node clears
 * what it changes at once.
 */
public final class TtlCache<K, V> {

    static final long MAX_ENTRIES = 100_000;

    private final Cache<K, V> cache;

    public TtlCache(long ttlMillis) {
        this.cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(Duration.ofMillis(ttlMillis)).build();
    }

    /** The cached value, or the loader's (which must not return null, and must not use this cache). */
    public V get(K key, Function<K, V> loader) {
        return cache.get(key, loader);
    }

    public void invalidate(K key) {
        cache.invalidate(key);
    }

    public void clear() {
        cache.invalidateAll();
    }
}
