package org.yizhan.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.time.Duration;
import java.util.HexFormat;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.servlet.ServletRequest;
import javax.ws.rs.core.HttpHeaders;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.account.AccountDTO;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * HTTP Basic against the container's JAAS realm (the platform's accounts). The password check is
 * slow on purpose (PBKDF2), so a successful sign-in is remembered for a while, keyed by a hash of
 * the credentials (never the password itself) together with the account's stamp: a changed or
 * reset password, a lock or a deactivation changes the stamp and drops the remembered sign-in at
 * once. Roles and center are read from the account on every request, so they apply at once too.
 */
public final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    private static final int MAX_ENTRIES = 10_000;

    private final String realm;
    private final Services services;
    private final RateLimits limits;
    /** Remembered sign-ins: bounded, each expiring its time after the sign-in. */
    private final Cache<String, Entry> cache;

    private record Entry(String user, long stamp) {
    }

    /** An open session: whose, the account's stamp when it opened, and when it must end at the latest. */
    private record Session(String user, long stamp, long endsAtMillis) {
    }

    /** A session ends after this long without a request. */
    static final Duration SESSION_IDLE = Duration.ofMinutes(15);
    /** and after this long in any case. */
    static final Duration SESSION_MAX = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Open sessions by the SHA-256 of their token (the token itself is kept only by the client). */
    private final Cache<String, Session> sessions;

    public Authenticator(String realm, long ttlMillis, Services services, RateLimits limits) {
        this.limits = limits;
        this.realm = realm;
        this.services = services;
        this.cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(Duration.ofMillis(ttlMillis)).build();
        this.sessions = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterAccess(SESSION_IDLE).build();
    }

    /**
     * Opens a session for a caller who signed in with their password: a random token the client
     * sends as {@code Authorization: Bearer <token>} instead of keeping the password. It ends after
     * 15 idle minutes, after 8 hours, on sign-out, and at once when the account changes (password,
     * roles, lock, deactivation).
     */
    public String openSession(Signed signed) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(sha256(token), new Session(signed.caller().user(), signed.account().stamp(),
                System.currentTimeMillis() + SESSION_MAX.toMillis()));
        return token;
    }

    /** Ends the session the request names (sign-out); true when there was one. */
    public boolean closeSession(HttpHeaders headers) {
        String token = bearer(headers);
        if (token == null || sessions.getIfPresent(sha256(token)) == null) {
            return false;
        }
        sessions.invalidate(sha256(token));
        return true;
    }

    private static String bearer(HttpHeaders headers) {
        String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() <= 7 + 100
                ? header.substring(7).trim() : null;
    }

    private Signed fromSession(String token) {
        String key = sha256(token);
        Session session = sessions.getIfPresent(key);
        AccountDTO account = session == null ? null : services.accounts().account(session.user()).orElse(null);
        if (session == null || account == null || account.stamp() != session.stamp() || !account.active() || account.locked()
                || System.currentTimeMillis() > session.endsAtMillis()) {
            sessions.invalidate(key);
            throw new Unauthorized("Your session has ended; sign in again", "会话已结束，请重新登录", Unauthorized.BEARER);
        }
        return new Signed(new Caller(session.user(), account.roles(), account.centerId(), remoteAddress()), account, null);
    }

    /**
     * The caller behind the request's credentials: 401 without valid ones, 403 with the problem
     * type password-change-required while a one-time password must still be changed.
     */
    public Caller require(HttpHeaders headers) {
        Caller caller = requireAnyRole(headers);
        if (!caller.hasAny(STAFF_ROLES)) {
            // the relay account of another container hands over relay messages and reads nothing
            throw YizhanException.forbidden("This account may only hand over relay messages", "该账号仅可提交报送消息");
        }
        return caller;
    }

    /** The roles of people at the platform: everything but the relay account. */
    private static final String[] STAFF_ROLES = {Caller.CLERK, Caller.VILLAGE_AGENT, Caller.TOWN_ADMIN, Caller.SUPERVISOR,
        Caller.COUNTY_ADMIN};

    /** As {@link #require}, for the one endpoint another container's relay account calls ({@code POST /relay/inbox}). */
    public Caller requireAnyRole(HttpHeaders headers) {
        Signed s = signIn(headers);
        if (s.account().mustChangePassword()) {
            throw YizhanException.passwordChangeRequired();
        }
        return s.caller();
    }

    /** As {@link #require}, but lets a pending password change through (GET /me, POST /me/password). */
    public Signed requireAllowingPasswordChange(HttpHeaders headers) {
        return signIn(headers);
    }

    /** A signed-in caller and their account. */
    public record Signed(Caller caller, AccountDTO account, String password) {
    }

    private Signed signIn(HttpHeaders headers) {
        String token = bearer(headers);
        if (token != null) {
            return fromSession(token);
        }
        String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new Unauthorized("Sign in with HTTP Basic (user and password of the Yizhan realm) or a session's Bearer token",
                    "请使用 HTTP Basic 方式（平台用户名和密码）或会话令牌登录");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Unauthorized("The Authorization header is not valid Basic credentials", "Authorization 请求头格式错误");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon > 64 || decoded.length() - colon > 256) {
            throw new Unauthorized("The Authorization header is not valid Basic credentials", "Authorization 请求头格式错误");
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String source = remoteAddress();
        String key = sha256(user + "\u0000" + password);
        AccountDTO account = services.accounts().account(user).orElse(null);
        Entry entry = cache.getIfPresent(key);
        if (account == null || entry == null || entry.stamp() != account.stamp()) {
            cache.invalidate(key);
            limits.beforeSignIn(source);
            try {
                login(user, password, source);
            } catch (Unauthorized failed) {
                limits.signInFailed(source);
                throw failed;
            }
            account = services.accounts().account(user).orElseThrow(() -> new Unauthorized("Wrong user name or password", "用户名或密码错误"));
            cache.put(key, new Entry(user, account.stamp()));
        }
        if (!account.active() || account.locked()) {
            cache.invalidate(key);
            throw new Unauthorized("Wrong user name or password", "用户名或密码错误");
        }
        return new Signed(new Caller(user, account.roles(), account.centerId(), source), account, password);
    }

    private void login(String user, String password, String source) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal("http", source));
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
            LOG.info("Sign-in refused for user '{}' from {} / 登录失败", user.length() > 64 ? user.substring(0, 64) : user, source);
            throw new Unauthorized("Wrong user name or password", "用户名或密码错误");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The client's address, for the audit log and the per-address limits. */
    static String remoteAddress() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Object request = message == null ? null : message.get(AbstractHTTPDestination.HTTP_REQUEST);
        return request instanceof ServletRequest r ? r.getRemoteAddr() : "unknown";
    }

    /** Forget remembered sign-ins of this password (after it changed); a session has none to forget. */
    public void forget(String user, String password) {
        if (password != null) {
            cache.invalidate(sha256(user + "\u0000" + password));
        }
    }

    /** SHA-256 of the text, as lower-case hex. */
    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 401 with a challenge. */
    public static final class Unauthorized extends YizhanException {
        private static final long serialVersionUID = 1L;
        private final String challenge;

        static final String BASIC = "Basic realm=\"yizhan\", charset=\"UTF-8\"";
        static final String BEARER = "Bearer realm=\"yizhan\", error=\"invalid_token\"";

        Unauthorized(String message, String messageZh) {
            this(message, messageZh, BASIC);
        }

        Unauthorized(String message, String messageZh, String challenge) {
            super(401, message, messageZh, null, null, null, null);
            this.challenge = challenge;
        }

        /** The WWW-Authenticate challenge: Basic for credentials, Bearer for a session that ended. */
        String challenge() {
            return challenge;
        }
    }
}
