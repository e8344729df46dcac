package org.yizhan.relay.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * Relay over HTTPS trusts exactly the certificates in its truststore file: a real TLS server with
 * a certificate made by keytool is refused until that certificate is imported with keytool, as
 * docs/operations.md says, and trusted then without a restart; the JDK's public authorities are
 * not consulted.
 */
public class PeerTrustTest {
    private Path dir;
    private HttpsServer server;

    @Before
    public void townWithItsOwnCertificate() throws Exception {
        dir = Files.createTempDirectory("peer-trust");
        keytool("-genkeypair", "-alias", "yizhan", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                "-dname", "CN=localhost, O=Yizhan", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", dir.resolve("town-tls.p12").toString(), "-storepass", "yizhan-tls",
                "-keypass", "yizhan-tls");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("town-tls.p12"))) {
            ks.load(in, "yizhan-tls".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "yizhan-tls".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/", x -> {
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        server.start();
    }

    @After
    public void stop() throws IOException {
        server.stop(0);
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    public void onlyImportedCertificatesAreTrusted_andAnImportTakesEffectWithoutRestart() throws Exception {
        Path truststore = dir.resolve("yizhan-truststore.p12");
        PeerTrust trust = new PeerTrust(truststore, "yizhan-peers");
        SSLHandshakeException refused = refused(trust);
        assertTrue("the refusal names the file to import into: " + refused, causes(refused).contains(truststore.toString()));

        importTownCertificate(truststore, "yizhan-peers");
        // the file is looked at again at most once a second: trusted within that, no restart
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).ignoreException(SSLHandshakeException.class)
                .until(() -> call(trust) == 204);
    }

    @Test
    public void anotherTruststoreNamedInTheConfigurationIsUsedAtTheNextHandshake() throws Exception {
        PeerTrust trust = new PeerTrust(dir.resolve("none.p12"), "yizhan-peers");
        refused(trust);
        Path county = dir.resolve("county-trust.p12");
        importTownCertificate(county, "county-pass");
        trust.use(county, "county-pass");
        assertEquals(204, call(trust));
        assertEquals(county, trust.file());
    }

    @Test
    public void theJdksPublicAuthoritiesAreNotConsulted() throws Exception {
        // a truststore that holds someone else's certificate: the town's is still refused
        keytool("-genkeypair", "-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                "-dname", "CN=other, O=Elsewhere", "-storetype", "PKCS12", "-keystore", dir.resolve("other.p12").toString(),
                "-storepass", "other-pass", "-keypass", "other-pass");
        keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", dir.resolve("other.p12").toString(),
                "-storepass", "other-pass", "-file", dir.resolve("other.pem").toString());
        Path truststore = dir.resolve("yizhan-truststore.p12");
        keytool("-importcert", "-noprompt", "-alias", "other", "-file", dir.resolve("other.pem").toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", "yizhan-peers");
        PeerTrust trust = new PeerTrust(truststore, "yizhan-peers");
        SSLHandshakeException e = refused(trust);
        assertTrue(causes(e), causes(e).contains("CN=localhost"));
        assertEquals(1, trust.getAcceptedIssuers().length);
    }

    /** The commands docs/operations.md prints: the town's certificate exported, then imported into {@code truststore}. */
    private void importTownCertificate(Path truststore, String password) throws Exception {
        keytool("-exportcert", "-rfc", "-alias", "yizhan", "-keystore", dir.resolve("town-tls.p12").toString(),
                "-storepass", "yizhan-tls", "-file", dir.resolve("town.pem").toString());
        keytool("-importcert", "-noprompt", "-alias", "town-T1", "-file", dir.resolve("town.pem").toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", password);
    }

    /** The handshake with the town fails; answers why. */
    private SSLHandshakeException refused(PeerTrust trust) throws Exception {
        try {
            call(trust);
        } catch (SSLHandshakeException e) {
            return e;
        }
        throw new AssertionError("the town was trusted with its certificate in no truststore " + trust.file());
    }

    private int call(PeerTrust trust) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {trust}, null);
        HttpClient client = HttpClient.newBuilder().sslContext(ctx).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.getAddress().getPort() + "/relay/inbox"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String causes(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c).append(" / ");
        }
        return b.toString();
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + cmd + "\n" + out);
        }
    }
}
