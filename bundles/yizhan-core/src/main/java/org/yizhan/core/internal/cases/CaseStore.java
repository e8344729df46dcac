package org.yizhan.core.internal.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;
import javax.persistence.TypedQuery;

import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.cases.CasePageDTO;
import org.yizhan.api.cases.CaseQuery;
import org.yizhan.api.network.NetworkService;
import org.yizhan.core.internal.entity.CaseEntity;
import org.yizhan.core.internal.entity.CaseEventEntity;
import org.yizhan.core.internal.entity.CounterEntity;

/**
 * Cases in the database, inside the caller's transaction: loading one as a caller may see it,
 * its history, the named counters numbers come from, the list queries, and which failures of a
 * write are a meeting with a concurrent one (worth trying again).
 */
final class CaseStore {

    private final NetworkService network;
    /** Cases this node read or wrote lately, checked against the row's version before each use. */
    final CaseCache cache = new CaseCache(4_096);

    CaseStore(NetworkService network) {
        this.network = network;
    }

    /** A case as {@link #load} would find it, from this node's cache when the row has not changed since; null otherwise. */
    CaseCache.Entry cached(EntityManager em, Caller caller, String number) {
        CaseCache.Entry c = cache.current(em, number);
        if (c != null && !visible(caller, c.state().centerId, c.state().decidingCenterId)) {
            throw notFound(number);
        }
        return c;
    }

    private static YizhanException notFound(String number) {
        // The same answer for "no such case" and "not yours": numbers cannot be probed.
        return YizhanException.notFound("No case " + number, "办件不存在：" + number);
    }

    /** A case in the caller's centers (where it was taken or where it is decided); 404 otherwise. */
    CaseEntity load(EntityManager em, Caller caller, String number, boolean lock) {
        CaseEntity e = number == null ? null : em.find(CaseEntity.class, number);
        if (e == null || !visible(caller, e.getCenterId(), e.getDecidingCenterId())) {
            throw notFound(number);
        }
        if (lock) {
            em.lock(e, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        return e;
    }

    private boolean visible(Caller caller, long centerId, long decidingCenterId) {
        Set<Long> mine = network.subtree(caller.centerId());
        return mine.contains(centerId) || mine.contains(decidingCenterId);
    }

    static List<CaseEvent> events(EntityManager em, String number) {
        List<CaseEvent> list = new ArrayList<>();
        for (CaseEventEntity r : em.createQuery("SELECT e FROM CaseEventEntity e WHERE e.caseNumber = :n ORDER BY e.seq",
                CaseEventEntity.class).setParameter("n", number).getResultList()) {
            list.add(CaseMapper.event(r));
        }
        return list;
    }

    /** Writes the state to its row (a new row when {@code e} is null) and appends the new events; returns the row. */
    static CaseEntity save(EntityManager em, CaseState s, CaseEntity e, List<CaseEvent> events, Long updatedAtMillis) {
        boolean fresh = e == null;
        CaseEntity row = fresh ? new CaseEntity() : e;
        CaseMapper.write(s, row);
        if (updatedAtMillis != null) {
            row.setUpdatedAtMillis(updatedAtMillis);
        }
        if (fresh) {
            em.persist(row);
        }
        for (CaseEvent ev : events) {
            em.persist(CaseMapper.row(s.number, ev));
        }
        return row;
    }

    /** The next value of a named counter, under a row lock so two transactions never get the same one. */
    static long next(EntityManager em, String name) {
        CounterEntity c = em.find(CounterEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            // its first value (a center's first case of a day): another node may be making the row right now
            org.yizhan.core.internal.Jpa.serialize(em, "counter " + name);
            c = em.find(CounterEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
        }
        if (c == null) {
            c = new CounterEntity();
            c.setName(name);
            c.setNextValue(2);
            em.persist(c);
            em.flush();
            return 1;
        }
        long v = c.getNextValue();
        c.setNextValue(v + 1);
        return v;
    }

    /**
     * A write that met another one: an optimistic lock, a key taken by a concurrent insert (a
     * counter or a number), a deadlock or a lock timeout. Those are tried again on fresh data;
     * any other persistence error (a column too short, the database gone) is not.
     */
    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof javax.persistence.EntityExistsException
                    || t instanceof javax.persistence.LockTimeoutException || t instanceof javax.persistence.PessimisticLockException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 23xxx integrity (a unique key taken), 40001 serialization/deadlock, 40P01 PostgreSQL deadlock, 40XL Derby lock timeout
                if (state.startsWith("23") || state.equals("40001") || state.equals("40P01") || state.startsWith("40XL")) {
                    return true;
                }
            }
            String m = String.valueOf(t.getMessage()).toLowerCase();
            if (m.contains("duplicate key") || m.contains("unique constraint") || m.contains("deadlock")
                    || m.contains("lock could not be obtained")) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ lists

    /** The centers a list covers, and whether the caller narrowed it to cases taken there. */
    record Scope(List<Long> centers, boolean narrowed, long here, String user) {
    }

    Scope scope(Caller caller, Long center) {
        Set<Long> centers = new LinkedHashSet<>(network.subtree(caller.centerId()));
        if (center == null) {
            return new Scope(new ArrayList<>(centers), false, caller.centerId(), caller.user());
        }
        Set<Long> wanted = network.subtree(center);
        if (wanted.isEmpty()) {
            throw YizhanException.badInput("center", "No center " + center, "中心不存在：" + center);
        }
        Set<Long> both = new LinkedHashSet<>(centers);
        both.retainAll(wanted);
        if (both.isEmpty() && !centers.isEmpty()) {
            throw YizhanException.forbidden("Center " + center + " is outside your centers", "该中心不在您的管辖范围内");
        }
        return new Scope(new ArrayList<>(both), !both.equals(centers), caller.centerId(), caller.user());
    }

    /** One page of cases, urgent first, newest first; the items carry no history. */
    static CasePageDTO page(EntityManager em, Scope scope, CaseQuery q, List<String> windows, int page, int size) {
        if (windows != null && windows.isEmpty()) {
            CasePageDTO none = new CasePageDTO();
            none.page = page;
            none.size = size;
            return none;
        }
        StringBuilder where = new StringBuilder(scope.narrowed()
                ? " WHERE c.centerId IN :centers"
                : " WHERE (c.centerId IN :centers OR c.decidingCenterId IN :centers)");
        if (q.status != null) {
            where.append(" AND c.status = :status");
        }
        if (q.window != null) {
            where.append(" AND c.windowType = :window");
        }
        if (q.owned) {
            // R16: the cases the caller received first and follows through
            where.append(" AND c.firstInquiryStaff = :owner");
        }
        if (windows != null) {
            // the caller's windows now (R17): at their own center
            where.append(" AND c.windowType IN :windows AND (c.centerId = :here OR c.decidingCenterId = :here)");
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM CaseEntity c" + where, Long.class);
        TypedQuery<CaseEntity> select = em.createQuery("SELECT c FROM CaseEntity c" + where
                + " ORDER BY c.urgent DESC, c.createdAtMillis DESC", CaseEntity.class);
        for (TypedQuery<?> tq : List.of(count, select)) {
            tq.setParameter("centers", scope.centers());
            if (q.status != null) {
                tq.setParameter("status", q.status.name());
            }
            if (q.window != null) {
                tq.setParameter("window", q.window);
            }
            if (windows != null) {
                tq.setParameter("windows", windows).setParameter("here", scope.here());
            }
            if (q.owned) {
                tq.setParameter("owner", scope.user());
            }
        }
        CasePageDTO p = new CasePageDTO();
        p.total = count.getSingleResult();
        p.page = page;
        p.size = size;
        for (CaseEntity e : select.setFirstResult(page * size).setMaxResults(size).getResultList()) {
            p.items.add(CaseMapper.toDTO(CaseMapper.read(e), null, e));
        }
        return p;
    }
}
