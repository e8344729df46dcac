package org.yizhan.core.internal.cases;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.Test;
import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.cases.ActionDTO;
import org.yizhan.api.cases.CaseAction;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.catalogue.MaterialDTO;

/**
 * Random action sequences by random people against random items: whatever happens, the state
 * and its counters stay consistent, a refused action changes nothing, and the history always
 * verifies. The seed is printed with any failure so that it can be replayed.
 */
public class CaseEngineRandomTest {

    private static final CaseAction[] ACTIONS = CaseEngine.FROM.keySet().toArray(new CaseAction[0]);
    private static final Caller[] PEOPLE = {Fixtures.CLERK, Fixtures.AGENT, Fixtures.TOWN_ADMIN, Fixtures.SUPERVISOR};
    private static final Set<CaseStatus> ACCEPTED_ONWARDS = Set.of(CaseStatus.ACCEPTED, CaseStatus.IN_REVIEW,
            CaseStatus.PAUSED, CaseStatus.APPROVED, CaseStatus.DENIED);

    @Test
    public void randomSequencesKeepStatesAndCountersConsistent() {
        long seed = Long.getLong("yizhan.seed", System.nanoTime());
        Random random = new Random(seed);
        Map<CaseStatus, Integer> reached = new LinkedHashMap<>();
        int accepted = 0;
        int refused = 0;
        for (int run = 0; run < 2000; run++) {
            ItemDTO item = switch (random.nextInt(4)) {
                case 0 -> Fixtures.promised();
                case 1 -> Fixtures.immediate();
                case 2 -> Fixtures.withFee();
                default -> Fixtures.joint();
            };
            Fixtures.Ctx ctx = new Fixtures.Ctx(item);
            boolean village = random.nextBoolean();
            List<String> brought = new ArrayList<>();
            for (MaterialDTO m : item.materials) {
                if (random.nextInt(3) > 0) {
                    brought.add(m.code);
                }
            }
            CaseState s = Fixtures.newCase(item, village ? Fixtures.VILLAGE : Fixtures.TOWN, brought.toArray(new String[0]));
            List<CaseEvent> history = new ArrayList<>(Fixtures.open(s, village ? Fixtures.AGENT : Fixtures.CLERK, ctx));
            check(s, history, item, seed);
            for (int step = 0; step < 25; step++) {
                // Mostly plausible moves (an action the status allows, by the person who would do it),
                // sometimes anything at all, so both the paths and the refusals get exercised.
                List<CaseAction> allowed = CaseEngine.actionsFrom(s.status);
                CaseAction action = allowed.isEmpty() || random.nextInt(5) == 0
                        ? ACTIONS[random.nextInt(ACTIONS.length)] : allowed.get(random.nextInt(allowed.size()));
                Caller who = random.nextInt(5) == 0 ? PEOPLE[random.nextInt(PEOPLE.length)] : plausible(action, village);
                ActionDTO body = randomBody(random, item, s);
                if (random.nextInt(4) == 0) {
                    ctx.advanceDays(1 + random.nextInt(5));
                }
                String before = s.snapshot();
                CaseStatus was = s.status;
                try {
                    history.addAll(Fixtures.act(s, who, ctx, action, body));
                    accepted++;
                    assertFalse("seed " + seed + ": nothing leaves a terminal state", was.terminal());
                } catch (YizhanException e) {
                    refused++;
                    assertEquals("seed " + seed + ": refused " + action + " changed the case", before, s.snapshot());
                    assertTrue("seed " + seed + ": status " + e.status(), Set.of(400, 403, 409, 422).contains(e.status()));
                }
                check(s, history, item, seed);
                reached.merge(s.status, 1, Integer::sum);
            }
        }
        System.out.printf("random cases: %d actions applied, %d refused, states reached %s (seed %d)%n",
                accepted, refused, reached.keySet(), seed);
        assertTrue("the walk reaches every status but RELAYING and SUBMITTED",
                reached.keySet().containsAll(Set.of(CaseStatus.AWAITING_SUPPLEMENT, CaseStatus.ACCEPTED,
                        CaseStatus.IN_REVIEW, CaseStatus.PAUSED, CaseStatus.APPROVED, CaseStatus.DENIED,
                        CaseStatus.DELIVERED, CaseStatus.NOT_ACCEPTED, CaseStatus.WITHDRAWN)));
    }

    private static Caller plausible(CaseAction action, boolean village) {
        return switch (action) {
            case EXTEND -> Fixtures.TOWN_ADMIN;
            case SUPPLEMENT, ACCEPT, NOT_ACCEPT, WITHDRAW, DELIVER -> village ? Fixtures.AGENT : Fixtures.CLERK;
            default -> Fixtures.CLERK;
        };
    }

    private static ActionDTO randomBody(Random r, ItemDTO item, CaseState s) {
        List<String> materials = new ArrayList<>();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(6) == 0) {
                materials.add("unrelated-" + i);
            } else if (!s.missing.isEmpty() && r.nextBoolean()) {
                materials.add(s.missing.iterator().next());
            } else {
                materials.add(item.materials.get(r.nextInt(item.materials.size())).code);
            }
        }
        Map<String, String> data = new LinkedHashMap<>();
        String[] kinds = {"SUPPLEMENT", "SITE_INSPECTION", "EXPERT_REVIEW", "HEARING", "PUBLICATION", "NAP", "OTHER_WINDOW", "OTHER"};
        if (r.nextBoolean()) {
            data.put("kind", kinds[r.nextInt(kinds.length)]);
        }
        if (r.nextInt(3) == 0) {
            data.put("window", r.nextBoolean() ? "agriculture" : "construction");
            data.put("opinion", r.nextInt(4) == 0 ? "DISAGREE" : "AGREE");
        }
        if (r.nextInt(3) == 0) {
            data.put("newPromisedDate", s.promisedDate == null ? "2027-01-04" : s.promisedDate.plusDays(r.nextInt(20) - 3).toString());
        }
        if (r.nextInt(4) == 0) {
            long fee = item.fee.amountFen;
            data.put("feeAmountFen", Long.toString(r.nextBoolean() ? fee : fee + 100));
        }
        return Fixtures.body(r.nextInt(3) == 0 ? null : "理由 reason", materials, data);
    }

    private static void check(CaseState s, List<CaseEvent> history, ItemDTO item, long seed) {
        String at = "seed " + seed + ", case " + s.status + ": ";
        assertEquals(at + "event counter", history.size(), s.eventCount);
        assertTrue(at + "history verifies", HistoryChain.verify(Fixtures.CHAIN, s.number, history, s.eventCount, s.lastHash).valid);
        assertEquals(at + "the last event leads to the status", s.status.name(), history.get(history.size() - 1).to);
        Set<Long> receipts = new HashSet<>();
        // A correction request (pause for SUPPLEMENT) asks again for a received material; that
        // holds while paused, and stays as it was when the applicant withdraws meanwhile.
        if (s.status != CaseStatus.PAUSED && s.status != CaseStatus.WITHDRAWN) {
            for (String m : s.missing) {
                assertFalse(at + "a material is both missing and received: " + m, s.materials.contains(m));
            }
        }
        if (s.status == CaseStatus.AWAITING_SUPPLEMENT) {
            assertFalse(at + "waiting for nothing", s.missing.isEmpty());
        }
        if (ACCEPTED_ONWARDS.contains(s.status)) {
            assertNotNull(at + "accepted time", s.acceptedAtMillis);
            assertNotNull(at + "promised date", s.promisedDate);
        }
        assertEquals(at + "pause kind iff paused", s.status == CaseStatus.PAUSED, s.pauseKind != null);
        if (s.status == CaseStatus.NOT_ACCEPTED) {
            assertNotNull(at + "refusal has its reason (R11)", s.notAcceptedReason);
        }
        long charged = s.fees.stream().mapToLong(CaseState.Fee::amountFen).sum();
        assertTrue(at + "fees only on delivery", s.fees.isEmpty() || s.status == CaseStatus.DELIVERED);
        assertTrue(at + "at most the published standard (R19)", charged == 0 || charged == item.fee.amountFen);
        for (CaseState.Fee f : s.fees) {
            assertTrue(at + "receipt numbers are unique", receipts.add((long) f.receiptNumber().hashCode()));
        }
        assertTrue(at + "the notice only lists item materials (R10)",
                item.materials.stream().map(m -> m.code).toList().containsAll(s.notice));
    }
}
