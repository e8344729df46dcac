package org.yizhan.core.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain key in {@code etc/yizhan-chain.key} (mode 600), made on the first start. Back it up
 * with {@code etc/}: without it no chain verifies. The file also records which chains are sealed
 * with it ({@code keyed}), so chains written before an upgrade are sealed once, then never again.
 */
@Component(service = ChainKey.class)
public class ChainKeyFile implements ChainKey {

    private static final Logger LOG = LoggerFactory.getLogger(ChainKeyFile.class);
    private static final String COMMENT = "Yizhan hash-chain key: secret, readable by the platform's user only; back it up with etc/";

    private final Path file;
    private final byte[] key;
    /** One Mac per thread: every case event and audit entry is hashed, and a Mac is not thread-safe. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private final Set<String> keyed = new LinkedHashSet<>();

    @Activate
    public ChainKeyFile() {
        this(Path.of(System.getProperty("karaf.etc", "etc"), "yizhan-chain.key"));
    }

    public ChainKeyFile(Path file) {
        this.file = file;
        Properties p = SecretFile.read(file);
        if (p.getProperty("key") == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            p.setProperty("key", Base64.getUrlEncoder().withoutPadding().encodeToString(fresh));
            p.setProperty("created", Long.toString(System.currentTimeMillis()));
            p.setProperty("keyed", "");
            SecretFile.write(file, p, COMMENT);
            LOG.info("New hash-chain key in {}; back it up with etc/ / 已生成哈希链密钥", file);
        }
        this.key = Base64.getUrlDecoder().decode(p.getProperty("key").trim());
        keyed.addAll(Arrays.stream(p.getProperty("keyed", "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    @Override
    public String hash(String... fields) {
        return HexFormat.of().formatHex(macs.get().doFinal(String.join("\u001f", fields).getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public synchronized boolean unkeyed(String chain) {
        return !keyed.contains(chain);
    }

    @Override
    public synchronized void keyed(String chain) {
        if (keyed.add(chain)) {
            Properties p = SecretFile.read(file);
            p.setProperty("keyed", String.join(",", keyed));
            SecretFile.write(file, p, COMMENT);
        }
    }
}
