package org.yizhan.core.internal.relay;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;


import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.Level;
import org.yizhan.api.YizhanException;
import org.yizhan.api.audit.AuditService;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.relay.LedgerEntryDTO;
import org.yizhan.api.relay.NewLedgerEntryDTO;
import org.yizhan.api.relay.OutboxMessageDTO;
import org.yizhan.api.relay.ReceiptDTO;
import org.yizhan.api.relay.RelayMessageDTO;
import org.yizhan.api.relay.RelayService;
import org.yizhan.api.relay.RelayStatusDTO;
import org.yizhan.core.internal.outbox.Outbox;
import org.yizhan.core.internal.Hashes;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.cases.RelayInbox;
import org.yizhan.core.internal.common.IdNumbers;
import org.yizhan.core.internal.entity.InboxEntity;
import org.yizhan.core.internal.entity.LedgerEntity;
import org.yizhan.core.internal.entity.OutboxEntity;
import org.yizhan.api.network.NetworkService;

/**
 * The platform's side of relay: the inbox that takes each message once (its id is recorded in
 * the transaction that applies it), the outbox a dispatcher claims with a lease, the dead
 * letters, and the village ledger (R5).
 */
@Component(service = RelayService.class, configurationPid = org.yizhan.core.internal.PlatformConfig.PID,
        configurationPolicy = org.osgi.service.component.annotations.ConfigurationPolicy.OPTIONAL)
public class RelayServiceImpl implements RelayService {

    /** Who may hand messages to this container: the dispatcher of another container, authenticated. */
    public static final String RELAY_ROLE = "relay";
    /** The platform's zone: the day a ledger entry's duty roster is read for (R25). */
    private final java.time.ZoneId zone;
    private static final Logger LOG = LoggerFactory.getLogger(RelayServiceImpl.class);

    private final org.yizhan.core.internal.Cluster cluster;
    private final Jpa jpa;
    private final NetworkService network;
    private final org.yizhan.core.internal.audit.AuditLog audit;
    private final RelayInbox cases;

    @Activate
    public RelayServiceImpl(@Reference Jpa jpa, @Reference NetworkService network, @Reference RelayInbox cases,
                            @Reference org.yizhan.core.internal.audit.AuditLog audit, org.yizhan.core.internal.PlatformConfig config,
                            @Reference org.yizhan.core.internal.Cluster cluster) {
        this.cluster = cluster;
        this.audit = audit;
        this.zone = java.time.ZoneId.of(config.zone());
        this.network = network;
        this.cases = cases;
        this.jpa = jpa;
    }

    /**
     * A message from another container, from the link that signed it ({@link RelayLinksImpl#verify}):
     * it must name that link's two centers (over HTTP and JMS alike). A refusal is written to the
     * audit log.
     */
    @Override
    public ReceiptDTO receive(Caller caller, RelayMessageDTO m) {
        if (!caller.hasAny(RELAY_ROLE)) {
            throw YizhanException.forbidden("Only relay links hand over messages", "只有报送链路可以递交报送消息");
        }
        String link = caller.user();
        try {
            if (m == null || !link.equals(org.yizhan.api.relay.RelayLinks.name(m.fromCenter, m.toCenter))) {
                throw YizhanException.badInput("fromCenter", "The message names other centers than the link that signed it",
                        "消息所列中心与签名链路不符");
            }
            return take(m, null, link);
        } catch (YizhanException e) {
            audit.record(link, AuditService.RELAY_REFUSED, m == null ? "" : String.valueOf(m.caseNumber),
                    (m == null ? "" : m.kind + " " + m.id + ": ") + e.getMessage(), caller.source());
            throw e;
        }
    }

    @Override
    public ReceiptDTO deliverLocally(String outboxId, RelayMessageDTO m) {
        return take(m, outboxId, "local " + m.fromCenter + ">" + m.toCenter);
    }

    /** What a message says, as one digest: its id again with another digest is refused. */
    static String digest(RelayMessageDTO m) {
        StringBuilder payload = new StringBuilder();
        new TreeMap<>(m.payload == null ? Map.<String, String>of() : m.payload)
                .forEach((k, v) -> payload.append(k).append('\u001e').append(v).append('\u001d'));
        return Hashes.chain(m.kind, m.caseNumber, m.fromCenter, m.toCenter, m.event, payload.toString());
    }

    /** Takes a message once; with an outbox id, also marks that message delivered, in the same transaction. */
    private ReceiptDTO take(RelayMessageDTO m, String outboxId, String via) {
        if (m == null || m.id == null || m.id.isBlank() || m.id.length() > 40) {
            throw YizhanException.badInput("id", "A message needs an id (at most 40 characters)", "消息须有编号（不超过 40 个字符）");
        }
        if (m.kind == null) {
            throw YizhanException.badInput("kind", "kind is required", "缺少消息类型");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return jpa.tx(em -> {
                    if (outboxId != null) {
                        em.createNativeQuery("UPDATE YZ_OUTBOX SET STATE = 'SENT', SENTATMILLIS = ?1, ATTEMPTS = ATTEMPTS + 1, PAYLOAD = NULL,"
                                + " LEASEUNTILMILLIS = 0, LASTERROR = NULL WHERE ID = ?2").setParameter(1, System.currentTimeMillis())
                                .setParameter(2, outboxId).executeUpdate();
                    }
                    InboxEntity seen = em.find(InboxEntity.class, m.id);
                    String digest = digest(m);
                    if (seen != null) {
                        if (seen.getDigest() != null && !seen.getDigest().equals(digest)) {
                            throw YizhanException.conflict("TAKEN", "Message " + m.id + " was taken before with other content",
                                    "编号为 " + m.id + " 的消息此前已收到，内容不同");
                        }
                        return receipt(m.id, true, seen.getReceipt(), m.toCenter);
                    }
                    long now = System.currentTimeMillis();
                    InboxEntity in = new InboxEntity();
                    in.setId(m.id);
                    in.setKind(m.kind);
                    in.setCaseNumber(m.caseNumber);
                    in.setReceivedAtMillis(now);
                    in.setDigest(digest);
                    em.persist(in);
                    String receipt = cases.receive(em, m, now, via);
                    in.setReceipt(receipt);
                    LOG.debug("Relay message {} {} for case {} taken at {} / 收到报送消息", m.kind, m.id, m.caseNumber, m.toCenter);
                    return receipt(m.id, false, receipt, m.toCenter);
                });
            } catch (YizhanException e) {
                throw e;
            } catch (RuntimeException e) {
                // the same message delivered twice at the same moment: one insert of its id wins
                if (attempt >= 3) {
                    throw e;
                }
                LOG.debug("Relay message {} raced, attempt {}: {}", m.id, attempt, e.toString());
            }
        }
    }

    private static ReceiptDTO receipt(String id, boolean duplicate, String receipt, String center) {
        ReceiptDTO r = new ReceiptDTO();
        r.messageId = id;
        r.duplicate = duplicate;
        r.receipt = receipt;
        r.centerCode = center;
        return r;
    }

    @Override
    public List<OutboxMessageDTO> claim(String claimant, int max, long leaseMillis) {
        if (!cluster.runsScheduledWork()) {
            return List.of();   // one node at a time dispatches the outbox: the one that runs the scheduled work
        }
        long now = System.currentTimeMillis();
        List<String> due = jpa.read(em -> em.createQuery("SELECT o.id FROM OutboxEntity o WHERE o.state = :pending"
                        + " AND o.nextAttemptAtMillis <= :now AND o.leaseUntilMillis < :now ORDER BY o.nextAttemptAtMillis", String.class)
                .setParameter("pending", OutboxMessageDTO.PENDING).setParameter("now", now).setMaxResults(max).getResultList());
        if (due.isEmpty()) {
            return List.of();
        }
        // one statement claims the lot; another claimant's lease on any of them wins
        String token = claimant + "#" + CLAIMS.incrementAndGet();
        return jpa.tx(em -> {
            em.createNativeQuery("UPDATE YZ_OUTBOX SET CLAIMANT = ?1, LEASEUNTILMILLIS = ?2 WHERE STATE = 'PENDING'"
                            + " AND LEASEUNTILMILLIS < ?3 AND ID IN (" + quoted(due) + ")")
                    .setParameter(1, token).setParameter(2, now + leaseMillis).setParameter(3, now).executeUpdate();
            return em.createQuery("SELECT o FROM OutboxEntity o WHERE o.claimant = :t AND o.state = :pending"
                            + " ORDER BY o.createdAtMillis, o.id", OutboxEntity.class)
                    .setParameter("t", token).setParameter("pending", OutboxMessageDTO.PENDING)
                    .getResultList().stream().map(Outbox::toDTO).toList();
        });
    }

    private static final java.util.concurrent.atomic.AtomicLong CLAIMS = new java.util.concurrent.atomic.AtomicLong();

    /** Outbox ids (UUIDs we generated) as an SQL list; anything else is refused. */
    private static String quoted(java.util.Collection<String> ids) {
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            if (!id.matches("[A-Za-z0-9-]{1,40}")) {
                throw new IllegalArgumentException("Not an outbox id: " + id);
            }
            sb.append(sb.length() == 0 ? "'" : ",'").append(id).append('\'');
        }
        return sb.toString();
    }

    /**
     * Marks messages delivered. A delivered message keeps no payload: the snapshot of a case
     * (name, identity number, phone) has reached the center that needs it and is not kept twice;
     * the row stays, without it, for the counts until the purge.
     */
    @Override
    public void delivered(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jpa.tx(em -> em.createNativeQuery("UPDATE YZ_OUTBOX SET STATE = 'SENT', SENTATMILLIS = ?1, ATTEMPTS = ATTEMPTS + 1, PAYLOAD = NULL,"
                + " LEASEUNTILMILLIS = 0, LASTERROR = NULL WHERE ID IN (" + quoted(ids) + ")")
                .setParameter(1, System.currentTimeMillis()).executeUpdate());
    }

    @Override
    public void failed(String id, String error, long retryAfterMillis, boolean refused, boolean dead) {
        String e = bounded(error);
        jpa.tx(em -> em.createNativeQuery("UPDATE YZ_OUTBOX SET STATE = ?1, ATTEMPTS = ATTEMPTS + 1, LASTERROR = ?2,"
                        + " NEXTATTEMPTATMILLIS = ?3, LEASEUNTILMILLIS = 0" + (refused ? ", REFUSALS = REFUSALS + 1" : "") + " WHERE ID = ?4")
                .setParameter(1, dead ? OutboxMessageDTO.DEAD : OutboxMessageDTO.PENDING).setParameter(2, e)
                .setParameter(3, System.currentTimeMillis() + retryAfterMillis).setParameter(4, id).executeUpdate());
        if (dead) {
            LOG.error("Relay message {} moved to the dead letters: {} / 报送消息转入死信", id, e);
        }
    }

    @Override
    public int purgeDelivered(long olderThanMillis) {
        if (!cluster.runsScheduledWork()) {
            return 0;
        }
        return jpa.tx(em -> {
            // staff requests' idempotency keys are kept a day: a client retries within minutes
            em.createNativeQuery("DELETE FROM YZ_INBOX WHERE KIND = 'REQUEST' AND RECEIVEDATMILLIS < ?1")
                    .setParameter(1, System.currentTimeMillis() - 86_400_000L).executeUpdate();
            return em.createNativeQuery("DELETE FROM YZ_OUTBOX WHERE STATE = 'SENT' AND SENTATMILLIS < ?1")
                    .setParameter(1, System.currentTimeMillis() - olderThanMillis).executeUpdate();
        });
    }

    @Override
    public List<OutboxMessageDTO> deadLetters(Caller caller, int max, String route) {
        requireCountyAdmin(caller);
        return jpa.read(em -> {
            var q = em.createQuery("SELECT o FROM OutboxEntity o WHERE o.state = :dead"
                    + (route == null ? "" : " AND o.routeId = :route") + " ORDER BY o.createdAtMillis", OutboxEntity.class)
                    .setParameter("dead", OutboxMessageDTO.DEAD);
            if (route != null) {
                q.setParameter("route", route);
            }
            return q.setMaxResults(max <= 0 ? 100 : Math.min(max, 1000)).getResultList().stream().map(Outbox::toDTO)
                    .map(RelayServiceImpl::masked).toList();
        });
    }

    @Override
    public boolean replay(Caller caller, String id) {
        requireCountyAdmin(caller);
        int n = audit.tx(em -> {
            int changed = em.createNativeQuery("UPDATE YZ_OUTBOX SET STATE = 'PENDING', ATTEMPTS = 0, REFUSALS = 0,"
                    + " NEXTATTEMPTATMILLIS = ?1, LEASEUNTILMILLIS = 0 WHERE ID = ?2 AND STATE = 'DEAD'").setParameter(1, System.currentTimeMillis())
                    .setParameter(2, id).executeUpdate();
            if (changed == 1) {
                audit.append(em, caller.user(), org.yizhan.api.audit.AuditService.DEAD_LETTER_REPLAYED, id, null, caller.source());
            }
            return changed;
        });
        if (n == 1) {
            LOG.info("Dead letter {} replayed by {} / 死信已重放", id, caller.user());
        }
        return n == 1;
    }

    @Override
    public int replayAll(Caller caller, String route) {
        requireCountyAdmin(caller);
        int n = audit.tx(em -> {
            var q = em.createNativeQuery("UPDATE YZ_OUTBOX SET STATE = 'PENDING', ATTEMPTS = 0, REFUSALS = 0,"
                    + " NEXTATTEMPTATMILLIS = ?1, LEASEUNTILMILLIS = 0 WHERE STATE = 'DEAD'" + (route == null ? "" : " AND ROUTEID = ?2"))
                    .setParameter(1, System.currentTimeMillis());
            if (route != null) {
                q.setParameter(2, route);
            }
            int changed = q.executeUpdate();
            if (changed > 0) {
                audit.append(em, caller.user(), org.yizhan.api.audit.AuditService.DEAD_LETTER_REPLAYED, route == null ? "all" : "route " + route,
                        changed + " dead letters", caller.source());
            }
            return changed;
        });
        LOG.info("{} dead letters{} replayed by {} / 死信已重放", n, route == null ? "" : " of route " + route, caller.user());
        return n;
    }

    @Override
    public void failedForRoute(OutboxMessageDTO event, String routeId, String error, long retryAfterMillis, boolean dead) {
        RelayMessageDTO m = event.message;
        java.util.Map<String, String> payload = new java.util.LinkedHashMap<>(m.payload);
        payload.put(org.yizhan.api.relay.IntegrationInbound.ROUTE_KEY, routeId);
        // the event keeps its id for the route (its idempotency key); the row gets its own
        payload.putIfAbsent(org.yizhan.api.relay.IntegrationInbound.EVENT_ID_KEY, m.id);
        RelayMessageDTO copy = Outbox.message(m.kind, m.caseNumber, m.fromCenter, m.toCenter, payload);
        copy.id = Hashes.key("E", m.id, routeId);
        copy.event = m.event;
        String e = bounded(error);
        long now = System.currentTimeMillis();
        jpa.tx(em -> {
            if (em.find(OutboxEntity.class, copy.id) == null) {
                Outbox.enqueue(em, copy, now);
                OutboxEntity o = em.find(OutboxEntity.class, copy.id);
                o.setCreatedAtMillis(m.createdAtMillis);
                o.setAttempts(1);
                o.setLastError(e);
                o.setNextAttemptAtMillis(now + retryAfterMillis);
                o.setState(dead ? OutboxMessageDTO.DEAD : OutboxMessageDTO.PENDING);
            }
            return null;
        });
        LOG.warn("Integration event {} of case {} failed in route {} ({}); {} / 集成事件在该路由失败{}", m.id, m.caseNumber, routeId, e,
                dead ? "a dead letter of that route" : "retried for that route alone", dead ? "，转入该路由死信" : "，将单独重试");
    }

    @Override
    public void refusedAction(String routeId, String messageId, String body, String error) {
        java.util.Map<String, String> payload = new java.util.LinkedHashMap<>();
        payload.put(org.yizhan.api.relay.IntegrationInbound.ROUTE_KEY, routeId);
        payload.put("messageId", messageId);
        payload.put("body", body == null ? "" : body.length() > 8000 ? body.substring(0, 8000) : body);
        RelayMessageDTO m = Outbox.message(RelayMessageDTO.ACTION, null, null, null, payload);
        m.id = Hashes.key("A", routeId, messageId != null ? messageId : "body " + Hashes.chain(String.valueOf(body)));
        String e = bounded(error);
        long now = System.currentTimeMillis();
        jpa.tx(em -> {
            OutboxEntity o = em.find(OutboxEntity.class, m.id);
            if (o == null) {
                Outbox.enqueue(em, m, now);
                o = em.find(OutboxEntity.class, m.id);
            }
            // refused again after a replay: a dead letter again, with the latest reason
            o.setState(OutboxMessageDTO.DEAD);
            o.setAttempts(o.getAttempts() + 1);
            o.setRefusals(o.getRefusals() + 1);
            o.setLastError(e);
            o.setLeaseUntilMillis(0);
            return null;
        });
    }

    @Override
    public int wake(String routeId) {
        return jpa.tx(em -> em.createNativeQuery("UPDATE YZ_OUTBOX SET NEXTATTEMPTATMILLIS = ?1 WHERE STATE = 'PENDING' AND ROUTEID = ?2")
                .setParameter(1, System.currentTimeMillis()).setParameter(2, routeId).executeUpdate());
    }


    private static String bounded(String error) {
        return error == null ? "" : error.length() > 1000 ? error.substring(0, 1000) : error;
    }


    @Override
    public RelayStatusDTO status(Caller caller) {
        requireOperator(caller);
        return jpa.read(em -> {
            RelayStatusDTO r = new RelayStatusDTO();
            for (Object[] row : em.createQuery("SELECT o.state, COUNT(o), MIN(o.createdAtMillis) FROM OutboxEntity o GROUP BY o.state",
                    Object[].class).getResultList()) {
                long n = ((Number) row[1]).longValue();
                switch ((String) row[0]) {
                    case OutboxMessageDTO.PENDING -> {
                        r.pending = n;
                        r.oldestPendingAtMillis = row[2] == null ? null : ((Number) row[2]).longValue();
                    }
                    case OutboxMessageDTO.DEAD -> r.dead = n;
                    default -> r.sent = n;
                }
            }
            r.relaying = em.createQuery("SELECT COUNT(c) FROM CaseEntity c WHERE c.status = :s", Long.class)
                    .setParameter("s", CaseStatus.RELAYING.name()).getSingleResult();
            return r;
        });
    }

    @Override
    public java.util.Map<String, Long> countsByDestination() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (Object[] row : jpa.read(em -> em.createQuery("SELECT o.toCenter, o.state, COUNT(o) FROM OutboxEntity o"
                + " WHERE o.state <> :sent GROUP BY o.toCenter, o.state", Object[].class)
                .setParameter("sent", OutboxMessageDTO.SENT).getResultList())) {
            counts.put((row[0] == null ? "integration" : row[0]) + "/" + row[1], ((Number) row[2]).longValue());
        }
        return counts;
    }

    @Override
    public List<LedgerEntryDTO> ledger(Caller caller, long centerId, int max) {
        requireSees(caller, centerId);
        return jpa.read(em -> em.createQuery("SELECT l FROM LedgerEntity l WHERE l.centerId = :c ORDER BY l.atMillis DESC, l.id DESC",
                        LedgerEntity.class).setParameter("c", centerId).setMaxResults(max <= 0 ? 100 : Math.min(max, 1000))
                .getResultList().stream().map(RelayServiceImpl::toDTO).toList());
    }

    @Override
    public LedgerEntryDTO consultation(Caller caller, NewLedgerEntryDTO entry) {
        if (!caller.hasAny(Caller.VILLAGE_AGENT, Caller.CLERK)) {
            throw YizhanException.forbidden("Only village agents and clerks register visits", "只有村代办员和窗口人员可以登记来访");
        }
        if (entry == null) {
            throw YizhanException.badInput("body", "The request body is missing", "缺少请求内容");
        }
        long center = entry.centerId == null ? caller.centerId() : entry.centerId;
        if (center != caller.centerId()) {
            throw YizhanException.forbidden("You register visits at your own center only", "只能登记本中心的来访");
        }
        CenterDTO c = network.center(center).orElseThrow(() -> YizhanException.badInput("centerId", "No center " + center, "中心不存在"));
        if (c.level != Level.VILLAGE) {
            throw YizhanException.badInput("centerId", "The visit ledger is kept by village rooms (R5)", "来访台账由村便民服务室登记（R5）");
        }
        if (entry.visitorName == null || entry.visitorName.isBlank() || entry.visitorName.length() > 100) {
            throw YizhanException.badInput("visitorName", "The visitor's name is required (at most 100 characters)", "请填写来访人姓名（不超过 100 字）");
        }
        if (entry.note == null || entry.note.isBlank()) {
            throw YizhanException.badInput("note", "Say what the visitor asked about", "请填写咨询内容");
        }
        return jpa.tx(em -> toDTO(Outbox.ledger(em, center, org.yizhan.core.internal.common.Now.millis(), zone, LedgerEntryDTO.CONSULTATION, null,
                entry.itemCode, entry.visitorName.trim(), caller.user(), entry.note.trim())));
    }

    private static LedgerEntryDTO toDTO(LedgerEntity l) {
        LedgerEntryDTO d = new LedgerEntryDTO();
        d.id = l.getId();
        d.centerId = l.getCenterId();
        d.atMillis = l.getAtMillis();
        d.kind = l.getKind();
        d.caseNumber = l.getCaseNumber();
        d.itemCode = l.getItemCode();
        d.visitorName = IdNumbers.maskName(l.getVisitorName());
        d.staff = l.getStaff();
        d.note = l.getNote();
        d.onDuty = l.getOnDuty();
        return d;
    }

    private void requireSees(Caller caller, long centerId) {
        Set<Long> mine = network.subtree(caller.centerId());
        if (!mine.contains(centerId)) {
            throw YizhanException.forbidden("Center " + centerId + " is outside your centers", "该中心不在您的管辖范围内");
        }
    }

    /** A dead letter as listed: the applicant's name, identity number and phone masked (the row keeps them for a replay). */
    static OutboxMessageDTO masked(OutboxMessageDTO d) {
        java.util.Map<String, String> p = d.message.payload;
        if (p != null) {
            p.computeIfPresent("applicantName", (k, v) -> org.yizhan.core.internal.common.IdNumbers.maskName(v));
            p.computeIfPresent("applicantIdNumber", (k, v) -> org.yizhan.core.internal.common.IdNumbers.mask(v));
            p.computeIfPresent("applicantPhone", (k, v) -> org.yizhan.core.internal.common.IdNumbers.maskPhone(v));
        }
        return d;
    }

    /** Dead letters carry whole cases (full identity numbers) and go to any center when replayed: the county's admins only. */
    private static void requireCountyAdmin(Caller caller) {
        if (!caller.hasAny(Caller.COUNTY_ADMIN)) {
            throw YizhanException.forbidden("Dead letters are for the county's administrators", "死信仅限县级管理员处理");
        }
    }

    private static void requireOperator(Caller caller) {
        if (!caller.hasAny(Caller.COUNTY_ADMIN, Caller.TOWN_ADMIN, Caller.SUPERVISOR)) {
            throw YizhanException.forbidden("Relay operations are for administrators and supervisors", "报送运维仅限管理员和监察人员");
        }
    }
}
