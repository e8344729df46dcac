package org.yizhan.core.internal.common;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.Test;

public class NowTest {

    private static final long THREE_WEEKS_AGO = System.currentTimeMillis() - 21L * 86_400_000L;

    @Test
    public void insideAtTheThreadWorksAtTheFixedMoment_andOnlyThatThread() throws Exception {
        long seenElsewhere = Now.at(THREE_WEEKS_AGO, () -> {
            assertEquals(THREE_WEEKS_AGO, Now.millis());
            return CompletableFuture.supplyAsync(Now::millis).join();
        });
        assertTrue("another thread reads the system clock", seenElsewhere > THREE_WEEKS_AGO + 20L * 86_400_000L);
        assertTrue("after it, the system clock again", Now.millis() > THREE_WEEKS_AGO + 20L * 86_400_000L);
    }

    @Test
    public void nestedMomentsRestoreTheOuterOne() {
        long inner = THREE_WEEKS_AGO + 3_600_000L;
        Now.at(THREE_WEEKS_AGO, () -> {
            assertEquals(inner, (long) Now.at(inner, Now::millis));
            assertEquals(THREE_WEEKS_AGO, Now.millis());
            return null;
        });
    }

    @Test
    public void deliveriesAreScheduledOnTheRealClock_evenForAChangeDatedInThePast() {
        long scheduled = Now.at(THREE_WEEKS_AGO, () -> Now.scheduling(Now.millis()));
        assertTrue(scheduled > THREE_WEEKS_AGO + 20L * 86_400_000L);
        assertEquals("outside, the change's own time", 42L, Now.scheduling(42L));
    }
}
