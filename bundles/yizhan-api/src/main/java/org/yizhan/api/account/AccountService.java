package org.yizhan.api.account;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.yizhan.api.Caller;

/**
 * Staff accounts in the platform's database: the one realm behind the REST API, the browser UI
 * and the Karaf console. Passwords are kept only as slow salted hashes.
 */
@ProviderType
public interface AccountService {

    /** The roles an account may hold. */
    List<String> ROLES = List.of(Caller.COUNTY_ADMIN, Caller.TOWN_ADMIN, Caller.SUPERVISOR, Caller.CLERK,
            Caller.VILLAGE_AGENT, "relay");

    /** The account's current standing (cached; changes show at once on this node). */
    Optional<AccountDTO> account(String username);

    /** Staff the caller administers: all for a county-admin, their town's subtree for a town-admin. */
    List<StaffDTO> staff(Caller caller, Long centerId);

    StaffDTO get(Caller caller, String username);

    /** Creates an account with a one-time password, answered once in {@code temporaryPassword}. */
    StaffDTO create(Caller caller, StaffInput input);

    StaffDTO update(Caller caller, String username, StaffInput input);

    /** A new one-time password (answered once); also lifts a lock. */
    StaffDTO resetPassword(Caller caller, String username);

    /** Lifts a lock after failed sign-ins. */
    StaffDTO unlock(Caller caller, String username);

    /** The account holder changes their own password (policy checked); clears a pending change. */
    void changePassword(String username, String oldPassword, String newPassword, String source);

    /**
     * First start of a production install: creates the county center (unless there is one) and
     * the first county admin, whose password must be changed at first sign-in. Refused (409)
     * once any account exists. {@code password} null: a one-time password is generated and
     * answered once in {@code temporaryPassword}.
     */
    StaffDTO bootstrap(String countyCode, String countyName, String admin, String password, String actor);
}
