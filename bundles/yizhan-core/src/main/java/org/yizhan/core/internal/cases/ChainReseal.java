package org.yizhan.core.internal.cases;

import java.util.List;

import javax.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.core.internal.Hashes;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.entity.CaseEntity;
import org.yizhan.core.internal.entity.CaseEventEntity;

/**
 * Once, when an installation first has its chain key: the histories written before it (plain
 * SHA-256) are sealed again under the key. A history that does not verify as it stands is left
 * as it is and named in the log (it was changed before the upgrade); one already under the key
 * (a restart in the middle) is passed over.
 */
final class ChainReseal {

    private static final Logger LOG = LoggerFactory.getLogger(ChainReseal.class);
    private static final int BATCH = 200;

    private final Jpa jpa;
    private final HistoryChain.Hasher keyed;

    ChainReseal(Jpa jpa, HistoryChain.Hasher keyed) {
        this.jpa = jpa;
        this.keyed = keyed;
    }

    void cases() {
        String after = "";
        long resealed = 0;
        long broken = 0;
        while (true) {
            String from = after;
            List<String> numbers = jpa.read(em -> em.createQuery(
                            "SELECT c.number FROM CaseEntity c WHERE c.number > :after ORDER BY c.number", String.class)
                    .setParameter("after", from).setMaxResults(BATCH).getResultList());
            if (numbers.isEmpty()) {
                break;
            }
            long[] counts = jpa.tx(em -> {
                long[] c = new long[2];
                for (String n : numbers) {
                    c[reseal(em, n) ? 0 : 1]++;
                }
                return c;
            });
            resealed += counts[0];
            broken += counts[1];
            after = numbers.get(numbers.size() - 1);
            if (resealed >= 10_000 && resealed % 10_000 < BATCH) {
                LOG.info("Case histories sealed with the chain key so far: {} / 已用密钥重封办件历史", resealed);
            }
        }
        if (resealed + broken > 0) {
            LOG.info("Case histories sealed with the chain key: {}; not verifying before, left as they were: {} / 办件历史已用密钥重封",
                    resealed, broken);
        }
    }

    private boolean reseal(EntityManager em, String number) {
        CaseEntity c = em.find(CaseEntity.class, number);
        List<CaseEventEntity> rows = em.createQuery("SELECT e FROM CaseEventEntity e WHERE e.caseNumber = :n ORDER BY e.seq",
                CaseEventEntity.class).setParameter("n", number).getResultList();
        List<CaseEvent> events = rows.stream().map(CaseMapper::event).toList();
        if (HistoryChain.verify(keyed, number, events, c.getEventCount(), c.getLastHash()).valid) {
            return true;
        }
        if (!HistoryChain.verify(Hashes::chain, number, events, c.getEventCount(), c.getLastHash()).valid) {
            LOG.warn("Case {}: its history does not verify as stored, so it is not sealed with the key / 办件历史校验失败，未重封", number);
            return false;
        }
        String prev = HistoryChain.GENESIS;
        for (int i = 0; i < events.size(); i++) {
            CaseEvent e = events.get(i);
            e.prevHash = prev;
            e.hash = HistoryChain.hash(keyed, number, e);
            rows.get(i).setPrevHash(prev);
            rows.get(i).setHash(e.hash);
            prev = e.hash;
        }
        c.setLastHash(prev);
        return true;
    }
}
