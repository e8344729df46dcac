package org.yizhan.core.internal.cases;

import org.yizhan.core.internal.common.EventData;
import java.util.List;
import java.util.Objects;

import org.yizhan.api.cases.VerificationDTO;

/**
 * The tamper-evident history: each event's hash covers its own fields and the previous event's
 * hash, so editing, inserting or deleting any stored event breaks the chain from there on. The
 * hash is the installation's {@link org.yizhan.core.internal.ChainKey} (an HMAC under a key kept
 * outside the database), so the chain cannot be recomputed from the database alone.
 */
public final class HistoryChain {

    /** How an event's fields become its hash. */
    @FunctionalInterface
    public interface Hasher {
        String hash(String... fields);
    }

    /** The "previous hash" of a case's first event. */
    public static final String GENESIS = org.yizhan.core.internal.Hashes.GENESIS;

    private HistoryChain() {
    }

    public static String hash(Hasher hasher, String caseNumber, CaseEvent e) {
        return hasher.hash(
                caseNumber,
                Integer.toString(e.seq),
                Long.toString(e.atMillis),
                Objects.toString(e.actor, ""),
                Objects.toString(e.role, ""),
                Objects.toString(e.centerId, ""),
                Objects.toString(e.action, ""),
                Objects.toString(e.from, ""),
                Objects.toString(e.to, ""),
                Objects.toString(e.reason, ""),
                EventData.encode(e.data),
                Objects.toString(e.prevHash, ""));
    }

    /** Gives each new event its seq and hashes, continuing the case's chain; updates the case's head. */
    public static void seal(Hasher hasher, CaseState state, List<CaseEvent> events) {
        for (CaseEvent e : events) {
            e.seq = state.eventCount + 1;
            e.prevHash = state.lastHash == null ? GENESIS : state.lastHash;
            e.hash = hash(hasher, state.number, e);
            state.eventCount = e.seq;
            state.lastHash = e.hash;
        }
    }

    /**
     * Re-computes the chain of stored events (ordered by seq) and checks it ends at the head the
     * case row records, so a deleted last event shows as well.
     */
    public static VerificationDTO verify(Hasher hasher, String caseNumber, List<CaseEvent> events, int headCount, String headHash) {
        VerificationDTO v = new VerificationDTO();
        v.events = events.size();
        String prev = GENESIS;
        int expectedSeq = 1;
        for (CaseEvent e : events) {
            if (e.seq != expectedSeq || !prev.equals(e.prevHash) || !hash(hasher, caseNumber, e).equals(e.hash)) {
                v.valid = false;
                v.brokenAt = expectedSeq;
                return v;
            }
            prev = e.hash;
            expectedSeq++;
        }
        if (events.size() != headCount || !prev.equals(headHash == null ? GENESIS : headHash)) {
            v.valid = false;
            v.brokenAt = Math.min(events.size(), headCount) + 1;
            return v;
        }
        v.valid = true;
        return v;
    }
}
