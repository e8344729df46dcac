package org.yizhan.api.cases;

import org.osgi.annotation.versioning.ProviderType;
import org.yizhan.api.Caller;

/**
 * The case engine. Every method either does all it says in one transaction or throws a
 * {@link org.yizhan.api.YizhanException} having changed nothing.
 */
@ProviderType
public interface CaseService {

    CaseDTO create(Caller caller, NewCaseDTO request);

    /**
     * {@link #create}, once per caller and idempotency key: a retry with the same key and the
     * same request answers the case the first one made, as it now stands, and changes nothing
     * ({@code key.replayed}); the same key with another request is refused (422, field
     * {@code Idempotency-Key}). {@code key} may be null.
     */
    CaseDTO create(Caller caller, NewCaseDTO request, Idempotency key);

    /** The case with its history; 404 also when the caller may not see it. */
    CaseDTO get(Caller caller, String number);

    CasePageDTO list(Caller caller, CaseQuery query);

    CaseDTO act(Caller caller, String number, CaseAction action, ActionDTO body);

    /** {@link #act}, once per caller and idempotency key, as {@link #create(Caller, NewCaseDTO, Idempotency)}. */
    CaseDTO act(Caller caller, String number, CaseAction action, ActionDTO body, Idempotency key);

    VerificationDTO verify(Caller caller, String number);

    /** The public lookup (R30); 404 unless the lookup code matches. */
    PublicCaseDTO lookup(String number, String lookupCode);
}
