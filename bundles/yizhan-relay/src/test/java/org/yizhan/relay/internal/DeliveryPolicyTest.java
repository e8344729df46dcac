package org.yizhan.relay.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.ConnectException;
import java.util.Map;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.Test;
import org.yizhan.api.YizhanException;
import org.yizhan.api.relay.RelayRejectedException;

/** Relay delivery (R23): what is a refusal, when a message dies, how retries back off. */
public class DeliveryPolicyTest {

    private final DeliveryPolicy policy = new DeliveryPolicy(1_000, 30_000, 3, 24 * 3_600_000L);

    private static HttpOperationFailedException http(int status, String contentType) {
        return new HttpOperationFailedException("http://town/api/v1/relay/inbox", status, "x", null,
                contentType == null ? Map.of() : Map.of("Content-Type", contentType), "{}");
    }

    @Test
    public void retriesBackOffDoublingUpToTheCap() {
        ConnectException down = new ConnectException("refused");
        assertEquals(1_000, policy.after(down, 0, 0, 0).delayMillis());
        assertEquals(2_000, policy.after(down, 1, 0, 0).delayMillis());
        assertEquals(16_000, policy.after(down, 4, 0, 0).delayMillis());
        assertEquals(30_000, policy.after(down, 5, 0, 0).delayMillis());
        assertEquals("no overflow after many attempts", 30_000, policy.after(down, 5_000, 0, 0).delayMillis());
    }

    @Test
    public void anUnreachableCenterKillsAMessageOnlyAfterADay_R23() {
        ConnectException down = new ConnectException("refused");
        assertFalse(policy.after(down, 100, 0, 23 * 3_600_000L).dead());
        assertTrue(policy.after(down, 100, 0, 25 * 3_600_000L).dead());
        assertFalse(policy.after(down, 100, 0, 25 * 3_600_000L).rejected());
    }

    @Test
    public void refusalsCountToTheDeadLetter() {
        RelayRejectedException no = new RelayRejectedException("unknown item version");
        assertTrue(policy.after(no, 0, 0, 0).rejected());
        assertFalse(policy.after(no, 0, 1, 0).dead());
        assertTrue("the third refusal", policy.after(no, 2, 2, 0).dead());
    }

    @Test
    public void onlyTheOtherPlatformsOwnAnswerIsARefusal() {
        assertTrue(DeliveryPolicy.rejected(http(422, "application/problem+json")));
        assertTrue(DeliveryPolicy.rejected(http(400, "application/problem+json; charset=UTF-8")));
        assertFalse("a bare 404 from a booting container is not reaching it", DeliveryPolicy.rejected(http(404, "text/html")));
        assertFalse("nor is Jetty's 404 as problem+json while the API's context is not up yet",
                DeliveryPolicy.rejected(http(404, "application/problem+json")));
        assertFalse(DeliveryPolicy.rejected(http(409, "application/problem+json")));
        assertFalse(DeliveryPolicy.rejected(http(429, "application/problem+json")));
        assertFalse(DeliveryPolicy.rejected(http(503, "application/problem+json")));
        assertFalse(DeliveryPolicy.rejected(new ConnectException("refused")));
        assertFalse("a conflict is tried again", DeliveryPolicy.rejected(YizhanException.conflict("ACCEPTED", "busy", "忙")));
        assertTrue(DeliveryPolicy.rejected(YizhanException.badInput("caseNumber", "bad", "错")));
        assertTrue("found inside a wrapper", DeliveryPolicy.rejected(new RuntimeException(new RelayRejectedException("no"))));
    }
}
