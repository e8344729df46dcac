package org.yizhan.itests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A relay link's key as an outside sender holds it, taken from the token yizhan:link-create
 * prints, and the signature computed as docs/operations.md describes it (written here again from
 * the description, not shared with the platform's code, so the two must agree).
 */
public final class RelayLink {

    private final byte[] key;

    private RelayLink(byte[] key) {
        this.key = key;
    }

    /** From a {@code yizhan-link:1:<a>:<b>:<key>} token, or a console output holding one. */
    public static RelayLink fromToken(String text) {
        int at = text.indexOf("yizhan-link:1:");
        if (at < 0) {
            throw new AssertionError("no link token in: " + text);
        }
        String token = text.substring(at).split("\\s")[0];
        return new RelayLink(Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf(':') + 1)));
    }

    public Map<String, String> headers(String from, String to, long timestamp, byte[] body) {
        try {
            String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String text = "v1\n" + from + "\n" + to + "\n" + timestamp + "\n" + digest;
            Map<String, String> h = new LinkedHashMap<>();
            h.put("X-Yizhan-From", from);
            h.put("X-Yizhan-To", to);
            h.put("X-Yizhan-Timestamp", Long.toString(timestamp));
            h.put("X-Yizhan-Signature", "v1=" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8))));
            return h;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
