package org.yizhan.core.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small read-through cache for reference data read on every request (staff centers, window
 * switches, current items). Entries live {@code ttlMillis} so that a change made by another
 * node sharing the database shows within that time; this node clears what it changes at once.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, long expires) {
    }

    private final long ttlMillis;
    private final Map<K, Entry<V>> map = new ConcurrentHashMap<>();

    public TtlCache(long ttlMillis) {
        this.ttlMillis = ttlMillis;
    }

    public V get(K key, Function<K, V> loader) {
        long now = System.currentTimeMillis();
        Entry<V> e = map.get(key);
        if (e == null || e.expires() < now) {
            V value = loader.apply(key);
            if (map.size() > 100_000) {
                map.clear();
            }
            map.put(key, new Entry<>(value, now + ttlMillis));
            return value;
        }
        return e.value();
    }

    public void invalidate(K key) {
        map.remove(key);
    }

    public void clear() {
        map.clear();
    }
}
