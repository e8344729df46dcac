package org.yizhan.core.internal.common;

import java.util.function.Supplier;

/**
 * The time a change to a case is dated with. It is the system clock, except inside
 * {@link #at(long, Supplier)}, where the calling thread works at a fixed past moment: the demo
 * county's history is made that way, through the same services and rules as a clerk's request,
 * so its cases, histories and chains are what those days would have written. Only the thread
 * that asked sees the fixed time; outbox rows are always scheduled on the real clock
 * ({@link #scheduling(long)}).
 */
public final class Now {

    private static final ThreadLocal<Long> FIXED = new ThreadLocal<>();

    private Now() {
    }

    /** Milliseconds since the epoch: the fixed moment of this thread, or the system clock. */
    public static long millis() {
        Long fixed = FIXED.get();
        return fixed != null ? fixed : System.currentTimeMillis();
    }

    /** Runs {@code work} on this thread with {@link #millis()} fixed at {@code at}. */
    public static <T> T at(long at, Supplier<T> work) {
        Long before = FIXED.get();
        FIXED.set(at);
        try {
            return work.get();
        } finally {
            if (before == null) {
                FIXED.remove();
            } else {
                FIXED.set(before);
            }
        }
    }

    /**
     * The time to schedule a delivery with, given the change's time: the real clock while this
     * thread works at a fixed moment (a message written "three weeks ago" is due now, and its
     * age counts from now), else the change's own time.
     */
    public static long scheduling(long changeTime) {
        return FIXED.get() != null ? System.currentTimeMillis() : changeTime;
    }
}
