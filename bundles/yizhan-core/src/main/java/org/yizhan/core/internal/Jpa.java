package org.yizhan.core.internal;

import java.util.function.Consumer;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

/**
 * Resource-local transactions on the platform's persistence unit: one entity manager and one
 * database transaction per unit of work, committed or rolled back as a whole.
 * Every write the platform makes (a case, its history, its outbox message) goes through here.
 * Registered by {@link Database} while the persistence unit's factory speaks the database's
 * dialect; the platform's services reference it.
 */
public final class Jpa {

    private final EntityManagerFactory emf;

    Jpa(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Runs {@code work} in a new transaction and returns its result; rolls back on any exception. */
    public <T> T tx(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        tx(em -> {
            work.accept(em);
            return null;
        });
    }

    /**
     * On PostgreSQL (several nodes), waits until no other transaction holds {@code name}, and holds
     * it until this one ends ({@code pg_advisory_xact_lock}): for the few writes that would
     * otherwise meet on a key taken at the same moment by another node (the audit chain's next
     * entry, a counter's first row) and be tried again, each such meeting an ERROR line in
     * PostgreSQL's log. On Derby (one node) nothing: the node's own locks serialise those writes.
     */
    public static void serialize(EntityManager em, String name) {
        org.apache.openjpa.persistence.OpenJPAEntityManagerSPI o = (org.apache.openjpa.persistence.OpenJPAEntityManagerSPI)
                org.apache.openjpa.persistence.OpenJPAPersistence.cast(em);
        if (((org.apache.openjpa.jdbc.conf.JDBCConfiguration) o.getConfiguration()).getDBDictionaryInstance()
                instanceof org.apache.openjpa.jdbc.sql.PostgresDictionary) {
            // on the transaction's own connection: an optimistic unit of work reads on a borrowed one until it writes
            o.beginStore();
            em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) x").setParameter(1, Cluster.lockKey(name)).getSingleResult();
        }
    }

    /** Runs a read with no transaction of its own. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }
}
