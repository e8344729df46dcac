package org.yizhan.core.internal.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;

/** The demo users are those the v1 contract (docs/api.md, "Demo data") promises, the towns' B stand-ins and the relay node user. */
public class DemoUsersTest {

    @Test
    public void demoUsersMatchTheContract() {
        Set<String> names = DemoUsers.users().stream().map(DemoUsers.DemoUser::name).collect(Collectors.toSet());
        Set<String> expected = Set.of("admin", "supervisor", "clerk-C",
                "town-admin-T1", "town-admin-T2", "town-admin-T3", "clerk-T1", "clerk-T2", "clerk-T3",
                "clerk-T1-b", "clerk-T2-b", "clerk-T3-b",
                "agent-T1V1", "agent-T1V2", "agent-T2V1", "agent-T2V2", "agent-T3V1", "agent-T3V2",
                "relay");
        assertEquals(expected, names);
    }

    @Test
    public void onlyTheCountyAdminOpensTheConsole() {
        List<String> console = DemoUsers.users().stream().filter(DemoUsers.DemoUser::console)
                .map(DemoUsers.DemoUser::name).toList();
        assertEquals(List.of("admin"), console);
    }

    @Test
    public void everyUserBelongsToTheCenterInItsName() {
        for (DemoUsers.DemoUser u : DemoUsers.users()) {
            // a B stand-in (clerk-T1-b, R17) belongs where its A does
            String name = u.name().endsWith("-b") ? u.name().substring(0, u.name().length() - 2) : u.name();
            String suffix = name.substring(name.lastIndexOf('-') + 1);
            if (u.name().contains("-")) {
                assertEquals(u.name(), suffix, u.centerCode());
            } else {
                assertEquals(u.name(), "C", u.centerCode());
            }
            assertTrue(u.role(), Set.of("county-admin", "town-admin", "supervisor", "clerk", "village-agent", "relay").contains(u.role()));
        }
    }
}
