package org.yizhan.core.internal;

import java.util.function.Consumer;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Resource-local transactions on the platform's persistence unit: one entity manager and one
 * database transaction per unit of work, committed or rolled back as a whole.
 * Every write the platform makes (a case, its history, its outbox message) goes through here.
 * A component of its own: the platform's services reference it.
 */
@Component(service = Jpa.class)
public final class Jpa {

    private final EntityManagerFactory emf;

    @Activate
    public Jpa(@Reference(target = "(osgi.unit.name=yizhan)") EntityManagerFactory emf) {
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
