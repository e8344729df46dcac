package org.yizhan.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.core.HttpHeaders;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;

/**
 * HTTP Basic against the container's JAAS realm. A successful login is remembered for a short
 * time (keyed by a hash of the credentials, never the password itself) so that a busy window
 * does not pay a JAAS login per request; a changed password takes effect within that time.
 */
public final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final String realm;
    private final long ttlMillis;
    private final Services services;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(String user, Set<String> roles, long expires) {
    }

    public Authenticator(String realm, long ttlMillis, Services services) {
        this.realm = realm;
        this.ttlMillis = ttlMillis;
        this.services = services;
    }

    /** The caller behind the request's credentials; 401 without valid ones, 403 without a center. */
    public Caller require(HttpHeaders headers) {
        String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new Unauthorized("Log in with HTTP Basic (user and password of the Yizhan realm)",
                    "请使用 HTTP Basic 方式登录（平台用户名和密码）");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Unauthorized("The Authorization header is not valid Basic credentials", "Authorization 请求头格式错误");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new Unauthorized("The Authorization header is not valid Basic credentials", "Authorization 请求头格式错误");
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String key = sha256(user + "\u0000" + password);
        long now = System.currentTimeMillis();
        Entry entry = cache.get(key);
        if (entry == null || entry.expires() < now) {
            entry = new Entry(user, login(user, password), now + ttlMillis);
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(key, entry);
        }
        long center = services.network().staffCenter(user).orElseThrow(() -> YizhanException.forbidden(
                "User " + user + " is not assigned to a center", "用户 " + user + " 未分配到任何中心"));
        return new Caller(user, entry.roles(), center);
    }

    private Set<String> login(String user, String password) {
        Subject subject = new Subject();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(Authenticator.class.getClassLoader());
            LoginContext login = new LoginContext(realm, subject, callbacks -> {
                for (javax.security.auth.callback.Callback cb : callbacks) {
                    if (cb instanceof NameCallback nc) {
                        nc.setName(user);
                    } else if (cb instanceof PasswordCallback pc) {
                        pc.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            login.login();
        } catch (LoginException e) {
            LOG.info("Login refused for user '{}' / 登录失败", user);
            throw new Unauthorized("Wrong user name or password", "用户名或密码错误");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        Set<String> roles = new HashSet<>();
        for (RolePrincipal p : subject.getPrincipals(RolePrincipal.class)) {
            roles.add(p.getName());
        }
        return roles;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 401 with a challenge. */
    public static final class Unauthorized extends YizhanException {
        private static final long serialVersionUID = 1L;

        Unauthorized(String message, String messageZh) {
            super(401, message, messageZh, null, null, null, null);
        }
    }
}
