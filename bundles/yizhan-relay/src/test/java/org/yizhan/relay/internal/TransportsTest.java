package org.yizhan.relay.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Map;

import org.junit.Test;

/** Which transport reaches a center: etc/org.yizhan.relay.cfg's center.<CODE> lines, local otherwise. */
public class TransportsTest {

    @Test
    public void centersNamedInTheConfigurationUseTheirTransport_othersAreLocal() {
        Transports t = Transports.from(Map.of("center.T1", " https://town1:8443/api/v1 ", "center.T2", "jms:yizhan.T2",
                "center.T3", "", "httpTimeoutMillis", "5000"));
        assertEquals("https://town1:8443/api/v1", t.of("T1"));
        assertEquals("jms:yizhan.T2", t.of("T2"));
        assertEquals("a blank line means local", "local", t.of("T3"));
        assertEquals("local", t.of("C"));
        assertEquals(2, t.all().size());
        assertEquals("http", Transports.scheme("https://town1/api/v1"));
        assertEquals("jms", Transports.scheme("jms:yizhan.T2"));
        assertEquals("local", Transports.scheme("local"));
    }

    @Test
    public void plainHttpIsRefused_relayCrossesTheNetworkOnlyOverTls() {
        try {
            Transports.from(Map.of("center.T1", "http://town1:8181/api/v1"));
            fail("accepted plain http");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("center.T1: ") && e.getMessage().contains("HTTPS only"));
        }
        try {
            Transports.from(Map.of("center.T1", "https://town1:8443/api/v1?sslContextParameters=#other"));
            fail("accepted a query that would choose the endpoint's TLS settings");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("not a transport"));
        }
    }

    @Test
    public void aWrongTransportIsRefusedNamingItsLine() {
        try {
            Transports.from(Map.of("center.T1", "ftp://somewhere"));
            fail("accepted ftp");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("center.T1: "));
        }
    }
}
