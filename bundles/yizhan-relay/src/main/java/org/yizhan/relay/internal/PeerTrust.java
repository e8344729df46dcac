package org.yizhan.relay.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificates this container trusts when it relays to another over HTTPS: the entries of one
 * PKCS12 truststore ({@code etc/yizhan-truststore.p12}, filled with the JDK's keytool; see
 * docs/operations.md), never the JDK's public certificate authorities. The file is looked at again
 * at most once a second, so a certificate imported while the container runs is trusted without a
 * restart. Without the file, or with one that does not open, no peer is trusted and every HTTPS
 * delivery waits (the log says why). Host names are checked by the HTTP client against the
 * certificate, as for any HTTPS call.
 */
final class PeerTrust extends X509ExtendedTrustManager {
    private static final Logger LOG = LoggerFactory.getLogger(PeerTrust.class);
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private volatile Path file;
    private volatile char[] password;
    private volatile X509ExtendedTrustManager delegate;
    private volatile Object version;
    private volatile long checkedAt;
    private volatile boolean checkedOnce;

    PeerTrust(Path file, String password) {
        this.file = file;
        this.password = password.toCharArray();
    }

    Path file() {
        return file;
    }

    /** Another file or password (etc/org.yizhan.relay.cfg changed): read at the next handshake. */
    synchronized void use(Path file, String password) {
        if (!file.equals(this.file) || !java.util.Arrays.equals(password.toCharArray(), this.password)) {
            this.file = file;
            this.password = password.toCharArray();
            this.version = null;
            this.checkedOnce = false;
        }
    }

    /** The trust in force now, reading the file again when it changed. */
    private X509ExtendedTrustManager current() {
        long now = System.nanoTime();
        if (!checkedOnce || now - checkedAt >= RECHECK_NANOS) {
            synchronized (this) {
                if (!checkedOnce || now - checkedAt >= RECHECK_NANOS) {
                    reloadIfChanged();
                    checkedAt = now;
                    checkedOnce = true;
                }
            }
        }
        return delegate;
    }

    private void reloadIfChanged() {
        Object seen;
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            seen = modified.toMillis() + ":" + Files.size(file);
        } catch (NoSuchFileException e) {
            seen = "none";
        } catch (IOException e) {
            seen = "unreadable " + e;
        }
        if (Objects.equals(seen, version)) {
            return;
        }
        version = seen;
        delegate = load();
    }

    private X509ExtendedTrustManager load() {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password);
                }
                LOG.info("Relay trusts {} peer certificate(s) from {}: {} / 报送信任的对端证书", store.size(), file,
                        Collections.list(store.aliases()));
            } else {
                store.load(null, null);
                LOG.warn("No {}: no peer is trusted, so no HTTPS relay can be delivered (docs/operations.md) / 未配置对端证书", file);
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.error("{} does not open ({}): no peer is trusted / 对端证书库无法读取", file, e.toString());
            try {
                store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
            } catch (IOException | GeneralSecurityException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        try {
            if (store.size() == 0) {
                return null; // no trust anchors at all: every peer refused (see untrustedNamed)
            }
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(store);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        untrustedNamed(chain, tm -> tm.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        untrustedNamed(chain, tm -> tm.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        untrustedNamed(chain, tm -> tm.checkServerTrusted(chain, authType));
    }

    /** This container relays only; it never takes TLS clients through this trust. */
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("the relay's trust is for peers it calls, not for clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("the relay's trust is for peers it calls, not for clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the relay's trust is for peers it calls, not for clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        X509ExtendedTrustManager tm = current();
        return tm == null ? new X509Certificate[0] : tm.getAcceptedIssuers();
    }

    private interface Check {
        void run(X509ExtendedTrustManager tm) throws CertificateException;
    }

    /** A refusal that names the certificate and the file, which is what an operator needs to act. */
    private void untrustedNamed(X509Certificate[] chain, Check check) throws CertificateException {
        X509ExtendedTrustManager tm = current();
        try {
            if (tm == null) {
                throw new CertificateException("no peer certificate is trusted");
            }
            check.run(tm);
        } catch (CertificateException e) {
            String subject = chain == null || chain.length == 0 ? "no certificate" : chain[0].getSubjectX500Principal().getName();
            throw new CertificateException("peer certificate '" + subject + "' is not trusted: import it into " + file
                    + " (docs/operations.md)", e);
        }
    }
}
