package org.yizhan.core.internal.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.persistence.EntityManager;

import org.yizhan.core.internal.entity.CaseEntity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What this node last read or committed of a case, at the row's version: its state, its whole
 * history, and the two columns e-supervision sets without the case engine (the alert level, the
 * joint-review deadline). A read asks the database only for the row's version and alert level
 * (one statement by key instead of four) and serves the rest from here when both still match; an
 * action appends its new events to the history it finds here instead of reading the history
 * back. Nothing is trusted without that check, so a change made by another node, by a relay
 * receipt or by the retention pass is seen at the next read — every one of them moves the
 * version. Entries are snapshots: the state and the lists are never changed once cached.
 */
final class CaseCache {

    /** The cached view of a case at one version. */
    record Entry(int version, String alertLevel, String jointDeadline, CaseState state, List<CaseEvent> history) {
    }

    private final Cache<String, Entry> cache;

    CaseCache(long maxEntries) {
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    /** The entry of a row as it stands after a flush (its version then), with {@code history} as the whole history. */
    static Entry of(CaseState s, CaseEntity row, List<CaseEvent> history) {
        return new Entry(row.getOptLock(), row.getAlertLevel(), row.getJointDeadline(), s, List.copyOf(history));
    }

    /** This node's entry, if the row in the database is still at its version and alert level. */
    Entry current(EntityManager em, String number) {
        Entry e = number == null ? null : cache.getIfPresent(number);
        if (e == null) {
            return null;
        }
        List<Object[]> rows = em.createQuery("SELECT c.optLock, c.alertLevel FROM CaseEntity c WHERE c.number = :n", Object[].class)
                .setParameter("n", number).getResultList();
        if (rows.isEmpty() || ((Number) rows.get(0)[0]).intValue() != e.version() || !Objects.equals(rows.get(0)[1], e.alertLevel())) {
            cache.invalidate(number);
            return null;
        }
        return e;
    }

    /**
     * The history after an action on a row loaded at {@code loadedVersion}: the cached history
     * with the new events, when the cache holds that version; read from the database otherwise.
     */
    List<CaseEvent> historyAfter(EntityManager em, String number, int loadedVersion, List<CaseEvent> appended) {
        Entry e = cache.getIfPresent(number);
        if (e == null || e.version() != loadedVersion) {
            return CaseStore.events(em, number);
        }
        List<CaseEvent> all = new ArrayList<>(e.history().size() + appended.size());
        all.addAll(e.history());
        all.addAll(appended);
        return all;
    }

    /** Remembers committed data (call only after the transaction that wrote or read it has ended well). */
    void put(Entry e) {
        if (e != null) {
            cache.put(e.state().number, e);
        }
    }
}
