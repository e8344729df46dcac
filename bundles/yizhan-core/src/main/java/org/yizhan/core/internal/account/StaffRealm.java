package org.yizhan.core.internal.account;

import java.util.HashMap;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The container's "karaf" JAAS realm, over the platform's own accounts. Ranked above Karaf's
 * properties realm, so the REST API, the browser UI, the SSH console ({@code bin/client}) and JMX
 * all sign in against {@code YZ_STAFF}; {@code etc/users.properties} holds no user.
 */
@Component(service = JaasRealm.class, immediate = true)
public class StaffRealm implements JaasRealm {

    public static final String NAME = "karaf";
    /** Above the properties realm Karaf ships (rank 0). */
    public static final int RANK = 100;

    private final AppConfigurationEntry[] entries;

    @Activate
    public StaffRealm(BundleContext context, @Reference SignIns accounts) {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, StaffLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put(StaffLoginModule.ACCOUNTS, accounts);
        entries = new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return RANK;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries;
    }
}
