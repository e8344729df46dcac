package org.yizhan.core.internal.account;

import java.util.List;

/** What the platform's own start (demo data, the first county admin) needs of the accounts. */
public interface AccountSetup {

    /** True when the account exists with a password (accounts from before this realm have none). */
    boolean hasPassword(String username);

    /** How many demo (or real) accounts there are. */
    long count(boolean demo);

    /**
     * Creates an account by the same rules of storage as an administrator's creation; an existing
     * account is left as it is. True when created.
     */
    boolean ensure(String username, String name, long centerId, List<String> roles, String passwordHash,
                   boolean mustChange, boolean demo, String detail);

    /** The county center and its first admin, on a platform with no accounts yet. */
    org.yizhan.api.account.StaffDTO bootstrap(String countyCode, String countyName, String admin, String password, String actor);
}
