package org.yizhan.core.internal.account;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.yizhan.api.Caller;
import org.yizhan.api.account.AccountDTO;

/** Checks a password for the JAAS login module: lockout, inactive accounts, audit of every outcome. */
public interface SignIns {

    /** The outcome of a sign-in: the account, or why it was refused (never says which to the caller). */
    record SignIn(AccountDTO account, String refusal) {
        public boolean ok() {
            return account != null;
        }
    }

    SignIn signIn(String username, char[] password, String source);

    /** Karaf's console roles, which a county admin's sign-in carries. */
    List<String> CONSOLE_ROLES = List.of("admin", "manager", "viewer", "systembundles", "ssh");

    /** The roles a login carries: the account's, plus Karaf's console roles for a county admin with no pending change. */
    static Set<String> loginRoles(AccountDTO a) {
        Set<String> roles = new LinkedHashSet<>(a.roles());
        if (a.roles().contains(Caller.COUNTY_ADMIN) && !a.mustChangePassword()) {
            roles.addAll(CONSOLE_ROLES);
        }
        return roles;
    }
}
