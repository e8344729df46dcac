package org.yizhan.core.internal.cases;

import java.time.ZoneId;
import java.util.List;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.Level;
import org.yizhan.api.YizhanException;
import org.yizhan.api.cases.ActionDTO;
import org.yizhan.api.cases.CaseAction;
import org.yizhan.api.cases.CaseDTO;
import org.yizhan.api.cases.CasePageDTO;
import org.yizhan.api.cases.CaseQuery;
import org.yizhan.api.cases.CaseService;
import org.yizhan.api.cases.NewCaseDTO;
import org.yizhan.api.cases.PublicCaseDTO;
import org.yizhan.api.cases.VerificationDTO;
import org.yizhan.api.catalogue.CatalogueService;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.IntegrationDemand;
import org.yizhan.api.relay.LedgerEntryDTO;
import org.yizhan.api.relay.RelayMessageDTO;
import org.yizhan.core.internal.ChainKey;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.alert.Thresholds;
import org.yizhan.core.internal.calendar.Calendars;
import org.yizhan.core.internal.entity.CaseEntity;
import org.yizhan.core.internal.network.WindowTypes;
import org.yizhan.core.internal.outbox.Outbox;
import org.yizhan.core.internal.window.RequestValidator;

/**
 * The case service: each call one transaction, the rules {@link CaseEngine}'s. A thin facade over
 * the pieces that do the work — {@link CaseIntake} (new cases), {@link CaseStore} (the database),
 * {@link CaseMapper} (the one copy of the fields), {@link CaseRelay} (messages out and in) and
 * {@link Deadlines} (what supervision watches) — registered also as the {@link RelayInbox} and
 * {@link JointReview} the relay and supervision components use, and as the {@link CaseNotes} ratings
 * and complaints write to a case's history with.
 */
@Component(service = {CaseService.class, RelayInbox.class, JointReview.class, CaseNotes.class,
        org.yizhan.api.relay.IntegrationInbound.class}, configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class CaseServiceImpl implements CaseService, RelayInbox, JointReview, CaseNotes, org.yizhan.api.relay.IntegrationInbound {

    private static final Logger LOG = LoggerFactory.getLogger(CaseServiceImpl.class);
    private static final int ACT_ATTEMPTS = 4;

    private final Jpa jpa;
    private final NetworkService network;
    private final CaseStore store;
    private final CaseRules rules;
    private final Deadlines deadlines;
    private final CaseRelay relay;
    private final CaseIntake intake;
    private final java.util.function.BooleanSupplier integrationOn;
    /** Present while an integrator's route takes case events; events are written only then. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile IntegrationDemand integrationDemand;
    /** The posts of the windows (R17): who stands in for whom. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.yizhan.core.internal.people.Posts posts;

    @Activate
    public CaseServiceImpl(@Reference Jpa jpa, @Reference NetworkService network, @Reference WindowTypes windowTypes,
                           @Reference CatalogueService catalogue, @Reference Calendars calendars,
                           @Reference RequestValidator validators, @Reference Thresholds thresholds, @Reference ChainKey chainKey,
                           PlatformConfig config) {
        this.jpa = jpa;
        this.network = network;
        boolean integrationEvents = config.integrationEvents();
        this.integrationOn = () -> integrationEvents && integrationDemand != null;
        this.store = new CaseStore(network);
        this.rules = new CaseRules(network, windowTypes, catalogue, calendars, ZoneId.of(config.zone()), config.jointReviewDays(),
                chainKey::hash, () -> posts);
        this.deadlines = new Deadlines(jpa, network, calendars, thresholds, rules);
        this.relay = new CaseRelay(network, catalogue, rules, deadlines, integrationOn);
        this.intake = new CaseIntake(jpa, network, catalogue, validators, rules, deadlines, relay, store.cache, this::get);
        if (chainKey.unkeyed(ChainKey.CASES)) {
            // histories written before this installation had its chain key: sealed with it once
            new ChainReseal(jpa, chainKey::hash).cases();
            chainKey.keyed(ChainKey.CASES);
        }
    }

    @Override
    public CaseDTO create(Caller caller, NewCaseDTO req) {
        return intake.create(caller, req, null);
    }

    @Override
    public CaseDTO create(Caller caller, NewCaseDTO req, org.yizhan.api.cases.Idempotency key) {
        return intake.create(caller, req, key);
    }

    @Override
    public CaseDTO get(Caller caller, String number) {
        CaseCache.Entry[] read = new CaseCache.Entry[1];
        CaseDTO d = jpa.read(em -> {
            CaseCache.Entry c = store.cached(em, caller, number);
            if (c != null) {
                return CaseMapper.toDTO(c);
            }
            CaseEntity e = store.load(em, caller, number, false);
            read[0] = CaseCache.of(CaseMapper.read(e), e, CaseStore.events(em, number));
            return CaseMapper.toDTO(read[0]);
        });
        store.cache.put(read[0]);
        return d;
    }

    @Override
    public CasePageDTO list(Caller caller, CaseQuery q) {
        int size = q.size <= 0 ? 20 : Math.min(q.size, 200);
        int page = Math.max(0, q.page);
        CaseStore.Scope scope = store.scope(caller, q.center);
        List<String> windows = q.mine ? rules.windowsOf(caller) : null;
        return jpa.read(em -> CaseStore.page(em, scope, q, windows, page, size));
    }

    @Override
    public CaseDTO act(Caller caller, String number, CaseAction action, ActionDTO body) {
        return act(caller, number, action, body, null);
    }

    @Override
    public CaseDTO act(Caller caller, String number, CaseAction action, ActionDTO body, org.yizhan.api.cases.Idempotency key) {
        if (body != null) {
            CaseValidation.validate(body);
        }
        // A write by the platform itself (a relay receipt or reply, a scan) can land on the case
        // between our read and our commit; the action is then applied again to the fresh case, and
        // the engine checks it again, so a retry never does what the fresh state forbids.
        for (int attempt = 1; ; attempt++) {
            try {
                CaseCache.Entry[] made = new CaseCache.Entry[1];
                boolean[] again = new boolean[1];
                CaseDTO d = jpa.tx(em -> {
                    // the key's request done before, or a copy of it that was faster (the key's row is the meeting point)
                    again[0] = Idempotent.seen(em, caller, key, number) != null;
                    if (again[0]) {
                        return null;
                    }
                    CaseDTO x = actOnce(em, caller, number, action, body, null, made);
                    Idempotent.remember(em, caller, key, number, System.currentTimeMillis());
                    return x;
                });
                if (again[0]) {
                    return get(caller, number);
                }
                store.cache.put(made[0]);
                return d;
            } catch (RuntimeException e) {
                if (e instanceof YizhanException || !CaseStore.isConflict(e)) {
                    throw e;
                }
                if (attempt >= ACT_ATTEMPTS) {
                    throw YizhanException.conflict("CHANGED", "The case was changed by someone else at the same time; reload and retry",
                            "该办件刚被他人修改，请刷新后重试");
                }
                LOG.debug("Case {}: {} met a concurrent change, attempt {}", number, action.path(), attempt);
            }
        }
    }

    /** One attempt of an action; {@code made} (when given) gets the case as committed, for the cache after the commit. */
    private CaseDTO actOnce(EntityManager em, Caller caller, String number, CaseAction action, ActionDTO body,
                            java.util.Map<String, String> extra, CaseCache.Entry[] made) {
        CaseEntity e = store.load(em, caller, number, true);
        int loadedVersion = e.getOptLock();
        CaseState s = CaseMapper.read(e);
        ItemDTO item = rules.itemVersion(s);
        long now = org.yizhan.core.internal.common.Now.millis();
        List<CaseEvent> events = CaseEngine.act(s, action, body, rules.actor(caller, s, item), rules.context(em, s, item, now));
        CenterDTO here = network.center(caller.centerId()).orElse(null);
        CaseRules.stamp(events, caller, now, here);
        rules.actingFor(events, caller, s.windowType);
        if (extra != null) {
            for (CaseEvent ev : events) {
                ev.data = new java.util.LinkedHashMap<>(ev.data == null ? java.util.Map.of() : ev.data);
                ev.data.putAll(extra);
            }
        }
        rules.seal(s, events);
        CaseStore.save(em, s, e, events, now);
        deadlines.supervise(s, e, item, rules.day(now));
        if (action == CaseAction.DELIVER && here != null && here.level == Level.VILLAGE) {
            Outbox.ledger(em, here.id, now, rules.zone(), LedgerEntryDTO.REPLY, s.number, s.itemCode, s.applicantName, caller.user(),
                    "result handed over 告知办理结果: " + events.get(0).from);
        }
        relay.outbox(em, s, events, now);
        em.flush();
        LOG.debug("Case {}: {} by {} -> {} / 办件操作", s.number, action.path(), caller.user(), s.status);
        CaseCache.Entry after = CaseCache.of(s, e, store.cache.historyAfter(em, number, loadedVersion, events));
        if (made != null) {
            made[0] = after;
        }
        return CaseMapper.toDTO(after);
    }

    /** The actions a department may send back through a route (R13, R15). */
    private static final java.util.Set<CaseAction> INBOUND = java.util.EnumSet.of(CaseAction.OPINION, CaseAction.PAUSE, CaseAction.RESUME,
            CaseAction.APPROVE, CaseAction.DENY, CaseAction.SUPPLEMENT, CaseAction.START_REVIEW);

    @Override
    public org.yizhan.api.relay.InboundResultDTO apply(String routeId, String messageId, org.yizhan.api.relay.InboundActionDTO in,
                                                      java.util.function.BiPredicate<String, String> allowed) {
        java.util.List<YizhanException.FieldError> errors = new java.util.ArrayList<>();
        if (messageId == null || messageId.isBlank() || messageId.length() > 200) {
            errors.add(new YizhanException.FieldError("YizhanMessageId", "The header YizhanMessageId (at most 200 characters) is required",
                    "须提供消息标识 YizhanMessageId"));
        }
        CaseAction action = in == null || in.action == null ? null : CaseAction.fromPath(in.action.trim());
        if (action == null || !INBOUND.contains(action)) {
            errors.add(new YizhanException.FieldError("action", "action is one of opinion, pause, resume, approve, deny, supplement, start-review",
                    "操作须为 opinion、pause、resume、approve、deny、supplement、start-review 之一"));
        }
        if (in == null || in.caseNumber == null || in.caseNumber.isBlank()) {
            errors.add(new YizhanException.FieldError("caseNumber", "caseNumber is required", "办件编号不能为空"));
        }
        if (in == null || in.department == null || in.department.isBlank() || in.department.length() > 100) {
            errors.add(new YizhanException.FieldError("department", "department (at most 100 characters) is required: who decided",
                    "须注明作出决定的部门"));
        }
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
        ActionDTO body = new ActionDTO();
        body.reason = in.reason;
        body.data = in.data == null ? java.util.Map.of() : in.data;
        body.materials = in.materials == null ? java.util.List.of() : in.materials;
        CaseValidation.validate(body);
        String key = org.yizhan.core.internal.Hashes.key("I", routeId, messageId);
        // the same message twice at once: the one tried again finds the first (a duplicate)
        return CaseNotes.retrying(() -> jpa.tx(em -> applyOnce(em, routeId, messageId, key, in, action, body, allowed)));
    }

    private org.yizhan.api.relay.InboundResultDTO applyOnce(EntityManager em, String routeId, String messageId, String key,
                                                           org.yizhan.api.relay.InboundActionDTO in, CaseAction action, ActionDTO body,
                                                           java.util.function.BiPredicate<String, String> allowed) {
        org.yizhan.api.relay.InboundResultDTO r = new org.yizhan.api.relay.InboundResultDTO();
        r.messageId = messageId;
        r.caseNumber = in.caseNumber;
        org.yizhan.core.internal.entity.InboxEntity seen = em.find(org.yizhan.core.internal.entity.InboxEntity.class, key);
        if (seen != null) {
            r.duplicate = true;
            CaseEntity c = em.find(CaseEntity.class, seen.getCaseNumber());
            r.status = c == null ? null : c.getStatus();
            return r;
        }
        CaseEntity e = em.find(CaseEntity.class, in.caseNumber.trim());
        if (e == null) {
            throw YizhanException.notFound("No case " + in.caseNumber, "办件不存在：" + in.caseNumber);
        }
        if (!allowed.test(e.getWindowType(), action.path())) {
            throw YizhanException.refused("action", "Route " + routeId + " may not " + action.path() + " cases of the " + e.getWindowType()
                    + " window: nothing is allowed unless etc/org.yizhan.integration.cfg says allow." + routeId + " = "
                    + e.getWindowType() + ":" + action.path(), "集成路由 " + routeId + " 无权对该窗口办件执行此操作（见 etc/org.yizhan.integration.cfg）");
        }
        // the route acts where the action is taken: the accepting center supplements, the deciding center decides
        long center = action == CaseAction.SUPPLEMENT ? e.getCenterId() : e.getDecidingCenterId();
        Caller route = new Caller("route:" + routeId, java.util.Set.of(Caller.CLERK), center, "integration");
        CaseDTO after = actOnce(em, route, e.getNumber(), action, body,
                java.util.Map.of("route", routeId, "department", in.department.strip(), "messageId", messageId), null);
        org.yizhan.core.internal.entity.InboxEntity row = new org.yizhan.core.internal.entity.InboxEntity();
        row.setId(key);
        row.setKind("INTEGRATION");
        row.setCaseNumber(e.getNumber());
        row.setReceivedAtMillis(org.yizhan.core.internal.common.Now.millis());
        em.persist(row);
        em.flush();
        r.caseNumber = e.getNumber();
        r.status = after.status.name();
        LOG.info("Case {}: {} from {} via route {} (message {}) / 部门办理结果回传", e.getNumber(), action.path(), in.department, routeId, messageId);
        return r;
    }

    @Override
    public int backfill(String routeId, java.time.LocalDate since) {
        long sinceMillis = since.atStartOfDay(rules.zone()).toInstant().toEpochMilli();
        int written = 0;
        for (int page = 0; ; page++) {
            int first = page * 500;
            List<org.yizhan.core.internal.entity.CaseEventEntity> batch = jpa.read(em -> em.createQuery(
                    "SELECT e FROM CaseEventEntity e WHERE e.atMillis >= :since ORDER BY e.atMillis, e.caseNumber, e.seq",
                    org.yizhan.core.internal.entity.CaseEventEntity.class).setParameter("since", sinceMillis)
                    .setFirstResult(first).setMaxResults(500).getResultList());
            if (batch.isEmpty()) {
                break;
            }
            written += jpa.tx(em -> {
                int n = 0;
                java.util.Map<String, CaseState> cases = new java.util.HashMap<>();
                long now = org.yizhan.core.internal.common.Now.millis();
                for (org.yizhan.core.internal.entity.CaseEventEntity ev : batch) {
                    String event = IntegrationEvents.name(ev.getAction(), ev.getToStatus());
                    if (event == null) {
                        continue;
                    }
                    // one id per route and history event: asked again, the same event is not written twice
                    String id = java.util.UUID.nameUUIDFromBytes(("backfill/" + routeId + "/" + ev.getCaseNumber() + "/" + ev.getSeq())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
                    if (em.find(org.yizhan.core.internal.entity.OutboxEntity.class, id) != null) {
                        continue;
                    }
                    CaseState s = cases.computeIfAbsent(ev.getCaseNumber(), k -> CaseMapper.read(em.find(CaseEntity.class, k)));
                    RelayMessageDTO m = IntegrationEvents.event(s, event, code(s.centerId), code(s.decidingCenterId), ev.getReason());
                    m.id = id;
                    m.payload.put(ROUTE_KEY, routeId);
                    Outbox.enqueue(em, m, now);
                    n++;
                }
                return n;
            });
        }
        LOG.info("Backfill for route {}: {} case events since {} written / 集成事件补发", routeId, written, java.time.Instant.ofEpochMilli(sinceMillis));
        return written;
    }

    private String code(long centerId) {
        return network.center(centerId).map(c -> c.code).orElse(null);
    }

    @Override
    public VerificationDTO verify(Caller caller, String number) {
        return jpa.read(em -> {
            CaseEntity e = store.load(em, caller, number, false);
            return HistoryChain.verify(rules.chain(), number, CaseStore.events(em, number), e.getEventCount(), e.getLastHash());
        });
    }

    /** R30: the applicant follows the case with its number and lookup code, and sees no one else's data. */
    @Override
    public PublicCaseDTO lookup(String number, String lookupCode) {
        return jpa.read(em -> {
            CaseEntity e = number == null ? null : em.find(CaseEntity.class, number);
            if (e == null || lookupCode == null || !e.getLookupCode().equalsIgnoreCase(lookupCode.trim())) {
                throw YizhanException.notFound("No case with that number and lookup code", "办件编号或查询码不正确");
            }
            PublicCaseDTO p = CaseMapper.toPublic(CaseMapper.read(e), CaseStore.events(em, number),
                    id -> network.center(id).map(c -> c.name).orElse(null));
            p.rating = em.createQuery("SELECT r.ratingLevel FROM RatingEntity r WHERE r.caseNumber = :n", String.class)
                    .setParameter("n", e.getNumber()).getResultList().stream().findFirst().orElse(null);
            p.rateable = p.rating == null && FINISHED.contains(e.getStatus());
            return p;
        });
    }

    @Override
    public Facts facts(EntityManager em, Caller caller, String number, String lookupCode) {
        CaseEntity e;
        if (caller != null) {
            e = store.load(em, caller, number, false);
        } else {
            e = number == null ? null : em.find(CaseEntity.class, number);
            if (e == null || lookupCode == null || !e.getLookupCode().equalsIgnoreCase(lookupCode.trim())) {
                throw YizhanException.notFound("No case with that number and lookup code", "办件编号或查询码不正确");
            }
        }
        return new Facts(e.getNumber(), e.getStatus(), e.getCenterId(), e.getDecidingCenterId(), e.getWindowType());
    }

    @Override
    public void note(EntityManager em, String number, Caller by, String role, String action, String reason,
                     java.util.Map<String, String> data, String integrationEvent) {
        CaseEntity e = em.find(CaseEntity.class, number);
        em.lock(e, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        CaseState s = CaseMapper.read(e);
        CaseEvent ev = new CaseEvent(action, s.status.name(), s.status.name(), reason, data);
        long now = org.yizhan.core.internal.common.Now.millis();
        List<CaseEvent> events = List.of(ev);
        CaseRules.stamp(events, by, now, null);
        if (role != null) {
            ev.role = role;
        }
        rules.seal(s, events);
        // the case's own last change stays as it was: a note is not work on the case
        CaseStore.save(em, s, e, events, null);
        if (integrationEvent != null) {
            relay.note(em, s, integrationEvent, data, now);
        }
    }

    @Override
    public void event(EntityManager em, String subject, String centerCode, String event, java.util.Map<String, String> payload) {
        if (integrationOn.getAsBoolean()) {
            RelayMessageDTO m = Outbox.message(RelayMessageDTO.EVENT, subject, centerCode, null, new java.util.LinkedHashMap<>(payload));
            m.event = event;
            Outbox.enqueue(em, m, org.yizhan.core.internal.common.Now.millis());
        }
    }

    @Override
    public String receive(EntityManager em, RelayMessageDTO message, long nowMillis, String via) {
        return relay.receive(em, message, nowMillis, via);
    }

    @Override
    public int applyJointDefaults(String caseNumber) {
        return deadlines.applyJointDefaults(caseNumber);
    }
}
