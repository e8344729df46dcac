package org.yizhan.core.internal.relay;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.audit.AuditService;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.LinkDTO;
import org.yizhan.api.relay.RelayLinks;
import org.yizhan.core.internal.audit.AuditLog;

/**
 * Relay links with a key each, kept in {@code etc/yizhan-links.properties} (see {@link LinkKeys}).
 * A signature is {@code v1=} and the base64url HMAC-SHA256, under the link's key, of
 * {@code v1\n<from>\n<to>\n<timestamp>\n<base64url SHA-256 of the body>}. The receiver looks the
 * key up by the link the headers name and takes the message only within five minutes of its
 * time; the inbox's idempotency key (with the body's digest) stops a message taken before.
 */
@Component(service = RelayLinks.class)
public class RelayLinksImpl implements RelayLinks {

    /** How far a message's time may be from this server's clock. */
    static final long MAX_SKEW_MILLIS = 5 * 60_000L;
    static final String TOKEN_PREFIX = "yizhan-link:1:";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Logger LOG = LoggerFactory.getLogger(RelayLinksImpl.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NetworkService network;
    private final AuditLog audit;
    private final LinkKeys keys;
    private final LongSupplier clock;

    @Activate
    public RelayLinksImpl(@Reference NetworkService network, @Reference AuditLog audit) {
        this(network, audit, Path.of(System.getProperty("karaf.etc", "etc"), "yizhan-links.properties"), System::currentTimeMillis);
    }

    RelayLinksImpl(NetworkService network, AuditLog audit, Path file, LongSupplier clock) {
        this.network = network;
        this.audit = audit;
        this.keys = new LinkKeys(file);
        this.clock = clock;
    }

    // ------------------------------------------------------------------ administration

    @Override
    public LinkDTO create(Caller caller, String localCenter, String peerCenter) {
        requireCountyAdmin(caller);
        neighbours(localCenter, peerCenter);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        long now = clock.getAsLong();
        boolean replaced = keys.key(localCenter, peerCenter) != null;
        keys.put(localCenter, peerCenter, secret, now);
        audit.record(caller.user(), AuditService.LINK_CREATED, localCenter + ">" + peerCenter,
                (replaced ? "new key replaces the old one, " : "") + "fingerprint " + fingerprint(secret), caller.source());
        LOG.info("Relay link {} > {} {} by {}, key fingerprint {} / 已生成报送链路密钥", localCenter, peerCenter,
                replaced ? "re-keyed" : "created", caller.user(), fingerprint(secret));
        LinkDTO dto = dto(localCenter, peerCenter, new LinkKeys.Key(secret, now));
        dto.token = TOKEN_PREFIX + localCenter + ":" + peerCenter + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return dto;
    }

    @Override
    public LinkDTO importLink(Caller caller, String token) {
        requireCountyAdmin(caller);
        String[] parts = token == null || !token.trim().startsWith(TOKEN_PREFIX) ? new String[0]
                : token.trim().substring(TOKEN_PREFIX.length()).split(":", -1);
        byte[] secret;
        try {
            secret = parts.length == 3 ? Base64.getUrlDecoder().decode(parts[2]) : new byte[0];
        } catch (IllegalArgumentException e) {
            secret = new byte[0];
        }
        if (secret.length != 32) {
            throw YizhanException.badInput("token", "Not a link token: paste the whole line yizhan:link-create printed on the other side",
                    "不是链路令牌：请完整粘贴对方 yizhan:link-create 输出的那一行");
        }
        // the other side's local center is this side's peer
        String local = parts[1];
        String peer = parts[0];
        neighbours(local, peer);
        long now = clock.getAsLong();
        keys.put(local, peer, secret, now);
        audit.record(caller.user(), AuditService.LINK_IMPORTED, local + ">" + peer, "fingerprint " + fingerprint(secret), caller.source());
        LOG.info("Relay link {} > {} imported by {}, key fingerprint {} / 已导入报送链路密钥", local, peer, caller.user(), fingerprint(secret));
        return dto(local, peer, new LinkKeys.Key(secret, now));
    }

    @Override
    public List<LinkDTO> links(Caller caller) {
        requireCountyAdmin(caller);
        List<LinkDTO> list = new ArrayList<>();
        keys.all().forEach((name, key) -> {
            String[] ends = name.split(">", 2);
            list.add(dto(ends[0], ends[1], key));
        });
        return list;
    }

    @Override
    public boolean remove(Caller caller, String localCenter, String peerCenter) {
        requireCountyAdmin(caller);
        boolean removed = keys.remove(localCenter, peerCenter);
        if (removed) {
            audit.record(caller.user(), AuditService.LINK_REMOVED, localCenter + ">" + peerCenter, "", caller.source());
        }
        return removed;
    }

    // ------------------------------------------------------------------ signing

    @Override
    public Map<String, String> sign(String fromCenter, String toCenter, byte[] body) {
        LinkKeys.Key key = keys.key(fromCenter, toCenter);
        if (key == null) {
            throw YizhanException.refused("transport", "No relay link from " + fromCenter + " to " + toCenter
                    + " in this container: yizhan:link-create here, yizhan:link-import there",
                    "本节点没有 " + fromCenter + " 至 " + toCenter + " 的报送链路：请在此执行 yizhan:link-create，在对方执行 yizhan:link-import");
        }
        String timestamp = Long.toString(clock.getAsLong());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(FROM, fromCenter);
        headers.put(TO, toCenter);
        headers.put(TIMESTAMP, timestamp);
        headers.put(SIGNATURE, signature(key.secret(), fromCenter, toCenter, timestamp, body));
        return headers;
    }

    @Override
    public Caller verify(String fromCenter, String toCenter, String timestamp, String signature, byte[] body, String source) {
        if (fromCenter == null || toCenter == null || !CODE.matcher(fromCenter).matches() || !CODE.matcher(toCenter).matches()) {
            throw refuse(fromCenter, toCenter, "no link named (" + FROM + ", " + TO + ")", source);
        }
        LinkKeys.Key key = keys.key(toCenter, fromCenter);
        if (key == null) {
            throw refuse(fromCenter, toCenter, "no such link here", source);
        }
        long at;
        try {
            at = Long.parseLong(timestamp == null ? "" : timestamp);
        } catch (NumberFormatException e) {
            throw refuse(fromCenter, toCenter, "no time (" + TIMESTAMP + ")", source);
        }
        String expected = signature(key.secret(), fromCenter, toCenter, Long.toString(at), body);
        if (signature == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw refuse(fromCenter, toCenter, "wrong signature", source);
        }
        if (Math.abs(clock.getAsLong() - at) > MAX_SKEW_MILLIS) {
            throw refuse(fromCenter, toCenter, "signed " + (clock.getAsLong() - at) / 1000 + " s from now, more than "
                    + MAX_SKEW_MILLIS / 1000 + " s (a replay, or a clock to set)", source);
        }
        CenterDTO from = network.centerByCode(fromCenter).orElseThrow(() -> refuse(fromCenter, toCenter, "unknown sender", source));
        return new Caller(RelayLinks.name(fromCenter, toCenter), Set.of(RelayServiceImpl.RELAY_ROLE), from.id, source);
    }

    static String signature(byte[] secret, String from, String to, String timestamp, byte[] body) {
        try {
            String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sig = mac.doFinal(("v1\n" + from + "\n" + to + "\n" + timestamp + "\n" + digest).getBytes(StandardCharsets.UTF_8));
            return "v1=" + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private YizhanException refuse(String from, String to, String why, String source) {
        String link = clip(from) + ">" + clip(to);
        audit.record("link " + link, AuditService.RELAY_REFUSED, link, why, source);
        LOG.warn("Relay message over {} from {} refused: {} / 报送消息被拒收", link, source, why);
        return YizhanException.unauthorized("Relay message refused: " + why, "报送消息被拒收：链路签名无效、过期或链路不存在");
    }

    /** What a caller claims is written to the log bounded and printable. */
    private static String clip(String s) {
        if (s == null) {
            return "?";
        }
        String printable = s.replaceAll("[^A-Za-z0-9_-]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }

    private void neighbours(String localCode, String peerCode) {
        CenterDTO local = center("localCenter", localCode);
        CenterDTO peer = center("peerCenter", peerCode);
        boolean neighbours = (local.parentId != null && local.parentId == peer.id) || (peer.parentId != null && peer.parentId == local.id);
        if (!neighbours) {
            throw YizhanException.badInput("peerCenter", peerCode + " is not the parent or a child of " + localCode
                    + ": a relay link joins neighbours only", peerCode + " 不是 " + localCode + " 的上级或下级：报送链路只连接相邻中心");
        }
    }

    private CenterDTO center(String field, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw YizhanException.badInput(field, "A center code is required", "须提供中心编码");
        }
        return network.centerByCode(code).orElseThrow(() ->
                YizhanException.badInput(field, "No center " + code + " in this container's network", "本节点网络中没有中心 " + code));
    }

    private static void requireCountyAdmin(Caller caller) {
        if (!caller.hasAny(Caller.COUNTY_ADMIN)) {
            throw YizhanException.forbidden("Only county admins manage relay links", "只有县级管理员可以管理报送链路");
        }
    }

    private static LinkDTO dto(String local, String peer, LinkKeys.Key key) {
        LinkDTO dto = new LinkDTO();
        dto.localCenter = local;
        dto.peerCenter = peer;
        dto.fingerprint = fingerprint(key.secret());
        dto.createdAtMillis = key.createdAtMillis();
        return dto;
    }

    static String fingerprint(byte[] secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
