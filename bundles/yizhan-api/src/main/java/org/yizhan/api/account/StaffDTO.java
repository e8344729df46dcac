package org.yizhan.api.account;

import java.util.List;

/** A staff account as administrators see it. Never carries a password hash. */
public class StaffDTO {
    public String username;
    /** Display name (as the center publishes it). */
    public String name;
    public long centerId;
    public List<String> roles;
    /** The window types this person serves. */
    public List<String> windows;
    public boolean active;
    /** A one-time password is pending: every call but changing it answers 403. */
    public boolean mustChangePassword;
    /** While locked after repeated failed sign-ins: until when (ISO 8601). */
    public String lockedUntil;
    /** Only in the answer to creation and reset, once: the one-time password. */
    public String temporaryPassword;
}
