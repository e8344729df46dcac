package org.yizhan.core.internal.cases;

import java.util.Map;

import javax.persistence.EntityManager;

import org.yizhan.api.Caller;

/**
 * What the public's voice (ratings, complaints) asks of a case, inside the caller's transaction:
 * the facts of a case the caller may see, and a note in its history — an event that leaves the
 * status as it is, sealed in the case's chain like every other, and offered to integrators' routes.
 */
public interface CaseNotes {

    /** The statuses in which a case has finished for its applicant: it can be rated (R21). */
    java.util.Set<String> FINISHED = java.util.Set.of("DELIVERED", "DENIED", "NOT_ACCEPTED");

    /** A write that met a concurrent one (an optimistic lock, a key taken): worth trying again on fresh data. */
    static boolean isConflict(Throwable e) {
        return CaseStore.isConflict(e);
    }

    /**
     * Runs {@code work} (one transaction) again while it meets a concurrent write, up to four
     * times; a refusal ({@link org.yizhan.api.YizhanException}) or any other failure is thrown at once.
     */
    static <T> T retrying(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (e instanceof org.yizhan.api.YizhanException || !CaseStore.isConflict(e) || attempt >= 4) {
                    throw e;
                }
            }
        }
    }

    /** The next value of a named counter, under a row lock. */
    static long next(EntityManager em, String counter) {
        return CaseStore.next(em, counter);
    }

    /** A new lookup code, as unguessable as a case's. */
    static String lookupCode() {
        return CaseIntake.lookupCode();
    }

    /** What feedback needs to know of a case. */
    record Facts(String number, String status, long centerId, long decidingCenterId, String windowType) {
        public boolean finished() {
            return FINISHED.contains(status);
        }
    }

    /**
     * The case as {@code caller} may see it, or with {@code caller} null as the public sees it
     * with its lookup code; 404 otherwise (the same answer for "no such case" and "not yours").
     */
    Facts facts(EntityManager em, Caller caller, String number, String lookupCode);

    /**
     * Appends an event to the case's history under an optimistic lock; {@code role} overrides the
     * caller's main role when not null ("applicant"). {@code integrationEvent}, when not null, is
     * the event integrators' routes receive, with {@code data} in its payload.
     */
    void note(EntityManager em, String number, Caller by, String role, String action, String reason, Map<String, String> data,
              String integrationEvent);

    /**
     * An event for integrators' routes that belongs to no case's history (a complaint), written to
     * the outbox in the caller's transaction while a route takes events; {@code subject} stands
     * where a case number would.
     */
    void event(EntityManager em, String subject, String centerCode, String event, Map<String, String> payload);
}
