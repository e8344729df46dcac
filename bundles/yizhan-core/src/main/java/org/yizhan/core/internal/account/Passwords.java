package org.yizhan.core.internal.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.yizhan.api.YizhanException;

/**
 * Password hashing with the JDK's PBKDF2-HMAC-SHA256 (a maintained, FIPS-listed implementation;
 * no third-party bundle needed): a random 16-byte salt per password and 310,000 iterations, the
 * OWASP figure for this function. Stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (Base64), so the work factor can be raised later without breaking stored hashes.
 */
public final class Passwords {

    public static final int ITERATIONS = 310_000;
    static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    /** Letters and digits that cannot be mistaken for one another when read aloud or printed. */
    private static final char[] ONE_TIME_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Verified against when the user does not exist, so that a wrong user name costs the same time. */
    private static final String DUMMY = hash("not-a-password".toCharArray());

    private Passwords() {
    }

    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = pbkdf2(password, salt, ITERATIONS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }

    /** True when the password matches the stored hash; a null or malformed hash matches nothing. */
    public static boolean verify(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            pbkdf2(password, new byte[SALT_BYTES], ITERATIONS);
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one verification, for a user name that does not exist. */
    public static void verifyDummy(char[] password) {
        verify(password, DUMMY);
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        }
    }

    /** A one-time password: 14 characters from an unambiguous alphabet (about 81 bits). */
    public static String oneTime() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(ONE_TIME_ALPHABET[RANDOM.nextInt(ONE_TIME_ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** The password policy: at least 10 characters, at most 128, not the user name. Names the field at fault. */
    public static void checkPolicy(String field, String username, String password) {
        List<YizhanException.FieldError> errors = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            errors.add(new YizhanException.FieldError(field, "The password needs at least " + MIN_LENGTH + " characters",
                    "密码至少需要 " + MIN_LENGTH + " 个字符"));
        } else if (password.length() > MAX_LENGTH) {
            errors.add(new YizhanException.FieldError(field, "The password may have at most " + MAX_LENGTH + " characters",
                    "密码最多 " + MAX_LENGTH + " 个字符"));
        } else if (password.equalsIgnoreCase(username)) {
            errors.add(new YizhanException.FieldError(field, "The password may not be the user name",
                    "密码不能与用户名相同"));
        }
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
    }
}
