package org.yizhan.core.internal.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo users of the v1 contract, all with the password {@code demo}. Demo mode creates them
 * through the same account path as production ({@code AccountSetup.ensure}): stored as a
 * salted hash in the platform's database, never in {@code etc/users.properties}.
 */
public final class DemoUsers {

    public static final String PASSWORD = "demo";

    /** A demo user: name, role, the code of the center it belongs to; county admins also open the console. */
    public record DemoUser(String name, String role, String centerCode) {
        public boolean console() {
            return "county-admin".equals(role);
        }
    }

    private DemoUsers() {
    }

    /** The demo users of the contract: an admin, a supervisor, a clerk per center, a town admin per town, an agent per village. */
    public static List<DemoUser> users() {
        return users(0);
    }

    /** The contract's users, plus an agent for each extra demo village. */
    public static List<DemoUser> users(int extraVillagesPerTown) {
        List<DemoUser> users = new ArrayList<>();
        users.add(new DemoUser("admin", "county-admin", "C"));
        users.add(new DemoUser("supervisor", "supervisor", "C"));
        users.add(new DemoUser("clerk-C", "clerk", "C"));
        // what another container's dispatcher logs in as to hand over relayed cases
        users.add(new DemoUser("relay", "relay", "C"));
        for (int t = 1; t <= 3; t++) {
            String town = "T" + t;
            users.add(new DemoUser("town-admin-" + town, "town-admin", town));
            users.add(new DemoUser("clerk-" + town, "clerk", town));
            // the B stand-in of every window whose A is clerk-Tn (R17)
            users.add(new DemoUser("clerk-" + town + "-b", "clerk", town));
            for (int v = 1; v <= 2 + extraVillagesPerTown; v++) {
                String village = town + "V" + v;
                users.add(new DemoUser("agent-" + village, "village-agent", village));
            }
        }
        return users;
    }
}
