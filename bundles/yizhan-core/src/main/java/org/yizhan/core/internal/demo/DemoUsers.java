package org.yizhan.core.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.core.internal.PlatformConfig;

/**
 * In demo mode, puts the demo users of the v1 contract into the container's "karaf" JAAS
 * realm (etc/users.properties), all with the password {@code demo}. Users that already exist
 * are left as they are, so an operator's change of password survives a restart.
 */
@Component(immediate = true, configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class DemoUsers {

    static final String REALM = "karaf";
    static final String PASSWORD = "demo";
    /** The option of a realm entry that names its login module (Karaf's ProxyLoginModule.PROPERTY_MODULE). */
    static final String MODULE_OPTION = "org.apache.karaf.jaas.module";
    static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";
    /** Karaf's console group: the roles that open the shell over SSH and bin/client. */
    static final String CONSOLE_GROUP = "admingroup";
    static final String[] CONSOLE_ROLES = {"admin", "manager", "viewer", "systembundles", "ssh"};

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    /** A demo user: name, role, the code of the center it belongs to, and whether it opens the console. */
    public record DemoUser(String name, String role, String centerCode, boolean console) {
    }

    @Activate
    public DemoUsers(PlatformConfig config,
                     @Reference(policyOption = ReferencePolicyOption.GREEDY) List<JaasRealm> realms,
                     @Reference(policyOption = ReferencePolicyOption.GREEDY) List<BackingEngineFactory> factories) {
        if (!config.demo()) {
            return;
        }
        BackingEngine engine = propertiesEngine(realms, factories);
        if (engine == null) {
            LOG.warn("Demo mode: no properties backing engine for realm '{}'; demo users not created", REALM);
            return;
        }
        int added = ensure(engine, users(config.demoExtraVillagesPerTown()));
        LOG.info("Demo mode 演示模式: {} demo users added to realm '{}' (password '{}')", added, REALM, PASSWORD);
    }

    /** The demo users of API.md: an admin, a supervisor, a clerk per center, a town admin per town, an agent per village. */
    public static List<DemoUser> users() {
        return users(0);
    }

    /** The contract's users, plus an agent for each extra demo village. */
    public static List<DemoUser> users(int extraVillagesPerTown) {
        List<DemoUser> users = new ArrayList<>();
        users.add(new DemoUser("admin", "county-admin", "C", true));
        users.add(new DemoUser("supervisor", "supervisor", "C", false));
        users.add(new DemoUser("clerk-C", "clerk", "C", false));
        // what another container's dispatcher logs in as to hand over relayed cases
        users.add(new DemoUser("relay", "relay", "C", false));
        for (int t = 1; t <= 3; t++) {
            String town = "T" + t;
            users.add(new DemoUser("town-admin-" + town, "town-admin", town, false));
            users.add(new DemoUser("clerk-" + town, "clerk", town, false));
            for (int v = 1; v <= 2 + extraVillagesPerTown; v++) {
                String village = town + "V" + v;
                users.add(new DemoUser("agent-" + village, "village-agent", village, false));
            }
        }
        return users;
    }

    static int ensure(BackingEngine engine, List<DemoUser> users) {
        boolean groupExists = engine.listGroups().keySet().stream()
                .anyMatch(g -> CONSOLE_GROUP.equals(g.getName()));
        if (!groupExists) {
            engine.createGroup(CONSOLE_GROUP);
            for (String role : CONSOLE_ROLES) {
                engine.addGroupRole(CONSOLE_GROUP, role);
            }
        }
        int added = 0;
        for (DemoUser user : users) {
            if (engine.lookupUser(user.name()) != null) {
                continue;
            }
            engine.addUser(user.name(), PASSWORD);
            engine.addRole(user.name(), user.role());
            if (user.console()) {
                engine.addGroup(user.name(), CONSOLE_GROUP);
            }
            added++;
        }
        return added;
    }

    private static BackingEngine propertiesEngine(List<JaasRealm> realms, List<BackingEngineFactory> factories) {
        for (JaasRealm realm : realms) {
            if (!REALM.equals(realm.getName())) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                Map<String, ?> options = entry.getOptions();
                if (!PROPERTIES_MODULE.equals(options.get(MODULE_OPTION))) {
                    continue;
                }
                for (BackingEngineFactory factory : factories) {
                    if (PROPERTIES_MODULE.equals(factory.getModuleClass())) {
                        @SuppressWarnings("unchecked")
                        Map<String, ?> opts = (Map<String, ?>) options;
                        return factory.build(opts);
                    }
                }
            }
        }
        return null;
    }
}
