package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Per-address limits (Bucket4j): failed sign-ins and public lookups beyond the allowance answer
 * 429 with Retry-After, before any password is checked; the allowance comes back with time.
 * The container runs with small limits (5 per 10 s) so the test sees both sides quickly.
 */
public class LimitsIT extends ContainerTestSupport {

    @Override
    protected Option[] options() {
        return new Option[] {
                editConfigurationFilePut("etc/org.yizhan.rest.cfg", "signInFailuresPerAddress", "5"),
                editConfigurationFilePut("etc/org.yizhan.rest.cfg", "signInFailureWindowSeconds", "10"),
                editConfigurationFilePut("etc/org.yizhan.rest.cfg", "lookupsPerAddress", "5"),
                editConfigurationFilePut("etc/org.yizhan.rest.cfg", "lookupWindowSeconds", "10"),
                editConfigurationFilePut("etc/org.yizhan.rest.cfg", "relayRefusalsPerAddress", "5"),
                editConfigurationFilePut("etc/org.yizhan.rest.cfg", "relayRefusalWindowSeconds", "10")};
    }

    private static HttpResponse<String> me(String user, String password) throws Exception {
        return Http.get(BASE + "/api/v1/me", user, password);
    }

    private static void assertLimited(HttpResponse<String> r) {
        assertEquals(r.body(), 429, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        long wait = Long.parseLong(r.headers().firstValue("Retry-After").orElse("-1"));
        assertTrue("Retry-After in seconds: " + wait, wait >= 1 && wait <= 10);
        assertTrue(r.body(), r.body().contains("\"detailZh\""));
    }

    @Test
    public void failedSignInsFromOneAddressAreLimited_thenAllowedAgain() throws Exception {
        assertEquals("clerk-T1 signs in (and is remembered)", 200, me("clerk-T1", "demo").statusCode());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, me("town-admin-T1", "wrong-" + i).statusCode());
        }
        assertLimited(me("town-admin-T1", "wrong-again"));
        assertLimited(me("supervisor", "demo"));   // even the right password waits: nothing is checked
        assertEquals("a remembered sign-in is not a new attempt", 200, me("clerk-T1", "demo").statusCode());
        Awaitility.await("the allowance refills").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> me("supervisor", "demo").statusCode() == 200);
    }

    /** Each refused relay message is audited: an address may not make the platform write them in bulk. */
    @Test
    public void refusedRelayMessagesFromOneAddressAreLimited_thenAllowedAgain() throws Exception {
        long before = api.get("/audit?kind=RELAY_REFUSED", "admin").body().get("total").asLong();
        String forged = "{\"id\":\"x\",\"kind\":\"RELAY_REPLY\",\"caseNumber\":\"T1V1-20261202-0001\","
                + "\"fromCenter\":\"T1\",\"toCenter\":\"T1V1\",\"payload\":{\"decision\":\"APPROVED\"}}";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.post("/relay/inbox", null, forged).status());
        }
        assertLimited(api.post("/relay/inbox", null, forged).raw());
        assertLimited(api.post("/relay/inbox", null, forged).raw());
        assertEquals("the five refusals are audited, the limited ones are not", before + 5,
                api.get("/audit?kind=RELAY_REFUSED", "admin").body().get("total").asLong());
        Awaitility.await("the allowance refills").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.post("/relay/inbox", null, forged).status() == 401);
    }

    @Test
    public void publicLookupsFromOneAddressAreLimited_thenAllowedAgain() throws Exception {
        String url = BASE + "/api/v1/public/cases/T1-20261202-0001?lookupCode=ABCDEFGH";
        for (int i = 0; i < 5; i++) {
            assertEquals(404, Http.get(url).statusCode());
        }
        assertLimited(Http.get(url));
        Awaitility.await("the allowance refills").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.get(url).statusCode() == 404);
    }
}
