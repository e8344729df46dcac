package org.yizhan.api;

import java.util.Set;

/**
 * Who is asking: an authenticated staff member with roles and the one center they belong to.
 * Services decide visibility and permissions from it; the REST layer builds it from the login.
 */
public final class Caller {
    public static final String COUNTY_ADMIN = "county-admin";
    public static final String TOWN_ADMIN = "town-admin";
    public static final String SUPERVISOR = "supervisor";
    public static final String CLERK = "clerk";
    public static final String VILLAGE_AGENT = "village-agent";

    private final String user;
    private final Set<String> roles;
    private final long centerId;
    private final String source;

    public Caller(String user, Set<String> roles, long centerId) {
        this(user, roles, centerId, "platform");
    }

    /** With where the request came from (an address, or "console"), for the audit log. */
    public Caller(String user, Set<String> roles, long centerId, String source) {
        this.user = user;
        this.roles = Set.copyOf(roles);
        this.centerId = centerId;
        this.source = source == null ? "platform" : source;
    }

    /** Where the request came from: an IP address, "console" or "platform". */
    public String source() {
        return source;
    }

    public String user() {
        return user;
    }

    public Set<String> roles() {
        return roles;
    }

    public long centerId() {
        return centerId;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... wanted) {
        for (String r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** The caller's main role, for history records: the highest one they hold. */
    public String mainRole() {
        for (String r : new String[] {COUNTY_ADMIN, TOWN_ADMIN, SUPERVISOR, CLERK, VILLAGE_AGENT}) {
            if (roles.contains(r)) {
                return r;
            }
        }
        return roles.isEmpty() ? "none" : roles.iterator().next();
    }

    @Override
    public String toString() {
        return user + roles + "@" + centerId;
    }
}
