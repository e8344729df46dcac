package org.yizhan.core.internal;

import java.time.Duration;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A small read-through cache for reference data read on every request (accounts, window
 * switches, current items), on Caffeine: bounded (least recently used entries go first, never
 * the whole cache at once) and each entry expiring {@code ttlMillis} after it was loaded, so that
 * a change made by another node sharing the database shows within that time even if its message
 * is lost; this node clears what it changes at once and, when the cache is {@link #shared shared},
 * tells the other nodes through {@link Cluster}, which clear the entry within a second.
 */
public final class TtlCache<K, V> {

    static final long MAX_ENTRIES = 100_000;

    private final Cache<K, V> cache;
    private final String name;
    private final Cluster cluster;

    public TtlCache(long ttlMillis) {
        this(ttlMillis, null, null);
    }

    private TtlCache(long ttlMillis, String name, Cluster cluster) {
        this.cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(Duration.ofMillis(ttlMillis)).build();
        this.name = name;
        this.cluster = cluster;
    }

    /**
     * A cache of reference data that other nodes may change: what this node invalidates (after its
     * change committed) the others forget too, and what they invalidate this one forgets.
     */
    public static <V> TtlCache<String, V> shared(String name, long ttlMillis, Cluster cluster) {
        TtlCache<String, V> c = new TtlCache<>(ttlMillis, name, cluster);
        cluster.onChange(name, key -> {
            if (key == null) {
                c.cache.invalidateAll();
            } else {
                c.cache.invalidate(key);
            }
        });
        return c;
    }

    /** The cached value, or the loader's (which must not return null, and must not use this cache). */
    public V get(K key, Function<K, V> loader) {
        return cache.get(key, loader);
    }

    /** Forgets one entry, here and (shared) on the other nodes; called after the change committed. */
    public void invalidate(K key) {
        cache.invalidate(key);
        if (cluster != null) {
            cluster.changed(name, String.valueOf(key));
        }
    }

    /** Forgets everything, here and (shared) on the other nodes; called after the change committed. */
    public void clear() {
        cache.invalidateAll();
        if (cluster != null) {
            cluster.changed(name, null);
        }
    }
}
