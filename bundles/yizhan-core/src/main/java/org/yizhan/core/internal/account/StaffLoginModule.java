package org.yizhan.core.internal.account;

import java.io.IOException;
import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * Signs a user in against the platform's accounts ({@link SignIns#signIn}): lockout,
 * inactive accounts and the audit entry are handled there. The source address is read from the
 * {@link ClientPrincipal} that Karaf's SSH server (and the REST API) put on the subject.
 * Created per login by Karaf's ProxyLoginModule, which passes the account service in its options.
 */
public class StaffLoginModule implements LoginModule {

    static final String ACCOUNTS = "org.yizhan.accounts";

    private Subject subject;
    private CallbackHandler handler;
    private SignIns accounts;
    private final Set<Principal> principals = new HashSet<>();

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
        this.accounts = (SignIns) options.get(ACCOUNTS);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("user: ");
        PasswordCallback password = new PasswordCallback("password: ", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("Cannot read the credentials: " + e.getMessage());
        }
        char[] pw = password.getPassword();
        if (name.getName() == null || pw == null) {
            throw new FailedLoginException("User name and password are required");
        }
        SignIns.SignIn result = accounts.signIn(name.getName(), pw, source());
        password.clearPassword();
        if (!result.ok()) {
            // the caller is never told which of user, password, lock or standing was wrong
            throw new FailedLoginException("Wrong user name or password");
        }
        principals.add(new UserPrincipal(result.account().username()));
        for (String role : SignIns.loginRoles(result.account())) {
            principals.add(new RolePrincipal(role));
        }
        return true;
    }

    private String source() {
        for (ClientPrincipal p : subject.getPrincipals(ClientPrincipal.class)) {
            String address = p.getAddress();
            if (address != null) {
                // "/127.0.0.1:53412" from SSH: keep the address
                String a = address.startsWith("/") ? address.substring(1) : address;
                int colon = a.lastIndexOf(':');
                return "ssh".equals(p.getMethod()) && colon > 0 && a.indexOf(':') == colon ? "console " + a.substring(0, colon) : a;
            }
        }
        return "console";
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
