package org.yizhan.core.internal.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.yizhan.api.YizhanException;

/** Password storage and policy: salted PBKDF2-HMAC-SHA256 at 310,000 iterations, never the password itself. */
public class PasswordsTest {

    @Test
    public void hashIsSaltedSlowAndVerifies() {
        String a = Passwords.hash("Correct-Horse-9".toCharArray());
        String b = Passwords.hash("Correct-Horse-9".toCharArray());
        assertTrue(a, a.startsWith("pbkdf2-sha256$310000$"));
        assertNotEquals("a fresh salt each time", a, b);
        assertFalse("the password is not stored", a.contains("Correct-Horse-9"));
        assertTrue(Passwords.verify("Correct-Horse-9".toCharArray(), a));
        assertTrue(Passwords.verify("Correct-Horse-9".toCharArray(), b));
        assertFalse(Passwords.verify("correct-horse-9".toCharArray(), a));
        assertFalse(Passwords.verify("Correct-Horse-9".toCharArray(), null));
        assertFalse(Passwords.verify("Correct-Horse-9".toCharArray(), "plain-text"));
    }

    @Test
    public void aStoredHashKeepsItsIterationCount() {
        String a = Passwords.hash("Correct-Horse-9".toCharArray());
        String[] parts = a.split("\\$");
        // a hash written with fewer iterations is checked with its own count, and fails with another
        String tampered = parts[0] + "$1000$" + parts[2] + "$" + parts[3];
        assertFalse(Passwords.verify("Correct-Horse-9".toCharArray(), tampered));
    }

    @Test
    public void policyNeedsTenCharactersAndNotTheUserName() {
        Passwords.checkPolicy("newPassword", "clerk-t01", "Ten-chars!");
        for (String bad : new String[] {"short", "", "clerk-t01", "CLERK-T01X".substring(0, 9), "x".repeat(129)}) {
            try {
                Passwords.checkPolicy("newPassword", "clerk-t01", bad);
                fail("accepted " + bad);
            } catch (YizhanException e) {
                assertEquals(400, e.status());
                assertEquals("newPassword", e.field());
            }
        }
        try {
            Passwords.checkPolicy("newPassword", "longusername1", "LongUserName1");
            fail("the user name in other case was accepted");
        } catch (YizhanException e) {
            assertEquals("newPassword", e.field());
        }
    }

    @Test
    public void oneTimePasswordsAreLongAndUnambiguous() {
        String p = Passwords.oneTime();
        assertEquals(14, p.length());
        assertTrue(p, p.matches("[A-HJ-NP-Za-km-z2-9]+"));
        assertNotEquals(p, Passwords.oneTime());
    }
}
