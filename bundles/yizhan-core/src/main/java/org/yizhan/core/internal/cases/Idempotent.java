package org.yizhan.core.internal.cases;

import javax.persistence.EntityManager;

import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.cases.Idempotency;
import org.yizhan.core.internal.Hashes;
import org.yizhan.core.internal.entity.InboxEntity;

/**
 * Idempotency keys of staff requests ({@code Idempotency-Key} on {@code POST /cases} and the
 * actions): kept in YZ_INBOX (kind REQUEST) beside relay messages, keyed by the caller and the
 * key, with the digest of what was asked and the case it touched, written in the transaction of
 * the change itself — so a change and its key commit together or not at all, and two copies of
 * one request arriving at once meet on the row's key (the second is then answered as a replay).
 * Kept a day (the outbox purge removes older ones).
 */
final class Idempotent {

    static final String KIND = "REQUEST";
    static final String FIELD = "Idempotency-Key";

    private Idempotent() {
    }

    private static String id(Caller caller, Idempotency k) {
        return Hashes.key("req-", caller.user(), k.key);
    }

    /**
     * The case the caller's earlier request with this key touched; null when there was none. The
     * same key with another request (another action, body or case) is refused.
     */
    static String seen(EntityManager em, Caller caller, Idempotency k, String number) {
        if (k == null) {
            return null;
        }
        InboxEntity row = em.find(InboxEntity.class, id(caller, k));
        if (row == null) {
            return null;
        }
        if (!k.digest.equals(row.getDigest()) || (number != null && !number.equals(row.getCaseNumber()))) {
            throw YizhanException.refused(FIELD, "This Idempotency-Key was used with another request; use a new key for a new request",
                    "该幂等键已用于另一请求，新请求请使用新的键");
        }
        k.replayed = true;
        return row.getCaseNumber();
    }

    /** Records the key with the change it made, in the change's transaction. */
    static void remember(EntityManager em, Caller caller, Idempotency k, String number, long nowMillis) {
        if (k == null) {
            return;
        }
        InboxEntity row = new InboxEntity();
        row.setId(id(caller, k));
        row.setKind(KIND);
        row.setCaseNumber(number);
        row.setDigest(k.digest);
        row.setReceivedAtMillis(nowMillis);
        em.persist(row);
    }
}
