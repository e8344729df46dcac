package org.yizhan.relay.internal;

import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;

/** Relay operations are for administrators and supervisors. */
final class RelayStatusGuard {

    private RelayStatusGuard() {
    }

    static void requireOperator(Caller caller) {
        if (!caller.hasAny(Caller.COUNTY_ADMIN, Caller.TOWN_ADMIN, Caller.SUPERVISOR)) {
            throw YizhanException.forbidden("Relay operations are for administrators and supervisors", "报送运维仅限管理员和监察人员");
        }
    }
}
