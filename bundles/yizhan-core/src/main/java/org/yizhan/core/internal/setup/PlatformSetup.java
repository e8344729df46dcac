package org.yizhan.core.internal.setup;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.YizhanException;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.api.network.NetworkService;
import org.yizhan.core.internal.account.AccountSetup;
import org.yizhan.core.internal.network.Centers;
import org.yizhan.core.internal.network.WindowTypes;
import org.yizhan.core.internal.account.Passwords;
import org.yizhan.core.internal.demo.DemoNetwork;
import org.yizhan.core.internal.people.Posts;
import org.yizhan.core.internal.demo.DemoUsers;

/**
 * What a start does before the platform reports itself healthy: in demo mode, the demo network
 * and demo users (through the production account path); in production, on an empty database,
 * the county center and first admin from {@code bootstrap.*} and the environment variable
 * {@value #PASSWORD_ENV} — or, without them, a log message saying how to create the first admin.
 */
@Component(service = PlatformSetup.class, immediate = true, configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class PlatformSetup {

    public static final String PASSWORD_ENV = "YIZHAN_BOOTSTRAP_PASSWORD";
    private static final Logger LOG = LoggerFactory.getLogger(PlatformSetup.class);
    private boolean demoReady;

    @Activate
    public PlatformSetup(PlatformConfig config, @Reference NetworkService network, @Reference Centers centers,
                         @Reference WindowTypes windowTypes, @Reference AccountSetup accounts, @Reference Posts posts,
                         @Reference org.yizhan.core.internal.Cluster cluster) {
        // nodes started together on one database set it up once: one at a time, each seeing what the one before made
        cluster.exclusive("setup", () -> {
            if (config.demo()) {
                demoReady = demo(config, network, centers, windowTypes, accounts);
                posts.demoPosts(DemoNetwork.TOWN_WINDOWS);
            } else {
                production(config, accounts, System.getenv(PASSWORD_ENV));
            }
        });
    }

    /** True when this start set up the demo county (demo mode, and no real accounts in the database). */
    public boolean demoReady() {
        return demoReady;
    }

    private static boolean demo(PlatformConfig config, NetworkService network, Centers centers, WindowTypes windowTypes,
                                AccountSetup accounts) {
        if (accounts.count(false) > 0) {
            LOG.error("Demo mode refused: this database holds real (non-demo) accounts. Set demo = false in "
                    + "etc/org.yizhan.platform.cfg. / 拒绝开启演示模式：数据库中已有正式账号，请将 demo 设为 false。");
            return false;
        }
        int created = 0;
        for (DemoNetwork.DemoCenter c : DemoNetwork.centers(config.demoExtraVillagesPerTown())) {
            if (network.centerByCode(c.code()).isEmpty()) {
                centers.createCenter(c.id(), c.code(), c.name(), c.nameEn(), c.level(), c.parentId(), "demo");
                created++;
            }
        }
        for (String code : DemoNetwork.TEA_CENTERS) {
            windowTypes.presetWindow(network.centerByCode(code).orElseThrow().id, "tea-industry", true);
        }
        // one hash of the public demo password serves every demo user: the same storage, without paying 310,000 rounds per user
        String hash = null;
        int users = 0;
        for (DemoUsers.DemoUser u : DemoUsers.users(config.demoExtraVillagesPerTown())) {
            if (accounts.hasPassword(u.name())) {
                continue;
            }
            if (hash == null) {
                hash = Passwords.hash(DemoUsers.PASSWORD.toCharArray());
            }
            long center = network.centerByCode(u.centerCode()).orElseThrow().id;
            if (accounts.ensure(u.name(), u.name(), center, List.of(u.role()), hash, false, true, "demo user")) {
                users++;
            }
        }
        LOG.info("Demo mode 演示模式: demo county network ready ({} centers, {} demo users created; password '{}')",
                created, users, DemoUsers.PASSWORD);
        return true;
    }

    /**
     * The container reads etc/*.cfg as ISO-8859-1 (Java properties), so a name typed there in
     * UTF-8 arrives as one character per byte. When the text is exactly that, decode it as the
     * UTF-8 the operator wrote; a name written with \\u escapes arrives intact and is kept.
     */
    static String utf8(String s) {
        if (s.chars().anyMatch(c -> c > 0xFF) || s.chars().noneMatch(c -> c >= 0x80)) {
            return s;
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return s;
        }
    }

    static void production(PlatformConfig config, AccountSetup accounts, String password) {
        if (accounts.count(false) + accounts.count(true) > 0) {
            return;
        }
        String code = config.bootstrap_county_code().trim();
        String name = utf8(config.bootstrap_county_name().trim());
        String admin = config.bootstrap_admin().trim();
        if (!code.isEmpty() && !name.isEmpty() && !admin.isEmpty() && password != null && !password.isBlank()) {
            try {
                accounts.bootstrap(code, name, admin, password, "bootstrap");
                LOG.info("First start: county center {} and first admin '{}' created; sign in with the password from {} "
                        + "and change it. / 首次启动：已创建县级中心和首个管理员，请用 {} 中的密码登录并修改密码。",
                        code, admin, PASSWORD_ENV, PASSWORD_ENV);
            } catch (YizhanException e) {
                LOG.error("First start: could not create the first admin: {} / 首次启动：无法创建首个管理员：{}", e.getMessage(), e.messageZh());
            }
            return;
        }
        LOG.warn("No accounts yet. To create the county center and the first county admin, either set bootstrap.county.code, "
                + "bootstrap.county.name and bootstrap.admin in etc/org.yizhan.platform.cfg and start with the environment "
                + "variable {} holding a one-time password, or run in the console: yizhan:bootstrap --county-code CODE "
                + "--county-name NAME --admin USER (it prints a one-time password). See docs/operations.md, \"Going live\". / "
                + "尚无任何账号。创建县级中心和首个县级管理员：在 etc/org.yizhan.platform.cfg 中设置 bootstrap.county.code、"
                + "bootstrap.county.name、bootstrap.admin，并以环境变量 {} 提供一次性密码后启动；或在控制台运行 yizhan:bootstrap。",
                PASSWORD_ENV, PASSWORD_ENV);
    }
}
