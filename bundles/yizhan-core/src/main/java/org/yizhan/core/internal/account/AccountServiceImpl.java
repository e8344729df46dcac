package org.yizhan.core.internal.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;


import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.Level;
import org.yizhan.api.YizhanException;
import org.yizhan.api.account.AccountDTO;
import org.yizhan.api.account.AccountService;
import org.yizhan.api.account.StaffDTO;
import org.yizhan.api.account.StaffInput;
import org.yizhan.api.audit.AuditService;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.TtlCache;
import org.yizhan.core.internal.Cluster;
import org.yizhan.core.internal.audit.AuditLog;
import org.yizhan.core.internal.entity.StaffEntity;
import org.yizhan.api.network.NetworkService;
import org.yizhan.core.internal.network.Centers;
import org.yizhan.core.internal.network.WindowTypes;

/**
 * Staff accounts: creation and change by administrators, one-time passwords, the password
 * policy, lockout after repeated failed sign-ins, and the sign-in itself (called by the JAAS
 * login module, so the REST API, the browser UI and the console share it). Every change and
 * every sign-in is written to the audit log in the same transaction.
 */
@Component(service = {AccountService.class, SignIns.class, AccountSetup.class}, configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class AccountServiceImpl implements AccountService, SignIns, AccountSetup {

    private static final Logger LOG = LoggerFactory.getLogger(AccountServiceImpl.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
    /** Karaf's console roles, given to county admins (and only while no password change is pending). */

    private final Jpa jpa;
    private final AuditLog audit;
    private final NetworkService network;
    private final Centers centers;
    private final WindowTypes windowTypes;
    private final TtlCache<String, Optional<AccountDTO>> accounts;
    private volatile int lockoutAttempts;
    private volatile long lockoutMillis;

    @Activate
    public AccountServiceImpl(@Reference Jpa jpa,
                              @Reference AuditLog audit, @Reference NetworkService network,
                              @Reference Centers centers, @Reference WindowTypes windowTypes, PlatformConfig config,
                              @Reference Cluster cluster) {
        this.jpa = jpa;
        this.accounts = TtlCache.shared("accounts", 10_000, cluster);
        this.audit = audit;
        this.network = network;
        this.centers = centers;
        this.windowTypes = windowTypes;
        modified(config);
    }

    @Modified
    void modified(PlatformConfig config) {
        lockoutAttempts = Math.max(1, config.accounts_lockout_attempts());
        lockoutMillis = Math.max(1, config.accounts_lockout_minutes()) * 60_000L;
    }

    // ------------------------------------------------------------------ reading

    @Override
    public Optional<AccountDTO> account(String username) {
        if (username == null || username.length() > 64) {
            return Optional.empty();
        }
        return accounts.get(username, u -> Optional.ofNullable(jpa.read(em -> em.find(StaffEntity.class, u))).map(this::toAccount));
    }

    private AccountDTO toAccount(StaffEntity s) {
        return new AccountDTO(s.getUsername(), s.getCenterId(), Set.copyOf(split(s.getRoles())), s.isActive(),
                s.isMustChangePassword(), s.getLockedUntilMillis() > System.currentTimeMillis(), s.getStamp());
    }

    static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    StaffDTO toDTO(StaffEntity s) {
        StaffDTO d = new StaffDTO();
        d.username = s.getUsername();
        d.name = s.getDisplayName();
        d.centerId = s.getCenterId();
        d.roles = split(s.getRoles());
        d.windows = split(s.getWindows());
        d.active = s.isActive();
        d.mustChangePassword = s.isMustChangePassword();
        if (s.getLockedUntilMillis() > System.currentTimeMillis()) {
            d.lockedUntil = Instant.ofEpochMilli(s.getLockedUntilMillis()).toString();
        }
        return d;
    }

    @Override
    public List<StaffDTO> staff(Caller caller, Long centerId) {
        Set<Long> visible = administered(caller);
        if (centerId != null && !visible.contains(centerId)) {
            throw YizhanException.forbidden("You do not administer center " + centerId, "您无权管理该中心：" + centerId);
        }
        return jpa.read(em -> em.createQuery("SELECT s FROM StaffEntity s ORDER BY s.centerId, s.username", StaffEntity.class)
                .getResultList().stream()
                .filter(s -> centerId == null ? visible.contains(s.getCenterId()) : s.getCenterId() == centerId)
                .map(this::toDTO).toList());
    }

    @Override
    public StaffDTO get(Caller caller, String username) {
        return toDTO(find(caller, username));
    }

    /** Centers whose staff the caller administers: everything for a county admin, the own town's subtree for a town admin. */
    private Set<Long> administered(Caller caller) {
        if (caller.has(Caller.COUNTY_ADMIN)) {
            Set<Long> all = new java.util.HashSet<>();
            centers.allCenters().forEach(c -> all.add(c.id));
            return all;
        }
        if (caller.has(Caller.TOWN_ADMIN)) {
            return network.subtree(caller.centerId());
        }
        throw YizhanException.forbidden("Only county and town admins manage staff accounts", "只有县级和乡镇管理员可以管理人员账号");
    }

    private StaffEntity find(Caller caller, String username) {
        Set<Long> visible = administered(caller);
        StaffEntity s = username == null ? null : jpa.read(em -> em.find(StaffEntity.class, username));
        if (s == null || !visible.contains(s.getCenterId())) {
            throw YizhanException.notFound("No staff account " + username, "无此人员账号：" + username);
        }
        return s;
    }

    // ------------------------------------------------------------------ administration

    @Override
    public StaffDTO create(Caller caller, StaffInput in) {
        administered(caller);   // who may, before what: a clerk learns nothing about the fields from a 400
        if (in == null) {
            throw YizhanException.badInput("body", "Send the account as JSON", "请以 JSON 提交账号信息");
        }
        List<YizhanException.FieldError> errors = new ArrayList<>();
        if (in.username == null || !USERNAME.matcher(in.username).matches()) {
            errors.add(new YizhanException.FieldError("username",
                    "username: 2-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                    "用户名须为 2-64 个字母、数字或 . _ -，以字母或数字开头"));
        }
        checkName(in.name, errors);
        if (in.centerId == null) {
            errors.add(new YizhanException.FieldError("centerId", "centerId is required", "centerId 为必填项"));
        }
        if (in.roles == null || in.roles.isEmpty()) {
            errors.add(new YizhanException.FieldError("roles", "At least one role is required", "至少需要一个角色"));
        }
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
        List<String> roles = checkRoles(caller, in.centerId, in.roles);
        List<String> windows = checkWindows(in.windows);
        String oneTime = Passwords.oneTime();
        String hash = Passwords.hash(oneTime.toCharArray());
        StaffEntity created = audit.tx(em -> {
            if (em.find(StaffEntity.class, in.username) != null) {
                throw YizhanException.badInput("username", "The user name " + in.username + " is taken", "用户名已被使用：" + in.username);
            }
            StaffEntity s = newAccount(in.username, in.name.trim(), in.centerId, roles, windows, hash, true, false);
            em.persist(s);
            audit.append(em, caller.user(), AuditService.STAFF_CREATED, s.getUsername(),
                    "center=" + in.centerId + " roles=" + String.join(",", roles) + " windows=" + String.join(",", windows),
                    caller.source());
            return s;
        });
        accounts.invalidate(in.username);
        LOG.info("Staff account {} created by {} / 已创建人员账号", in.username, caller.user());
        StaffDTO d = toDTO(created);
        d.temporaryPassword = oneTime;
        return d;
    }

    static StaffEntity newAccount(String username, String name, long centerId, List<String> roles, List<String> windows,
                                  String hash, boolean mustChange, boolean demo) {
        StaffEntity s = new StaffEntity();
        s.setUsername(username);
        s.setDisplayName(name);
        s.setCenterId(centerId);
        s.setRoles(String.join(",", roles));
        s.setWindows(String.join(",", windows));
        s.setPasswordHash(hash);
        s.setMustChangePassword(mustChange);
        s.setActive(true);
        s.setDemo(demo);
        s.setStamp(1);
        s.setCreatedAtMillis(System.currentTimeMillis());
        return s;
    }

    private static void checkName(String name, List<YizhanException.FieldError> errors) {
        if (name == null || name.isBlank() || name.trim().length() > 100) {
            errors.add(new YizhanException.FieldError("name", "name: 1-100 characters", "姓名须为 1-100 个字符"));
        }
    }

    /** Roles must be known, fit the center's level, and be within what the caller may grant. */
    private List<String> checkRoles(Caller caller, long centerId, List<String> wanted) {
        Set<Long> visible = administered(caller);
        CenterDTO center = network.center(centerId).orElse(null);
        if (center == null || !visible.contains(centerId)) {
            throw YizhanException.badInput("centerId", "No center " + centerId + " that you administer", "无此中心或您无权管理：" + centerId);
        }
        if (Boolean.TRUE.equals(center.closed)) {
            throw YizhanException.badInput("centerId", "Center " + center.code + " is closed", "中心已撤销：" + center.code);
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String r : wanted) {
            if (r == null || !ROLES.contains(r)) {
                throw YizhanException.badInput("roles", "Unknown role '" + r + "'; roles are " + ROLES, "未知角色：" + r);
            }
            if (!caller.has(Caller.COUNTY_ADMIN) && !(r.equals(Caller.CLERK) || r.equals(Caller.VILLAGE_AGENT))) {
                throw YizhanException.forbidden("A town admin grants only the clerk and village-agent roles",
                        "乡镇管理员只能授予窗口人员和村代办员角色");
            }
            Level need = switch (r) {
                case Caller.COUNTY_ADMIN, Caller.SUPERVISOR -> Level.COUNTY;
                case Caller.TOWN_ADMIN -> Level.TOWN;
                case Caller.VILLAGE_AGENT -> Level.VILLAGE;
                default -> null;
            };
            boolean fits = need != null ? center.level == need
                    : !r.equals(Caller.CLERK) || center.level != Level.VILLAGE;
            if (!fits) {
                throw YizhanException.badInput("roles", "The role " + r + " does not belong at a " + center.level + " center",
                        "角色 " + r + " 不适用于该级中心");
            }
            roles.add(r);
        }
        return List.copyOf(roles);
    }

    private List<String> checkWindows(List<String> windows) {
        if (windows == null) {
            return List.of();
        }
        if (windows.size() > 30) {
            throw YizhanException.badInput("windows", "At most 30 windows", "最多 30 个窗口");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String w : windows) {
            if (w == null || windowTypes.windowType(w).isEmpty()) {
                throw YizhanException.badInput("windows", "Unknown window type '" + w + "'", "未知窗口类型：" + w);
            }
            out.add(w);
        }
        return List.copyOf(out);
    }

    @Override
    public StaffDTO update(Caller caller, String username, StaffInput in) {
        StaffEntity current = find(caller, username);
        if (in == null) {
            throw YizhanException.badInput("body", "Send the changes as JSON", "请以 JSON 提交修改内容");
        }
        if (in.username != null && !in.username.equals(username)) {
            throw YizhanException.badInput("username", "A user name cannot be changed", "用户名不能修改");
        }
        List<YizhanException.FieldError> errors = new ArrayList<>();
        if (in.name != null) {
            checkName(in.name, errors);
        }
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
        long centerId = in.centerId != null ? in.centerId : current.getCenterId();
        List<String> roles = checkRoles(caller, centerId, in.roles != null ? in.roles : split(current.getRoles()));
        if (roles.isEmpty()) {
            throw YizhanException.badInput("roles", "At least one role is required", "至少需要一个角色");
        }
        List<String> windows = in.windows != null ? checkWindows(in.windows) : split(current.getWindows());
        if (Boolean.FALSE.equals(in.active) && username.equals(caller.user())) {
            throw YizhanException.badInput("active", "You cannot deactivate your own account", "不能停用自己的账号");
        }
        StaffEntity updated = audit.tx(em -> {
            StaffEntity s = em.find(StaffEntity.class, username);
            StringBuilder changes = new StringBuilder();
            if (in.name != null && !in.name.trim().equals(s.getDisplayName())) {
                s.setDisplayName(in.name.trim());
                changes.append(" name");
            }
            if (centerId != s.getCenterId()) {
                changes.append(" center=").append(s.getCenterId()).append("->").append(centerId);
                s.setCenterId(centerId);
            }
            String r = String.join(",", roles);
            if (!r.equals(s.getRoles())) {
                changes.append(" roles=").append(s.getRoles()).append("->").append(r);
                s.setRoles(r);
            }
            String w = String.join(",", windows);
            if (!w.equals(s.getWindows())) {
                changes.append(" windows=").append(w);
                s.setWindows(w);
            }
            if (in.active != null && in.active != s.isActive()) {
                changes.append(" active=").append(in.active);
                s.setActive(in.active);
                s.setStamp(s.getStamp() + 1);
            }
            if (changes.length() > 0) {
                audit.append(em, caller.user(), AuditService.STAFF_CHANGED, username, changes.toString().trim(), caller.source());
            }
            return s;
        });
        accounts.invalidate(username);
        return toDTO(updated);
    }

    @Override
    public StaffDTO resetPassword(Caller caller, String username) {
        find(caller, username);
        String oneTime = Passwords.oneTime();
        String hash = Passwords.hash(oneTime.toCharArray());
        StaffEntity s = audit.tx(em -> {
            StaffEntity e = em.find(StaffEntity.class, username);
            e.setPasswordHash(hash);
            e.setMustChangePassword(true);
            e.setDemo(false);
            e.setFailedSignIns(0);
            e.setLockedUntilMillis(0);
            e.setStamp(e.getStamp() + 1);
            audit.append(em, caller.user(), AuditService.PASSWORD_RESET, username, "one-time password issued", caller.source());
            return e;
        });
        accounts.invalidate(username);
        LOG.info("Password of {} reset by {} / 密码已重置", username, caller.user());
        StaffDTO d = toDTO(s);
        d.temporaryPassword = oneTime;
        return d;
    }

    @Override
    public StaffDTO unlock(Caller caller, String username) {
        find(caller, username);
        StaffEntity s = audit.tx(em -> {
            StaffEntity e = em.find(StaffEntity.class, username);
            e.setFailedSignIns(0);
            e.setLockedUntilMillis(0);
            e.setStamp(e.getStamp() + 1);
            audit.append(em, caller.user(), AuditService.ACCOUNT_UNLOCKED, username, null, caller.source());
            return e;
        });
        accounts.invalidate(username);
        return toDTO(s);
    }

    @Override
    public void changePassword(String username, String oldPassword, String newPassword, String source) {
        List<YizhanException.FieldError> errors = new ArrayList<>();
        if (oldPassword == null || oldPassword.isEmpty()) {
            errors.add(new YizhanException.FieldError("oldPassword", "oldPassword is required", "oldPassword 为必填项"));
        }
        if (newPassword == null || newPassword.isEmpty()) {
            errors.add(new YizhanException.FieldError("newPassword", "newPassword is required", "newPassword 为必填项"));
        }
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
        Passwords.checkPolicy("newPassword", username, newPassword);
        if (newPassword.equals(oldPassword)) {
            throw YizhanException.badInput("newPassword", "The new password must differ from the old one", "新密码不能与旧密码相同");
        }
        // the caller has just signed in; only a wrong old password goes through the sign-in path, where it counts as a failure
        StaffEntity current = jpa.read(em -> em.find(StaffEntity.class, username));
        if (current == null || !Passwords.verify(oldPassword.toCharArray(), current.getPasswordHash())) {
            signIn(username, oldPassword.toCharArray(), source);
            throw YizhanException.badInput("oldPassword", "The old password is wrong", "旧密码错误");
        }
        String hash = Passwords.hash(newPassword.toCharArray());
        audit.tx(em -> {
            StaffEntity e = em.find(StaffEntity.class, username);
            e.setPasswordHash(hash);
            e.setMustChangePassword(false);
            e.setDemo(false);
            e.setStamp(e.getStamp() + 1);
            audit.append(em, username, AuditService.PASSWORD_CHANGED, username, null, source);
            return null;
        });
        accounts.invalidate(username);
        LOG.info("User {} changed their password / 用户已修改密码", username);
    }

    // ------------------------------------------------------------------ sign-in

    /**
     * Checks a password: refused for an unknown, inactive or locked account or a wrong password;
     * the last counts toward the lockout. Every outcome is written to the audit log.
     */
    @Override
    public SignIn signIn(String username, char[] password, String source) {
        String user = username == null ? "" : username;
        StaffEntity s = user.isEmpty() || user.length() > 64 ? null : jpa.read(em -> em.find(StaffEntity.class, user));
        String refusal;
        if (s == null) {
            Passwords.verifyDummy(password);
            refusal = "unknown user";
        } else if (!s.isActive()) {
            Passwords.verifyDummy(password);
            refusal = "inactive";
        } else if (s.getLockedUntilMillis() > System.currentTimeMillis()) {
            refusal = "locked";
        } else if (!Passwords.verify(password, s.getPasswordHash())) {
            refusal = "wrong password";
        } else {
            refusal = null;
        }
        if (refusal == null) {
            audit.tx(em -> {
                StaffEntity e = em.find(StaffEntity.class, user);
                if (e.getFailedSignIns() != 0) {
                    e.setFailedSignIns(0);
                }
                audit.append(em, user, AuditService.SIGN_IN, user, null, source);
                return null;
            });
            accounts.invalidate(user);
            return new SignIn(account(user).orElseThrow(), null);
        }
        String reason = refusal;
        audit.tx(em -> {
            audit.append(em, clipUser(user), AuditService.SIGN_IN_FAILED, clipUser(user), reason, source);
            if ("wrong password".equals(reason)) {
                StaffEntity e = em.find(StaffEntity.class, user);
                e.setFailedSignIns(e.getFailedSignIns() + 1);
                if (e.getFailedSignIns() >= lockoutAttempts) {
                    e.setLockedUntilMillis(System.currentTimeMillis() + lockoutMillis);
                    e.setFailedSignIns(0);
                    e.setStamp(e.getStamp() + 1);
                    audit.append(em, "platform", AuditService.ACCOUNT_LOCKED, user,
                            lockoutAttempts + " failed sign-ins; locked for " + lockoutMillis / 60_000 + " min", source);
                    LOG.warn("Account {} locked after {} failed sign-ins / 账号已锁定", user, lockoutAttempts);
                }
            }
            return null;
        });
        accounts.invalidate(user);
        return new SignIn(null, reason);
    }

    private static String clipUser(String user) {
        return user.length() > 64 ? user.substring(0, 64) : user;
    }

    // ------------------------------------------------------------------ for bootstrap and demo mode

    @Override
    public boolean hasPassword(String username) {
        return jpa.read(em -> {
            StaffEntity s = em.find(StaffEntity.class, username);
            return s != null && s.getPasswordHash() != null;
        });
    }

    @Override
    public long count(boolean demo) {
        return jpa.read(em -> em.createQuery("SELECT COUNT(s) FROM StaffEntity s WHERE s.demo = :d", Long.class)
                .setParameter("d", demo).getSingleResult());
    }

    @Override
    public boolean ensure(String username, String name, long centerId, List<String> roles, String passwordHash,
                          boolean mustChange, boolean demo, String detail) {
        boolean created = audit.tx(em -> {
            StaffEntity s = em.find(StaffEntity.class, username);
            if (s != null && s.getPasswordHash() != null) {
                return false;
            }
            if (s == null) {
                em.persist(newAccount(username, name, centerId, roles, List.of(), passwordHash, mustChange, demo));
            } else {
                // a staff row from before accounts were kept here: give it its credentials
                StaffEntity fresh = newAccount(username, name, centerId, roles, List.of(), passwordHash, mustChange, demo);
                s.setPasswordHash(fresh.getPasswordHash());
                s.setRoles(fresh.getRoles());
                s.setWindows(fresh.getWindows());
                s.setActive(true);
                s.setMustChangePassword(mustChange);
                s.setDemo(demo);
                s.setStamp(s.getStamp() + 1);
            }
            audit.append(em, "platform", AuditService.STAFF_CREATED, username, detail, "platform");
            return true;
        });
        accounts.invalidate(username);
        return created;
    }

    @Override
    public synchronized StaffDTO bootstrap(String countyCode, String countyName, String admin, String password, String actor) {
        if (count(true) + count(false) > 0) {
            throw YizhanException.conflict("ACCOUNTS_EXIST", "The platform already has accounts; create more as a county admin",
                    "平台已有账号，请以县级管理员身份新建账号");
        }
        if (admin == null || !USERNAME.matcher(admin).matches()) {
            throw YizhanException.badInput("admin", "admin: 2-64 letters, digits, '.', '_' or '-'", "管理员用户名格式错误");
        }
        if (password != null && password.length() < 8) {
            throw YizhanException.badInput("password", "The one-time password needs at least 8 characters", "一次性密码至少 8 个字符");
        }
        CenterDTO county = centers.allCenters().stream().filter(c -> c.level == Level.COUNTY).findFirst().orElse(null);
        if (county == null) {
            if (countyCode == null || !Centers.CODE.matcher(countyCode).matches()) {
                throw YizhanException.badInput("countyCode", "county code: 1-32 letters, digits, '_' or '-'", "县级中心代码格式错误");
            }
            if (countyName == null || countyName.isBlank() || countyName.length() > 100) {
                throw YizhanException.badInput("countyName", "county name: 1-100 characters", "县级中心名称须为 1-100 个字符");
            }
            county = centers.createCenter(1, countyCode, countyName.trim(), null, Level.COUNTY, null, actor);
        }
        String oneTime = password != null ? password : Passwords.oneTime();
        ensure(admin, admin, county.id, List.of(Caller.COUNTY_ADMIN), Passwords.hash(oneTime.toCharArray()), true, false,
                "first county admin (bootstrap)");
        audit.record(actor, AuditService.BOOTSTRAP, admin, "county " + county.code, "platform");
        LOG.info("First county admin {} created at {}; the password must be changed at first sign-in / 已创建首个县级管理员，首次登录须修改密码",
                admin, county.code);
        StaffDTO d = toDTO(jpa.read(em -> em.find(StaffEntity.class, admin)));
        if (password == null) {
            d.temporaryPassword = oneTime;
        }
        return d;
    }
}
