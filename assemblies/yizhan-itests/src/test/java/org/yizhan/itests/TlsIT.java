package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.Test;

/**
 * HTTPS as an operator gets it (the trust-boundary issue): the distribution makes its own key on
 * the first start (bin/setenv), serves the API and the browser UI on the secure port with
 * Strict-Transport-Security, verifiably with that key's certificate for localhost, and a setting
 * turns plain HTTP off while the platform runs.
 */
public class TlsIT {

    private static final int PORT = 28191;

    @Test
    public void httpsWithTheKeyMadeOnTheFirstStart_hsts_andPlainHttpTurnedOff() throws Exception {
        try (Distribution karaf = Distribution.unpack("tls-it", PORT, 28701, 21701, 24701)) {
            karaf.start();
            karaf.awaitHealthUp(Duration.ofSeconds(180));
            Path keystore = karaf.home().resolve("etc/yizhan-tls.p12");
            assertTrue("bin/setenv made the key", Files.exists(keystore));
            assertEquals("only the platform's user reads it", "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));

            // a client that trusts exactly that certificate, and checks the host name as any client does
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trusted.load(in, "yizhan-tls".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
            String secure = "https://localhost:" + Distribution.securePort(PORT);

            HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create(secure + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(health.body(), 200, health.statusCode());
            assertTrue(health.body().contains("\"status\":\"UP\""));
            assertEquals("HSTS on the API over HTTPS", "max-age=31536000",
                    health.headers().firstValue("Strict-Transport-Security").orElse(""));
            HttpResponse<String> page = https.send(HttpRequest.newBuilder(URI.create(secure + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue("HSTS on the browser UI over HTTPS",
                    page.headers().firstValue("Strict-Transport-Security").isPresent());
            HttpResponse<String> plain = Http.awaitGet(karaf.baseUrl() + "/health", Duration.ofSeconds(10), r -> r.statusCode() == 200);
            assertFalse("no HSTS over plain HTTP (it would not be believed there)",
                    plain.headers().firstValue("Strict-Transport-Security").isPresent());

            // HTTPS only, while the platform runs
            karaf.setConfig("org.ops4j.pax.web.cfg", "org.osgi.service.http.enabled", "false");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            Api.until("plain HTTP refused", Duration.ofSeconds(90), () -> {
                try {
                    http.send(HttpRequest.newBuilder(URI.create(karaf.baseUrl() + "/health")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    return false;
                } catch (java.io.IOException refused) {
                    return true;
                }
            });
            Api.until("HTTPS still answers UP", Duration.ofSeconds(90), () -> {
                try {
                    HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create(secure + "/api/v1/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"");
                } catch (java.io.IOException notYet) {
                    return false;
                }
            });
        }
    }
}
