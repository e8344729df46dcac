package org.yizhan.shell.internal;

import org.yizhan.api.Caller;
import org.yizhan.api.Level;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;

import java.util.Set;

/** Console helpers: centers by code, and who the console acts as. */
final class Centers {

    private Centers() {
    }

    static CenterDTO byCode(NetworkService network, String code) {
        return network.centerByCode(code).orElseThrow(() ->
                new IllegalArgumentException("No center with code " + code + " / 无此中心：" + code));
    }

    /**
     * The console is the county administrators' tool (only county admins get Karaf's console
     * roles): it acts with county-admin rights, in the name of the signed-in console user, so the
     * audit log says who did it.
     */
    @SuppressWarnings("removal")
    /** A center's code, or its id when it is gone. */
    static String code(NetworkService network, long id) {
        return network.center(id).map(c -> c.code).orElse(Long.toString(id));
    }

    static Caller console(NetworkService network) {
        long county = network.centers().stream().filter(c -> c.level == Level.COUNTY).map(c -> c.id).findFirst().orElse(0L);
        return new Caller(consoleUser(), Set.of(Caller.COUNTY_ADMIN), county, "console");
    }

    /** The signed-in console user (Karaf runs each command as its session's subject). */
    @SuppressWarnings("removal")
    static String consoleUser() {
        javax.security.auth.Subject subject = javax.security.auth.Subject.getSubject(java.security.AccessController.getContext());
        if (subject != null) {
            for (java.security.Principal p : subject.getPrincipals()) {
                if (p.getClass().getSimpleName().equals("UserPrincipal")) {
                    return p.getName();
                }
            }
        }
        return "console";
    }
}
