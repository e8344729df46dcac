package org.yizhan.core.internal.audit;

import java.util.function.Function;

import javax.persistence.EntityManager;

/**
 * The audit log as the platform's other components write to it: an entry appended in the same
 * transaction as the change it records, so the change and its entry commit or fail together.
 */
public interface AuditLog {

    /** Runs a unit of work that appends entries with {@link #append}, in one transaction. */
    <T> T tx(Function<EntityManager, T> work);

    /** Appends one entry inside a transaction that came from {@link #tx}. */
    void append(EntityManager em, String actor, String kind, String target, String detail, String source);

    /** Appends one entry in a transaction of its own. */
    void record(String actor, String kind, String target, String detail, String source);
}
