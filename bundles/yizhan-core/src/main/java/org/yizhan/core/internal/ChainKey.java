package org.yizhan.core.internal;

/**
 * The key of the platform's hash chains (each case's history, the audit log): an event's hash is
 * an HMAC-SHA256 under a key kept outside the database, so someone who can write the database
 * but not read {@code etc/} cannot recompute a chain after an edit.
 */
public interface ChainKey {

    /** The chain of every case's history. */
    String CASES = "cases";
    /** The audit log's chain. */
    String AUDIT = "audit";

    /** HMAC-SHA256 under the key, as lower-case hex, of the fields joined by the unit separator. */
    String hash(String... fields);

    /** Whether the chain was written before this installation had its key and still waits to be sealed with it. */
    boolean unkeyed(String chain);

    /** Records that the chain is sealed with the key from now on. */
    void keyed(String chain);
}
