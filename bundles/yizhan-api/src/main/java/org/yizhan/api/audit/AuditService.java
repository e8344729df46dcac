package org.yizhan.api.audit;

import org.osgi.annotation.versioning.ProviderType;
import org.yizhan.api.Caller;
import org.yizhan.api.cases.VerificationDTO;

/**
 * The audit log: who signed in (or failed to), who changed accounts, the network, windows,
 * transports, dead letters, route files and modules. Append-only; each entry hashes the one
 * before it, so an edited, inserted or deleted entry breaks the chain.
 */
@ProviderType
public interface AuditService {

    String SIGN_IN = "SIGN_IN";
    String SIGN_IN_FAILED = "SIGN_IN_FAILED";
    String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    String ACCOUNT_UNLOCKED = "ACCOUNT_UNLOCKED";
    String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    String PASSWORD_RESET = "PASSWORD_RESET";
    String STAFF_CREATED = "STAFF_CREATED";
    String STAFF_CHANGED = "STAFF_CHANGED";
    String CENTER_CREATED = "CENTER_CREATED";
    String CENTER_CHANGED = "CENTER_CHANGED";
    String CENTER_CLOSED = "CENTER_CLOSED";
    String CENTERS_IMPORTED = "CENTERS_IMPORTED";
    String WINDOW_SWITCHED = "WINDOW_SWITCHED";
    String TRANSPORT_CHANGED = "TRANSPORT_CHANGED";
    String DEAD_LETTER_REPLAYED = "DEAD_LETTER_REPLAYED";
    String ROUTE_FILE_LOADED = "ROUTE_FILE_LOADED";
    String MODULE_INSTALLED = "MODULE_INSTALLED";
    String MODULE_REMOVED = "MODULE_REMOVED";
    String BOOTSTRAP = "BOOTSTRAP";
    String LINK_CREATED = "LINK_CREATED";
    String LINK_IMPORTED = "LINK_IMPORTED";
    String LINK_REMOVED = "LINK_REMOVED";
    /** Personal data of closed cases masked after the retention period (one event per pass). */
    String PERSONAL_DATA_MASKED = "PERSONAL_DATA_MASKED";
    /** A relay message refused: no or a wrong link signature, too old, replayed with other content, misrouted. */
    String RELAY_REFUSED = "RELAY_REFUSED";

    /** Appends an entry (its own transaction). Never carries a password or personal data. */
    void record(String actor, String kind, String target, String detail, String source);

    /** Supervisors and county-admins. */
    AuditPageDTO list(Caller caller, AuditQuery query);

    /** Re-computes the chain (supervisors and county-admins). */
    VerificationDTO verify(Caller caller);
}
