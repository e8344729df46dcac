package org.yizhan.core.internal.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.audit.AuditEventDTO;
import org.yizhan.api.audit.AuditPageDTO;
import org.yizhan.api.audit.AuditQuery;
import org.yizhan.api.audit.AuditService;
import org.yizhan.api.cases.VerificationDTO;
import org.yizhan.core.internal.ChainKey;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.entity.AuditEntity;

/**
 * The audit log. An entry is appended in the same transaction as the change it records
 * ({@link #tx}), so a change is never committed without its entry. Appends on this node are
 * serialised by a lock; the sequence number is the primary key, so a second node appending the
 * same number fails and the whole unit of work is tried again on the new head.
 */
@Component(service = {AuditService.class, AuditLog.class}, configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class AuditServiceImpl implements AuditService, AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditServiceImpl.class);
    public static final String GENESIS = org.yizhan.core.internal.Hashes.GENESIS;
    private static final int MAX_TRIES = 5;

    private final Jpa jpa;
    private final ChainKey chainKey;
    private volatile ZoneId zone;
    private final ReentrantLock lock = new ReentrantLock();

    @Activate
    public AuditServiceImpl(@Reference Jpa jpa, @Reference ChainKey chainKey, PlatformConfig config) {
        this.jpa = jpa;
        this.chainKey = chainKey;
        modified(config);
        if (chainKey.unkeyed(ChainKey.AUDIT)) {
            reseal();
            chainKey.keyed(ChainKey.AUDIT);
        }
    }

    /**
     * Once, when the installation first has its chain key: the entries written before it (plain
     * SHA-256) are sealed again under the key, in batches; a prefix already under the key (a
     * restart in the middle) is taken as it is. Where the stored chain does not verify, the rest
     * is left as it was and the log says from where.
     */
    private void reseal() {
        String[] prevStored = {GENESIS};
        String[] prevNew = {GENESIS};
        long[] expected = {1};
        while (true) {
            Boolean more = jpa.tx(em -> {
                List<AuditEntity> rows = em.createQuery("SELECT a FROM AuditEntity a WHERE a.seq >= :from ORDER BY a.seq", AuditEntity.class)
                        .setParameter("from", expected[0]).setMaxResults(1000).getResultList();
                for (AuditEntity e : rows) {
                    String[] fields = fields(e);
                    boolean intact = e.getSeq() == expected[0] && prevStored[0].equals(e.getPrevHash())
                            && (org.yizhan.core.internal.Hashes.chain(fields).equals(e.getHash()) || chainKey.hash(fields).equals(e.getHash()));
                    if (!intact) {
                        LOG.warn("The audit log does not verify from entry {} on, so it is sealed with the key up to there only"
                                + " / 审计日志自第 {} 条起校验失败", expected[0], expected[0]);
                        return false;
                    }
                    prevStored[0] = e.getHash();
                    e.setPrevHash(prevNew[0]);
                    e.setHash(chainKey.hash(fields(e)));
                    prevNew[0] = e.getHash();
                    expected[0]++;
                }
                return rows.size() == 1000;
            });
            if (!more) {
                break;
            }
        }
        if (expected[0] > 1) {
            LOG.info("Audit log sealed with the chain key: {} entries / 审计日志已用密钥重封", expected[0] - 1);
        }
    }

    /** A change of etc/org.yizhan.platform.cfg must not restart the audit log and everything that uses it. */
    @org.osgi.service.component.annotations.Modified
    void modified(PlatformConfig config) {
        this.zone = ZoneId.of(config.zone());
    }

    @Override
    public <T> T tx(Function<EntityManager, T> work) {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return jpa.tx(work);
                } catch (PersistenceException e) {
                    // another node took the same sequence number: try again on the new head
                    if (attempt >= MAX_TRIES) {
                        throw e;
                    }
                    LOG.debug("Audit append met a concurrent append; trying again ({})", e.toString());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void append(EntityManager em, String actor, String kind, String target, String detail, String source) {
        // several nodes: one appends at a time, each on the head the one before committed
        org.yizhan.core.internal.Jpa.serialize(em, "audit");
        List<AuditEntity> head = em.createQuery("SELECT a FROM AuditEntity a ORDER BY a.seq DESC", AuditEntity.class)
                .setMaxResults(1).getResultList();
        AuditEntity e = new AuditEntity();
        e.setSeq(head.isEmpty() ? 1 : head.get(0).getSeq() + 1);
        e.setPrevHash(head.isEmpty() ? GENESIS : head.get(0).getHash());
        e.setAtMillis(System.currentTimeMillis());
        e.setActor(clip(actor, 64));
        e.setKind(clip(kind, 32));
        e.setTarget(clip(target, 200));
        e.setDetail(clip(detail, 1000));
        e.setSource(clip(source, 64));
        e.setHash(hash(e));
        em.persist(e);
        em.flush();
    }

    @Override
    public void record(String actor, String kind, String target, String detail, String source) {
        tx(em -> {
            append(em, actor, kind, target, detail, source);
            return null;
        });
    }

    private String hash(AuditEntity e) {
        return chainKey.hash(fields(e));
    }

    private static String[] fields(AuditEntity e) {
        return new String[] {
                Long.toString(e.getSeq()),
                Long.toString(e.getAtMillis()),
                Objects.toString(e.getActor(), ""),
                Objects.toString(e.getKind(), ""),
                Objects.toString(e.getTarget(), ""),
                Objects.toString(e.getDetail(), ""),
                Objects.toString(e.getSource(), ""),
                Objects.toString(e.getPrevHash(), "")};
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static void requireReader(Caller caller) {
        if (!caller.hasAny(Caller.SUPERVISOR, Caller.COUNTY_ADMIN)) {
            throw YizhanException.forbidden("Only supervisors and county admins read the audit log",
                    "只有监察人员和县级管理员可以查看审计日志");
        }
    }

    @Override
    public AuditPageDTO list(Caller caller, AuditQuery q) {
        requireReader(caller);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (q.from() != null) {
            where.append(" AND a.atMillis >= :from");
        }
        if (q.to() != null) {
            where.append(" AND a.atMillis < :to");
        }
        if (q.actor() != null) {
            where.append(" AND a.actor = :actor");
        }
        if (q.kind() != null) {
            where.append(" AND a.kind = :kind");
        }
        return jpa.read(em -> {
            TypedQuery<AuditEntity> items = em.createQuery("SELECT a FROM AuditEntity a" + where + " ORDER BY a.seq DESC",
                    AuditEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AuditEntity a" + where, Long.class);
            for (TypedQuery<?> query : List.of(items, count)) {
                if (q.from() != null) {
                    query.setParameter("from", q.from().atStartOfDay(zone).toInstant().toEpochMilli());
                }
                if (q.to() != null) {
                    query.setParameter("to", q.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
                }
                if (q.actor() != null) {
                    query.setParameter("actor", q.actor());
                }
                if (q.kind() != null) {
                    query.setParameter("kind", q.kind());
                }
            }
            AuditPageDTO page = new AuditPageDTO();
            page.page = q.page();
            page.size = q.size();
            page.total = count.getSingleResult();
            page.items = items.setFirstResult(q.page() * q.size()).setMaxResults(q.size()).getResultList()
                    .stream().map(this::toDTO).toList();
            return page;
        });
    }

    private AuditEventDTO toDTO(AuditEntity e) {
        AuditEventDTO d = new AuditEventDTO();
        d.seq = e.getSeq();
        d.at = Instant.ofEpochMilli(e.getAtMillis()).atZone(zone).toOffsetDateTime().toString();
        d.actor = e.getActor();
        d.kind = e.getKind();
        d.target = e.getTarget();
        d.detail = e.getDetail();
        d.source = e.getSource();
        d.hash = e.getHash();
        d.prevHash = e.getPrevHash();
        return d;
    }

    @Override
    public VerificationDTO verify(Caller caller) {
        requireReader(caller);
        return jpa.read(em -> {
            VerificationDTO v = new VerificationDTO();
            String prev = GENESIS;
            long expected = 1;
            int batch = 1000;
            while (true) {
                List<AuditEntity> rows = new ArrayList<>(em.createQuery(
                                "SELECT a FROM AuditEntity a WHERE a.seq >= :from ORDER BY a.seq", AuditEntity.class)
                        .setParameter("from", expected).setMaxResults(batch).getResultList());
                for (AuditEntity e : rows) {
                    if (e.getSeq() != expected || !prev.equals(e.getPrevHash()) || !hash(e).equals(e.getHash())) {
                        v.valid = false;
                        v.brokenAt = (int) expected;
                        v.events = (int) (expected - 1);
                        return v;
                    }
                    prev = e.getHash();
                    expected++;
                }
                em.clear();
                if (rows.size() < batch) {
                    break;
                }
            }
            v.valid = true;
            v.events = (int) (expected - 1);
            return v;
        });
    }
}
