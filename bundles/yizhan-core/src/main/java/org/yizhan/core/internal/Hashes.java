package org.yizhan.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of the platform's hash chains (case history, audit log). */
public final class Hashes {

    /** The "previous hash" of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private Hashes() {
    }

    /** SHA-256 of the fields joined by the unit separator, as lower-case hex. */
    public static String chain(String... fields) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u001f", fields).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A 40-character row key made of its parts: the prefix and the start of {@link #chain} of
     * the parts, so any route or message id fits and the same parts always give the same key.
     */
    public static String key(String prefix, String... parts) {
        return prefix + chain(parts).substring(0, 40 - prefix.length());
    }
}
