package org.yizhan.core.internal.cases;

import org.yizhan.core.internal.common.EventData;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.yizhan.api.cases.VerificationDTO;

/** The hash chain detects an edited, removed or re-ordered event, even when the chain is recomputed without the key. */
public class HistoryChainTest {

    private static final HistoryChain.Hasher KEY = Fixtures.CHAIN;

    @Test
    public void anEditWithTheChainRecomputedWithoutTheKeyIsStillDetected() {
        CaseState s = state();
        List<CaseEvent> events = chain(s, 4);
        // someone with write access to the database edits an event and recomputes every hash after
        // it, as the chain was before it was keyed (plain SHA-256), including the case's head
        events.get(1).reason = "edited, chain recomputed";
        String prev = HistoryChain.GENESIS;
        for (CaseEvent e : events) {
            e.prevHash = prev;
            e.hash = HistoryChain.hash(org.yizhan.core.internal.Hashes::chain, s.number, e);
            prev = e.hash;
        }
        assertTrue("the recomputed chain is consistent in itself",
                HistoryChain.verify(org.yizhan.core.internal.Hashes::chain, s.number, events, s.eventCount, prev).valid);
        VerificationDTO v = HistoryChain.verify(KEY, s.number, events, s.eventCount, prev);
        assertFalse("but not under the installation's key", v.valid);
        assertEquals(Integer.valueOf(1), v.brokenAt);
    }

    private static List<CaseEvent> chain(CaseState s, int n) {
        List<CaseEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CaseEvent e = new CaseEvent("act" + i, "A", "B", "reason " + i, Map.of("k", "v" + i));
            e.atMillis = 1000L * i;
            e.actor = "clerk";
            events.add(e);
        }
        HistoryChain.seal(KEY, s, events);
        return events;
    }

    private static CaseState state() {
        CaseState s = new CaseState();
        s.number = "T1-20261123-0007";
        return s;
    }

    @Test
    public void anUntouchedChainVerifies() {
        CaseState s = state();
        List<CaseEvent> events = chain(s, 5);
        VerificationDTO v = HistoryChain.verify(KEY, s.number, events, s.eventCount, s.lastHash);
        assertTrue(v.valid);
        assertEquals(5, v.events);
    }

    @Test
    public void anEditedEventBreaksTheChainThere() {
        CaseState s = state();
        List<CaseEvent> events = chain(s, 5);
        events.get(2).reason = "edited behind the platform's back";
        VerificationDTO v = HistoryChain.verify(KEY, s.number, events, s.eventCount, s.lastHash);
        assertFalse(v.valid);
        assertEquals(Integer.valueOf(3), v.brokenAt);
    }

    @Test
    public void anEditedDataValueOrActorBreaksTheChain() {
        CaseState s = state();
        List<CaseEvent> events = chain(s, 3);
        events.get(0).data = Map.of("k", "changed");
        assertEquals(Integer.valueOf(1), HistoryChain.verify(KEY, s.number, events, s.eventCount, s.lastHash).brokenAt);
        s = state();
        events = chain(s, 3);
        events.get(1).actor = "someone-else";
        assertEquals(Integer.valueOf(2), HistoryChain.verify(KEY, s.number, events, s.eventCount, s.lastHash).brokenAt);
    }

    @Test
    public void aRemovedLastEventIsDetectedByTheCaseHead() {
        CaseState s = state();
        List<CaseEvent> events = chain(s, 4);
        events.remove(3);
        VerificationDTO v = HistoryChain.verify(KEY, s.number, events, s.eventCount, s.lastHash);
        assertFalse(v.valid);
        assertEquals(Integer.valueOf(4), v.brokenAt);
    }

    @Test
    public void aRemovedMiddleEventIsDetected() {
        CaseState s = state();
        List<CaseEvent> events = chain(s, 4);
        events.remove(1);
        assertEquals(Integer.valueOf(2), HistoryChain.verify(KEY, s.number, events, s.eventCount, s.lastHash).brokenAt);
    }

    @Test
    public void eventDataRoundTripsThroughItsCanonicalText() {
        Map<String, String> data = Map.of("a", "x=y", "b", "line1\nline2", "c", "back\\slash");
        assertEquals(data, EventData.decode(EventData.encode(data)));
        assertEquals("a=1\nb=2", EventData.encode(Map.of("b", "2", "a", "1")));
    }
}
