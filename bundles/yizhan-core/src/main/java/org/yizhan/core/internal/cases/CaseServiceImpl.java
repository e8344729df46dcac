package org.yizhan.core.internal.cases;

import org.yizhan.core.internal.common.IdNumbers;
import org.yizhan.core.internal.common.EventData;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;
import javax.persistence.TypedQuery;

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
import org.yizhan.api.cases.ApplicantDTO;
import org.yizhan.api.cases.CaseAction;
import org.yizhan.api.cases.CaseDTO;
import org.yizhan.api.cases.CaseEventDTO;
import org.yizhan.api.cases.CasePageDTO;
import org.yizhan.api.cases.CaseQuery;
import org.yizhan.api.cases.CaseService;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.cases.FeeRecordDTO;
import org.yizhan.api.cases.NewCaseDTO;
import org.yizhan.api.cases.OpinionDTO;
import org.yizhan.api.cases.PauseKind;
import org.yizhan.api.cases.PublicCaseDTO;
import org.yizhan.api.cases.VerificationDTO;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.relay.IntegrationDemand;
import org.yizhan.api.relay.LedgerEntryDTO;
import org.yizhan.api.relay.RelayMessageDTO;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.calendar.CalendarServiceImpl;
import org.yizhan.core.internal.calendar.WorkCalendar;
import org.yizhan.core.internal.catalogue.CatalogueServiceImpl;
import org.yizhan.core.internal.entity.CaseEntity;
import org.yizhan.core.internal.entity.CaseEventEntity;
import org.yizhan.core.internal.entity.CounterEntity;
import org.yizhan.core.internal.entity.FeeRecord;
import org.yizhan.core.internal.entity.Opinion;
import org.yizhan.core.internal.network.NetworkServiceImpl;
import org.yizhan.core.internal.outbox.Outbox;
import org.yizhan.core.internal.alert.Thresholds;
import org.yizhan.core.internal.window.WindowRegistry;

/**
 * Cases in the database: creation, actions, listing, history verification and the public
 * lookup. Each call is one transaction; the rules are {@link CaseEngine}'s.
 */
@Component(service = {CaseService.class, CaseServiceImpl.class}, configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class CaseServiceImpl implements CaseService {

    private static final Logger LOG = LoggerFactory.getLogger(CaseServiceImpl.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Lookup codes must not be guessable; one generator per thread, so threads do not queue for it. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);
    private static final int MAX_ATTEMPTS = 8;
    private static final int ACT_ATTEMPTS = 4;

    private final Jpa jpa;
    private final NetworkServiceImpl network;
    private final CatalogueServiceImpl catalogue;
    private final CalendarServiceImpl calendars;
    private final WindowRegistry windows;
    private final Thresholds thresholds;
    private final ZoneId zone;
    private final int jointReviewDays;
    private final boolean integrationEvents;
    /** Present while an integrator's route takes case events; events are written only then. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile IntegrationDemand integrationDemand;

    @Activate
    public CaseServiceImpl(@Reference Jpa jpa, @Reference NetworkServiceImpl network, @Reference CatalogueServiceImpl catalogue,
                           @Reference CalendarServiceImpl calendars, @Reference WindowRegistry windows,
                           @Reference Thresholds thresholds, PlatformConfig config) {
        this.windows = windows;
        this.thresholds = thresholds;
        this.jointReviewDays = config.jointReviewDays();
        this.integrationEvents = config.integrationEvents();
        this.network = network;
        this.catalogue = catalogue;
        this.calendars = calendars;
        this.jpa = jpa;
        this.zone = ZoneId.of(config.zone());
    }

    // ------------------------------------------------------------------ create

    @Override
    public CaseDTO create(Caller caller, NewCaseDTO req) {
        if (!caller.hasAny(Caller.CLERK, Caller.VILLAGE_AGENT)) {
            throw YizhanException.forbidden("Only clerks and village agents take applications",
                    "只有窗口工作人员和村代办员可以受理申请");
        }
        if (req == null) {
            throw YizhanException.badInput("body", "The request body is missing", "缺少请求内容");
        }
        CaseValidation.validate(req);
        CenterDTO center = network.center(req.centerId).orElseThrow(() ->
                YizhanException.badInput("centerId", "No center " + req.centerId, "中心不存在：" + req.centerId));
        if (caller.centerId() != center.id) {
            throw YizhanException.forbidden("You take applications at your own center only",
                    "只能在本人所属中心受理申请");
        }
        ItemDTO item = catalogue.item(req.itemCode).orElseThrow(() ->
                YizhanException.badInput("itemCode", "No item " + req.itemCode + " in the catalogue", "事项目录中无此事项：" + req.itemCode));
        if (!item.acceptLevels.contains(center.level)) {
            String where = whereToGo(center, item);
            throw YizhanException.rule("R11", "itemCode",
                    "Item " + item.code + " is not accepted at " + center.level + " level; apply at " + where,
                    "事项“" + item.name + "”不在本级受理，请到" + where + "办理");
        }
        if (!network.windowOpen(center.id, item.windowType)) {
            throw YizhanException.rule("R2", "itemCode",
                    "The " + item.windowType + " window is not open at " + center.name + "; it takes no new cases",
                    "本中心“" + item.windowType + "”窗口未开放，暂不受理新申请");
        }
        CaseValidation.requireKnownMaterials(req.materials, item);
        windows.validate(item, req, LocalDate.now(zone));
        long deciding = decidingCenter(center, item);

        for (int attempt = 1; ; attempt++) {
            try {
                return jpa.tx(em -> insert(em, caller, req, item, center, deciding));
            } catch (RuntimeException e) {
                if (e instanceof YizhanException || attempt >= MAX_ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                LOG.debug("Case number conflict at {}, attempt {}: {}", center.code, attempt, e.toString());
            }
        }
    }

    private CaseDTO insert(EntityManager em, Caller caller, NewCaseDTO req, ItemDTO item, CenterDTO center, long deciding) {
        long now = System.currentTimeMillis();
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), zone);
        CaseState s = new CaseState();
        s.number = center.code + "-" + today.format(DAY) + "-" + String.format("%04d", next(em, "CASE-" + center.code + "-" + today.format(DAY)));
        s.lookupCode = lookupCode();
        s.itemCode = item.code;
        s.itemVersion = item.version;
        s.itemName = item.name;
        s.centerId = center.id;
        s.decidingCenterId = deciding;
        s.windowType = item.windowType;
        s.handlingClass = item.handlingClass.name();
        s.urgent = Boolean.TRUE.equals(req.urgent);
        s.applicantName = req.applicant.name.trim();
        s.applicantIdType = req.applicant.idType;
        s.applicantIdNumber = req.applicant.idNumber.trim().toUpperCase();
        s.applicantPhone = req.applicant.phone;
        s.materials = new LinkedHashSet<>(req.materials);
        s.attributes = req.attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(req.attributes);
        s.jointWindows = new ArrayList<>(item.jointWindows);
        s.createdAtMillis = now;
        s.createdBy = caller.user();
        s.firstInquiryStaff = req.firstInquiryStaff == null || req.firstInquiryStaff.isBlank()
                ? caller.user() : req.firstInquiryStaff.trim();
        CaseEngine.Actor actor = actor(caller, s);
        List<CaseEvent> events = CaseEngine.open(s, actor, context(em, s, item, now));
        stamp(events, caller, now);
        villageReceipt(events, center);
        HistoryChain.seal(s, events);
        CaseEntity e = new CaseEntity();
        write(s, e);
        supervise(s, e, item, today);
        em.persist(e);
        persistEvents(em, s.number, events);
        if (center.level == Level.VILLAGE) {
            Outbox.ledger(em, center.id, now, LedgerEntryDTO.APPLICATION, s.number, s.itemCode, s.applicantName, caller.user(),
                    s.status == CaseStatus.AWAITING_SUPPLEMENT ? "one-time notice 一次性告知: " + String.join(",", s.missing) : null);
        }
        outbox(em, s, events, now);
        LOG.debug("Case {} created at {} for item {} v{}: {} / 办件已创建", s.number, center.code, item.code, item.version, s.status);
        return withAlert(toDTO(s, events.stream().map(CaseServiceImpl::toDTO).toList()), e);
    }

    /** Where an applicant should go for an item this center does not accept (R11, R23). */
    private String whereToGo(CenterDTO center, ItemDTO item) {
        for (Level level : item.acceptLevels) {
            Optional<CenterDTO> up = network.ancestorAt(center.id, level);
            if (up.isPresent()) {
                return up.get().name + " (" + up.get().code + ")";
            }
        }
        return "a " + item.acceptLevels.get(0) + " center";
    }

    private long decidingCenter(CenterDTO center, ItemDTO item) {
        if (!item.decideLevel.above(center.level)) {
            return center.id;
        }
        return network.ancestorAt(center.id, item.decideLevel).map(c -> c.id).orElseThrow(() ->
                YizhanException.rule("R1", "centerId", "No " + item.decideLevel + " center above " + center.code + " decides this item",
                        "本中心上级没有负责决定该事项的" + item.decideLevel + "级中心"));
    }

    /**
     * A write that met another one: an optimistic lock, a key taken by a concurrent insert (a
     * counter or a number), a deadlock or a lock timeout. Those are tried again on fresh data;
     * any other persistence error (a column too short, the database gone) is not.
     */
    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof javax.persistence.EntityExistsException
                    || t instanceof javax.persistence.LockTimeoutException || t instanceof javax.persistence.PessimisticLockException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 23xxx integrity (a unique key taken), 40001 serialization/deadlock, 40P01 PostgreSQL deadlock, 40XL Derby lock timeout
                if (state.startsWith("23") || state.equals("40001") || state.equals("40P01") || state.startsWith("40XL")) {
                    return true;
                }
            }
            String m = String.valueOf(t.getMessage()).toLowerCase();
            if (m.contains("duplicate key") || m.contains("unique constraint") || m.contains("deadlock")
                    || m.contains("lock could not be obtained")) {
                return true;
            }
        }
        return false;
    }

    /** The next value of a named counter, under a row lock so two transactions never get the same one. */
    static long next(EntityManager em, String name) {
        CounterEntity c = em.find(CounterEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            c = new CounterEntity();
            c.setName(name);
            c.setNextValue(2);
            em.persist(c);
            em.flush();
            return 1;
        }
        long v = c.getNextValue();
        c.setNextValue(v + 1);
        return v;
    }

    private static String lookupCode() {
        final String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = RANDOM.get();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ read

    private boolean visible(Caller caller, CaseEntity e) {
        Set<Long> mine = network.subtree(caller.centerId());
        return mine.contains(e.getCenterId()) || mine.contains(e.getDecidingCenterId());
    }

    private CaseEntity load(EntityManager em, Caller caller, String number, boolean lock) {
        CaseEntity e = number == null ? null : em.find(CaseEntity.class, number);
        if (e == null || !visible(caller, e)) {
            // The same answer for "no such case" and "not yours": numbers cannot be probed.
            throw YizhanException.notFound("No case " + number, "办件不存在：" + number);
        }
        if (lock) {
            em.lock(e, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        return e;
    }

    @Override
    public CaseDTO get(Caller caller, String number) {
        return jpa.read(em -> {
            CaseEntity e = load(em, caller, number, false);
            return withAlert(toDTO(read(e), events(em, number).stream().map(CaseServiceImpl::toDTO).toList()), e);
        });
    }

    @Override
    public CasePageDTO list(Caller caller, CaseQuery q) {
        int size = q.size <= 0 ? 20 : Math.min(q.size, 200);
        int page = Math.max(0, q.page);
        Set<Long> centers = new LinkedHashSet<>(network.subtree(caller.centerId()));
        boolean narrowed = false;
        if (q.center != null) {
            Set<Long> wanted = network.subtree(q.center);
            if (wanted.isEmpty()) {
                throw YizhanException.badInput("center", "No center " + q.center, "中心不存在：" + q.center);
            }
            Set<Long> both = new LinkedHashSet<>(centers);
            both.retainAll(wanted);
            if (both.isEmpty() && !centers.isEmpty()) {
                throw YizhanException.forbidden("Center " + q.center + " is outside your centers", "该中心不在您的管辖范围内");
            }
            narrowed = !both.equals(centers);
            centers = both;
        }
        List<Long> ids = new ArrayList<>(centers);
        StringBuilder where = new StringBuilder(narrowed
                ? " WHERE c.centerId IN :centers"
                : " WHERE (c.centerId IN :centers OR c.decidingCenterId IN :centers)");
        if (q.status != null) {
            where.append(" AND c.status = :status");
        }
        if (q.window != null) {
            where.append(" AND c.windowType = :window");
        }
        final String w = where.toString();
        return jpa.read(em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM CaseEntity c" + w, Long.class);
            TypedQuery<CaseEntity> select = em.createQuery("SELECT c FROM CaseEntity c" + w
                    + " ORDER BY c.urgent DESC, c.createdAtMillis DESC", CaseEntity.class);
            for (TypedQuery<?> tq : List.of(count, select)) {
                tq.setParameter("centers", ids);
                if (q.status != null) {
                    tq.setParameter("status", q.status.name());
                }
                if (q.window != null) {
                    tq.setParameter("window", q.window);
                }
            }
            CasePageDTO p = new CasePageDTO();
            p.total = count.getSingleResult();
            p.page = page;
            p.size = size;
            for (CaseEntity e : select.setFirstResult(page * size).setMaxResults(size).getResultList()) {
                p.items.add(withAlert(toDTO(read(e), null), e));
            }
            return p;
        });
    }

    // ------------------------------------------------------------------ act

    @Override
    public CaseDTO act(Caller caller, String number, CaseAction action, ActionDTO body) {
        if (body != null) {
            CaseValidation.validate(body);
        }
        // A write by the platform itself (a relay receipt or reply, a scan) can land on the case
        // between our read and our commit; the action is then applied again to the fresh case, and
        // the engine checks it again, so a retry never does what the fresh state forbids.
        for (int attempt = 1; ; attempt++) {
            try {
                return actOnce(caller, number, action, body);
            } catch (RuntimeException e) {
                if (e instanceof YizhanException || !isConflict(e)) {
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

    private CaseDTO actOnce(Caller caller, String number, CaseAction action, ActionDTO body) {
        return jpa.tx(em -> {
            CaseEntity e = load(em, caller, number, true);
            CaseState s = read(e);
            ItemDTO item = itemVersion(s);
            long now = System.currentTimeMillis();
            List<CaseEvent> events = CaseEngine.act(s, action, body, actor(caller, s), context(em, s, item, now));
            stamp(events, caller, now);
            CenterDTO here = network.center(caller.centerId()).orElse(null);
            villageReceipt(events, here);
            HistoryChain.seal(s, events);
            write(s, e);
            supervise(s, e, item, LocalDate.ofInstant(Instant.ofEpochMilli(now), zone));
            e.setUpdatedAtMillis(now);
            persistEvents(em, s.number, events);
            if (action == CaseAction.DELIVER && here != null && here.level == Level.VILLAGE) {
                Outbox.ledger(em, here.id, now, LedgerEntryDTO.REPLY, s.number, s.itemCode, s.applicantName, caller.user(),
                        "result handed over 告知办理结果: " + events.get(0).from);
            }
            outbox(em, s, events, now);
            em.flush();
            LOG.debug("Case {}: {} by {} -> {} / 办件操作", s.number, action.path(), caller.user(), s.status);
            return withAlert(toDTO(s, events(em, number).stream().map(CaseServiceImpl::toDTO).toList()), e);
        });
    }

    /** Keeps the case's yellow date and alert level current with its promised date (R20). */
    private void supervise(CaseState s, CaseEntity e, ItemDTO item, LocalDate today) {
        if (s.status == CaseStatus.RELAYING) {
            // R23: while it travels up, the transmit limit is what supervision watches
            e.setYellowDate(null);
            e.setAlertLevel(s.relayDue != null && s.relayDue.isBefore(today) ? Thresholds.RED : null);
            return;
        }
        if (s.promisedDate == null || s.acceptedAtMillis == null) {
            e.setYellowDate(null);
            e.setAlertLevel(null);
            return;
        }
        LocalDate accepted = LocalDate.ofInstant(Instant.ofEpochMilli(s.acceptedAtMillis), zone);
        String code = network.center(s.decidingCenterId).map(c -> c.code).orElse("");
        LocalDate yellow = thresholds.yellowDate(code, calendars.calendarOf(s.decidingCenterId), accepted, s.promisedDate,
                item.promisedDays);
        e.setYellowDate(yellow.toString());
        e.setAlertLevel(Thresholds.level(s.status, s.promisedDate, yellow, today));
    }

    /**
     * R14: records the deemed consent of every joint window whose deadline has passed without
     * an opinion, as the platform ("system"); returns how many it recorded.
     */
    public int applyJointDefaults(String number) {
        try {
            return jpa.tx(em -> {
                CaseEntity e = em.find(CaseEntity.class, number);
                if (e == null) {
                    return 0;
                }
                CaseState s = read(e);
                ItemDTO item = itemVersion(s);
                long now = System.currentTimeMillis();
                List<CaseEvent> events = CaseEngine.timeoutDefaults(s, context(em, s, item, now));
                if (events.isEmpty()) {
                    return 0;
                }
                stamp(events, new Caller("system", Set.of(), s.decidingCenterId), now);
                HistoryChain.seal(s, events);
                write(s, e);
                e.setUpdatedAtMillis(now);
                em.lock(e, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                persistEvents(em, s.number, events);
                LOG.info("Case {}: deemed consent of {} joint window(s) after the deadline (R14) / 联办超时默认同意", number, events.size());
                return events.size();
            });
        } catch (RuntimeException e) {
            LOG.warn("Joint-review default for case {} not recorded this time: {}", number, e.toString());
            return 0;
        }
    }

    private ItemDTO itemVersion(CaseState s) {
        return catalogue.item(s.itemCode, s.itemVersion).orElseThrow(() -> new IllegalStateException(
                "Item " + s.itemCode + " v" + s.itemVersion + " of case " + s.number + " is missing"));
    }

    private CaseEngine.Actor actor(Caller caller, CaseState s) {
        Set<Long> mine = network.subtree(caller.centerId());
        return new CaseEngine.Actor(caller, caller.centerId() == s.centerId, caller.centerId() == s.decidingCenterId,
                mine.contains(s.decidingCenterId));
    }

    private CaseEngine.Context context(EntityManager em, CaseState s, ItemDTO item, long now) {
        WorkCalendar cal = calendars.calendarOf(s.decidingCenterId);
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), zone);
        return new CaseEngine.Context() {
            @Override
            public ItemDTO item() {
                return item;
            }

            @Override
            public Optional<ItemDTO> currentItem() {
                return catalogue.item(s.itemCode);
            }

            @Override
            public WorkCalendar calendar() {
                return cal;
            }

            @Override
            public LocalDate today() {
                return today;
            }

            @Override
            public long nowMillis() {
                return now;
            }

            @Override
            public Supplier<String> receiptNumbers() {
                return () -> "FP" + today.getYear() + "-" + String.format("%06d", next(em, "FEE-" + today.getYear()));
            }

            @Override
            public Optional<String> windowName(String type) {
                return network.windowType(type).map(t -> t.name);
            }

            @Override
            public int jointReviewDays() {
                return jointReviewDays;
            }
        };
    }

    private static void stamp(List<CaseEvent> events, Caller caller, long now) {
        for (CaseEvent ev : events) {
            ev.atMillis = now;
            ev.actor = caller.user();
            ev.role = caller.mainRole();
            ev.centerId = caller.centerId();
        }
    }

    // ------------------------------------------------------------------ history

    @Override
    public VerificationDTO verify(Caller caller, String number) {
        return jpa.read(em -> {
            CaseEntity e = load(em, caller, number, false);
            return HistoryChain.verify(number, events(em, number), e.getEventCount(), e.getLastHash());
        });
    }

    private static List<CaseEvent> events(EntityManager em, String number) {
        List<CaseEvent> list = new ArrayList<>();
        for (CaseEventEntity r : em.createQuery("SELECT e FROM CaseEventEntity e WHERE e.caseNumber = :n ORDER BY e.seq",
                CaseEventEntity.class).setParameter("n", number).getResultList()) {
            CaseEvent ev = new CaseEvent(r.getAction(), r.getFromStatus(), r.getToStatus(), r.getReason(), EventData.decode(r.getData()));
            ev.seq = r.getSeq();
            ev.atMillis = r.getAtMillis();
            ev.actor = r.getActor();
            ev.role = r.getRole();
            ev.centerId = r.getCenterId();
            ev.hash = r.getHash();
            ev.prevHash = r.getPrevHash();
            list.add(ev);
        }
        return list;
    }

    private static void persistEvents(EntityManager em, String number, List<CaseEvent> events) {
        for (CaseEvent ev : events) {
            CaseEventEntity r = new CaseEventEntity();
            r.setId(number + "#" + ev.seq);
            r.setCaseNumber(number);
            r.setSeq(ev.seq);
            r.setAtMillis(ev.atMillis);
            r.setActor(ev.actor);
            r.setRole(ev.role);
            r.setCenterId(ev.centerId);
            r.setAction(ev.action);
            r.setFromStatus(ev.from);
            r.setToStatus(ev.to);
            r.setReason(ev.reason);
            r.setData(EventData.encode(ev.data));
            r.setHash(ev.hash);
            r.setPrevHash(ev.prevHash);
            em.persist(r);
        }
    }

    // ------------------------------------------------------------------ public lookup (R30)

    @Override
    public PublicCaseDTO lookup(String number, String lookupCode) {
        return jpa.read(em -> {
            CaseEntity e = number == null ? null : em.find(CaseEntity.class, number);
            if (e == null || lookupCode == null || !e.getLookupCode().equalsIgnoreCase(lookupCode.trim())) {
                throw YizhanException.notFound("No case with that number and lookup code", "办件编号或查询码不正确");
            }
            CaseState s = read(e);
            PublicCaseDTO p = new PublicCaseDTO();
            p.number = s.number;
            p.status = s.status;
            p.itemCode = s.itemCode;
            p.itemName = s.itemName;
            p.applicantMasked = IdNumbers.maskName(s.applicantName);
            p.acceptedAt = instant(s.acceptedAtMillis);
            p.promisedDate = s.promisedDate == null ? null : s.promisedDate.toString();
            p.promisedDateEstimated = s.promisedDate == null ? null : s.promisedDateEstimated;
            p.materialsReceived.addAll(s.materials);
            p.missingMaterials.addAll(s.missing);
            p.fees.addAll(fees(s));
            for (CaseEvent ev : events(em, number)) {
                PublicCaseDTO.PublicEventDTO pe = new PublicCaseDTO.PublicEventDTO();
                pe.seq = ev.seq;
                pe.at = instantText(ev.atMillis);
                pe.action = ev.action;
                pe.from = ev.from;
                pe.to = ev.to;
                pe.centerName = ev.centerId == null ? null : network.center(ev.centerId).map(c -> c.name).orElse(null);
                p.history.add(pe);
            }
            return p;
        });
    }

    // ------------------------------------------------------------------ relay (R23) and integration

    private static final String VILLAGE_RECEIPT_NOTE = "承办单：申请人有权查询办理进度、对办理结果提出异议和投诉；"
            + "应如实提供材料，按告知补正。 The applicant may follow the case, object to the result and complain; "
            + "materials must be true and completed as told (R12).";

    /** R12: a receipt issued in a village room states the applicant's rights and duties. */
    private static void villageReceipt(List<CaseEvent> events, CenterDTO center) {
        if (center == null || center.level != Level.VILLAGE) {
            return;
        }
        for (CaseEvent ev : events) {
            if ("accept".equals(ev.action)) {
                ev.data = new LinkedHashMap<>(ev.data);
                ev.data.put("rightsAndDuties", VILLAGE_RECEIPT_NOTE);
            }
        }
    }

    /** The messages the events of one change cause, written in the transaction of that change. */
    private void outbox(EntityManager em, CaseState s, List<CaseEvent> events, long now) {
        for (CaseEvent ev : events) {
            String integration = switch (ev.action) {
                case "submit" -> "created";
                case "accept" -> "accepted";
                case "approve" -> "approved";
                case "deny" -> "denied";
                case "deliver" -> "delivered";
                case "relay-in" -> CaseStatus.ACCEPTED.name().equals(ev.to) ? "relayed" : null;
                default -> null;
            };
            if (integration != null && integrationEvents && integrationDemand != null) {
                Outbox.enqueue(em, IntegrationEvents.event(s, integration, code(s.centerId), code(s.decidingCenterId), ev.reason), now);
            }
            if ("accept".equals(ev.action) && CaseStatus.RELAYING.name().equals(ev.to)) {
                CenterDTO origin = center(s.centerId);
                Outbox.enqueue(em, Outbox.message(RelayMessageDTO.RELAY_UP, s.number, origin.code, code(origin.parentId),
                        snapshot(s)), now);
            }
            if (("approve".equals(ev.action) || "deny".equals(ev.action)) && s.centerId != s.decidingCenterId) {
                reply(em, s, s.decidingCenterId, ev.to, ev.reason, code(s.decidingCenterId), now);
            }
        }
    }

    private void reply(EntityManager em, CaseState s, long from, String decision, String reason, String by, long now) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("decision", decision);
        if (reason != null) {
            p.put("reason", reason);
        }
        p.put("by", by);
        p.put("decidedAtMillis", Long.toString(s.decidedAtMillis == null ? now : s.decidedAtMillis));
        if (s.onTime != null) {
            p.put("onTime", s.onTime.toString());
        }
        Outbox.enqueue(em, Outbox.message(RelayMessageDTO.RELAY_REPLY, s.number, code(from), code(childToward(from, s.centerId)), p), now);
    }

    /** The center one level below {@code upper} on the way down to {@code origin}. */
    private long childToward(long upper, long origin) {
        long c = origin;
        for (int i = 0; i < 10; i++) {
            CenterDTO center = center(c);
            if (center.parentId == null) {
                break;
            }
            if (center.parentId == upper) {
                return c;
            }
            c = center.parentId;
        }
        throw new IllegalStateException("Center " + code(origin) + " is not below " + code(upper));
    }

    private CenterDTO center(Long id) {
        return network.center(id).orElseThrow(() -> new IllegalStateException("No center " + id));
    }

    private String code(Long id) {
        return id == null ? null : center(id).code;
    }

    /** Everything a center in another container needs to take the case (the full identity number: HTTP is authenticated). */
    private Map<String, String> snapshot(CaseState s) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("lookupCode", s.lookupCode);
        p.put("itemCode", s.itemCode);
        p.put("itemVersion", Integer.toString(s.itemVersion));
        p.put("itemName", s.itemName);
        p.put("center", code(s.centerId));
        p.put("decidingCenter", code(s.decidingCenterId));
        p.put("windowType", s.windowType);
        p.put("handlingClass", s.handlingClass);
        p.put("urgent", Boolean.toString(s.urgent));
        p.put("applicantName", s.applicantName);
        p.put("applicantIdType", s.applicantIdType);
        p.put("applicantIdNumber", s.applicantIdNumber);
        if (s.applicantPhone != null) {
            p.put("applicantPhone", s.applicantPhone);
        }
        p.put("materials", String.join(",", s.materials));
        p.put("jointWindows", String.join(",", s.jointWindows));
        s.attributes.forEach((k, v) -> p.put("attr." + k, v));
        p.put("createdAtMillis", Long.toString(s.createdAtMillis));
        p.put("createdBy", s.createdBy);
        // a missing value is left out (never the text "null"): the receiver names the missing field
        putIfPresent(p, "acceptedAtMillis", s.acceptedAtMillis);
        putIfPresent(p, "promisedDate", s.promisedDate);
        p.put("promisedDateEstimated", Boolean.toString(s.promisedDateEstimated));
        if (s.relayDue != null) {
            p.put("relayDue", s.relayDue.toString());
        }
        if (s.firstInquiryStaff != null) {
            p.put("firstInquiryStaff", s.firstInquiryStaff);
        }
        putIfPresent(p, "originHash", s.lastHash);
        return p;
    }

    private static void putIfPresent(Map<String, String> p, String key, Object value) {
        if (value != null) {
            p.put(key, value.toString());
        }
    }

    private CaseState fromSnapshot(String number, Map<String, String> p) {
        CaseState s = new CaseState();
        s.number = number;
        s.lookupCode = required(p, "lookupCode");
        s.itemCode = required(p, "itemCode");
        try {
            s.itemVersion = Integer.parseInt(required(p, "itemVersion"));
            s.createdAtMillis = Long.parseLong(required(p, "createdAtMillis"));
            s.acceptedAtMillis = Long.parseLong(required(p, "acceptedAtMillis"));
            s.promisedDate = LocalDate.parse(required(p, "promisedDate"));
            s.relayDue = p.get("relayDue") == null ? null : LocalDate.parse(p.get("relayDue"));
        } catch (RuntimeException e) {
            if (e instanceof YizhanException y) {
                throw y;
            }
            throw YizhanException.badInput("payload", "Malformed relayed case: " + e.getMessage(), "报送件内容格式错误");
        }
        ItemDTO item = catalogue.item(s.itemCode, s.itemVersion).orElseThrow(() -> YizhanException.badInput("payload.itemVersion",
                "Item " + s.itemCode + " v" + s.itemVersion + " is not in this container's catalogue; install its window module",
                "本节点事项目录中没有 " + s.itemCode + " 第 " + s.itemVersion + " 版，请安装相应窗口模块"));
        s.itemName = item.name;
        s.centerId = centerId(p, "center");
        s.decidingCenterId = centerId(p, "decidingCenter");
        s.windowType = item.windowType;
        s.handlingClass = item.handlingClass.name();
        s.status = CaseStatus.RELAYING;
        s.urgent = Boolean.parseBoolean(p.get("urgent"));
        s.applicantName = required(p, "applicantName");
        s.applicantIdType = required(p, "applicantIdType");
        s.applicantIdNumber = required(p, "applicantIdNumber");
        s.applicantPhone = p.get("applicantPhone");
        s.materials = new LinkedHashSet<>(CatalogueServiceImpl.split(p.get("materials")));
        s.jointWindows = CatalogueServiceImpl.split(p.get("jointWindows"));
        p.forEach((k, v) -> {
            if (k.startsWith("attr.")) {
                s.attributes.put(k.substring(5), v);
            }
        });
        s.createdBy = p.get("createdBy");
        s.promisedDateEstimated = Boolean.parseBoolean(p.get("promisedDateEstimated"));
        s.firstInquiryStaff = p.get("firstInquiryStaff");
        return s;
    }

    private long centerId(Map<String, String> p, String key) {
        String code = required(p, key);
        return network.centerByCode(code).map(c -> c.id).orElseThrow(() ->
                YizhanException.badInput("payload." + key, "No center " + code + " in this container's network", "本节点没有中心 " + code));
    }

    private static String required(Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null || v.isBlank() || "null".equals(v)) {
            throw YizhanException.badInput("payload." + key, "The relayed case lacks " + key, "报送件缺少 " + key);
        }
        return v;
    }

    /**
     * Takes a relay message for a center of this container, in the caller's transaction (which
     * also records the message as taken): a case arriving from below, a receipt from above, a
     * decision coming back. Returns the receipt number this center gives.
     */
    public String receive(EntityManager em, RelayMessageDTO m, long now) {
        CenterDTO here = network.centerByCode(m.toCenter).orElseThrow(() ->
                YizhanException.badInput("toCenter", "No center " + m.toCenter + " here", "本节点没有中心 " + m.toCenter));
        if (m.caseNumber == null || m.caseNumber.isBlank()) {
            throw YizhanException.badInput("caseNumber", "caseNumber is required", "缺少办件编号");
        }
        CaseEntity e = em.find(CaseEntity.class, m.caseNumber);
        CaseState s;
        Map<String, String> p = m.payload == null ? Map.of() : m.payload;
        if (e == null) {
            if (!RelayMessageDTO.RELAY_UP.equals(m.kind)) {
                throw YizhanException.badInput("caseNumber", "No case " + m.caseNumber + " here for " + m.kind, "本节点没有办件 " + m.caseNumber);
            }
            s = fromSnapshot(m.caseNumber, p);
        } else {
            em.lock(e, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            s = read(e);
        }
        ItemDTO item = itemVersion(s);
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), zone);
        String receipt = null;
        List<Runnable> after = new ArrayList<>();
        CaseEvent ev;
        switch (m.kind) {
            case RelayMessageDTO.RELAY_UP -> {
                boolean decides = s.decidingCenterId == here.id;
                // a case enters a center once, so its number makes the receipt unique (no shared counter to lock)
                receipt = here.code + "-RX-" + s.number;
                ev = CaseEngine.relayIn(s, decides, m.fromCenter, receipt);
                if (e == null) {
                    ev.data.put("originHash", p.getOrDefault("originHash", ""));
                }
                String r = receipt;
                after.add(() -> {
                    Map<String, String> rp = new LinkedHashMap<>();
                    rp.put("receipt", r);
                    rp.put("arrived", Boolean.toString(decides));
                    rp.put("by", here.code);
                    Outbox.enqueue(em, Outbox.message(RelayMessageDTO.RELAY_RECEIPT, s.number, here.code, m.fromCenter, rp), now);
                    if (!decides) {
                        Outbox.enqueue(em, Outbox.message(RelayMessageDTO.RELAY_UP, s.number, here.code, code(here.parentId), snapshot(s)), now);
                    }
                });
            }
            case RelayMessageDTO.RELAY_RECEIPT -> {
                boolean arrived = Boolean.parseBoolean(p.get("arrived"));
                String by = p.getOrDefault("by", m.fromCenter);
                ev = CaseEngine.relayReceipt(s, by, p.get("receipt"), arrived);
                if (arrived && here.id != s.centerId) {
                    after.add(() -> Outbox.enqueue(em, Outbox.message(RelayMessageDTO.RELAY_RECEIPT, s.number, here.code,
                            code(childToward(here.id, s.centerId)), new LinkedHashMap<>(p)), now));
                }
            }
            case RelayMessageDTO.RELAY_REPLY -> {
                CaseStatus decision;
                try {
                    decision = CaseStatus.valueOf(required(p, "decision"));
                } catch (IllegalArgumentException x) {
                    throw YizhanException.badInput("payload.decision", "decision must be APPROVED or DENIED", "decision 须为 APPROVED 或 DENIED");
                }
                if (decision != CaseStatus.APPROVED && decision != CaseStatus.DENIED) {
                    throw YizhanException.badInput("payload.decision", "decision must be APPROVED or DENIED", "decision 须为 APPROVED 或 DENIED");
                }
                long decidedAt = Long.parseLong(p.getOrDefault("decidedAtMillis", Long.toString(now)));
                Boolean onTime = p.get("onTime") == null ? null : Boolean.valueOf(p.get("onTime"));
                ev = CaseEngine.relayReply(s, decision, p.get("reason"), p.getOrDefault("by", m.fromCenter), decidedAt, onTime);
                if (here.id != s.centerId) {
                    after.add(() -> Outbox.enqueue(em, Outbox.message(RelayMessageDTO.RELAY_REPLY, s.number, here.code,
                            code(childToward(here.id, s.centerId)), new LinkedHashMap<>(p)), now));
                }
            }
            default -> throw YizhanException.badInput("kind", "Not a relay message kind: " + m.kind, "不是报送消息类型：" + m.kind);
        }
        List<CaseEvent> events = List.of(ev);
        stamp(events, new Caller("relay", Set.of(), here.id), now);
        HistoryChain.seal(s, events);
        if (e == null) {
            e = new CaseEntity();
            write(s, e);
            supervise(s, e, item, today);
            e.setUpdatedAtMillis(now);
            em.persist(e);
        } else {
            write(s, e);
            supervise(s, e, item, today);
            e.setUpdatedAtMillis(now);
        }
        persistEvents(em, s.number, events);
        after.forEach(Runnable::run);
        outbox(em, s, events, now);
        return receipt;
    }

    // ------------------------------------------------------------------ mapping

    static CaseState read(CaseEntity e) {
        CaseState s = new CaseState();
        s.number = e.getNumber();
        s.lookupCode = e.getLookupCode();
        s.itemCode = e.getItemCode();
        s.itemVersion = e.getItemVersion();
        s.itemName = e.getItemName();
        s.centerId = e.getCenterId();
        s.decidingCenterId = e.getDecidingCenterId();
        s.windowType = e.getWindowType();
        s.handlingClass = e.getHandlingClass();
        s.status = CaseStatus.valueOf(e.getStatus());
        s.urgent = e.isUrgent();
        s.applicantName = e.getApplicantName();
        s.applicantIdType = e.getApplicantIdType();
        s.applicantIdNumber = e.getApplicantIdNumber();
        s.applicantPhone = e.getApplicantPhone();
        s.materials = new LinkedHashSet<>(CatalogueServiceImpl.split(e.getMaterials()));
        s.missing = new LinkedHashSet<>(CatalogueServiceImpl.split(e.getMissingMaterials()));
        s.notice = new LinkedHashSet<>(CatalogueServiceImpl.split(e.getNoticeMaterials()));
        s.jointWindows = CatalogueServiceImpl.split(e.getJointWindows());
        s.attributes = new LinkedHashMap<>(e.getAttributes());
        s.createdAtMillis = e.getCreatedAtMillis();
        s.createdBy = e.getCreatedBy();
        s.acceptedAtMillis = e.getAcceptedAtMillis();
        s.promisedDate = e.getPromisedDate() == null ? null : LocalDate.parse(e.getPromisedDate());
        s.promisedDateEstimated = e.isPromisedDateEstimated();
        s.pauseKind = e.getPauseKind() == null ? null : PauseKind.valueOf(e.getPauseKind());
        s.pausedFrom = e.getPausedFrom() == null ? null : CaseStatus.valueOf(e.getPausedFrom());
        s.pausedOn = e.getPausedOn() == null ? null : LocalDate.parse(e.getPausedOn());
        s.firstInquiryStaff = e.getFirstInquiryStaff();
        s.notAcceptedReason = e.getNotAcceptedReason();
        s.redirectTo = e.getRedirectTo();
        for (FeeRecord f : e.getFees()) {
            s.fees.add(new CaseState.Fee(f.getItem(), f.getAmountFen(), f.getStandard(), f.getReceiptNumber(), f.getAtMillis()));
        }
        for (Opinion o : e.getOpinions()) {
            s.opinions.add(new CaseState.JointOpinion(o.getWindow(), o.getOpinion(), o.getReason(), o.getByUser(), o.getAtMillis()));
        }
        s.eventCount = e.getEventCount();
        s.lastHash = e.getLastHash();
        s.jointDeadline = e.getJointDeadline() == null ? null : LocalDate.parse(e.getJointDeadline());
        s.decidedAtMillis = e.getDecidedAtMillis();
        s.onTime = e.getOnTime();
        s.relayDue = e.getRelayDue() == null ? null : LocalDate.parse(e.getRelayDue());
        return s;
    }

    static void write(CaseState s, CaseEntity e) {
        e.setNumber(s.number);
        e.setLookupCode(s.lookupCode);
        e.setItemCode(s.itemCode);
        e.setItemVersion(s.itemVersion);
        e.setItemName(s.itemName);
        e.setCenterId(s.centerId);
        e.setDecidingCenterId(s.decidingCenterId);
        e.setWindowType(s.windowType);
        e.setHandlingClass(s.handlingClass);
        e.setStatus(s.status.name());
        e.setUrgent(s.urgent);
        e.setApplicantName(s.applicantName);
        e.setApplicantIdType(s.applicantIdType);
        e.setApplicantIdNumber(s.applicantIdNumber);
        e.setApplicantPhone(s.applicantPhone);
        e.setMaterials(String.join(",", s.materials));
        e.setMissingMaterials(String.join(",", s.missing));
        e.setNoticeMaterials(String.join(",", s.notice));
        e.setJointWindows(String.join(",", s.jointWindows));
        e.setAttributes(new LinkedHashMap<>(s.attributes));
        e.setCreatedAtMillis(s.createdAtMillis);
        e.setCreatedBy(s.createdBy);
        e.setAcceptedAtMillis(s.acceptedAtMillis);
        e.setPromisedDate(s.promisedDate == null ? null : s.promisedDate.toString());
        e.setPromisedDateEstimated(s.promisedDateEstimated);
        e.setPauseKind(s.pauseKind == null ? null : s.pauseKind.name());
        e.setPausedFrom(s.pausedFrom == null ? null : s.pausedFrom.name());
        e.setPausedOn(s.pausedOn == null ? null : s.pausedOn.toString());
        e.setFirstInquiryStaff(s.firstInquiryStaff);
        e.setNotAcceptedReason(s.notAcceptedReason);
        e.setRedirectTo(s.redirectTo);
        List<FeeRecord> fees = new ArrayList<>();
        for (CaseState.Fee f : s.fees) {
            FeeRecord r = new FeeRecord();
            r.setItem(f.item());
            r.setAmountFen(f.amountFen());
            r.setStandard(f.standard());
            r.setReceiptNumber(f.receiptNumber());
            r.setAtMillis(f.atMillis());
            fees.add(r);
        }
        e.setFees(fees);
        List<Opinion> opinions = new ArrayList<>();
        for (CaseState.JointOpinion o : s.opinions) {
            Opinion r = new Opinion();
            r.setWindow(o.window());
            r.setOpinion(o.opinion());
            r.setReason(o.reason());
            r.setByUser(o.by());
            r.setAtMillis(o.atMillis());
            opinions.add(r);
        }
        e.setOpinions(opinions);
        e.setEventCount(s.eventCount);
        e.setLastHash(s.lastHash);
        e.setJointDeadline(s.jointDeadline == null ? null : s.jointDeadline.toString());
        e.setDecidedAtMillis(s.decidedAtMillis);
        e.setOnTime(s.onTime);
        e.setRelayDue(s.relayDue == null ? null : s.relayDue.toString());
    }

    private static List<FeeRecordDTO> fees(CaseState s) {
        List<FeeRecordDTO> list = new ArrayList<>();
        for (CaseState.Fee f : s.fees) {
            FeeRecordDTO d = new FeeRecordDTO();
            d.item = f.item();
            d.amountFen = f.amountFen();
            d.standard = f.standard();
            d.receiptNumber = f.receiptNumber();
            d.at = instantText(f.atMillis());
            list.add(d);
        }
        return list;
    }

    CaseDTO toDTO(CaseState s, List<CaseEventDTO> history) {
        CaseDTO d = new CaseDTO();
        d.number = s.number;
        d.lookupCode = s.lookupCode;
        d.itemCode = s.itemCode;
        d.itemVersion = s.itemVersion;
        d.itemName = s.itemName;
        d.centerId = s.centerId;
        d.decidingCenterId = s.decidingCenterId;
        d.windowType = s.windowType;
        d.handlingClass = s.handlingClass;
        d.status = s.status;
        d.urgent = s.urgent;
        ApplicantDTO a = new ApplicantDTO();
        a.name = s.applicantName;
        a.idType = s.applicantIdType;
        a.idNumberMasked = IdNumbers.mask(s.applicantIdNumber);
        a.phone = s.applicantPhone;
        d.applicant = a;
        d.materials.addAll(s.materials);
        d.missingMaterials.addAll(s.missing);
        d.noticeMaterials.addAll(s.notice);
        d.attributes.putAll(s.attributes);
        d.createdAt = instantText(s.createdAtMillis);
        d.acceptedAt = instant(s.acceptedAtMillis);
        d.promisedDate = s.promisedDate == null ? null : s.promisedDate.toString();
        d.promisedDateEstimated = s.promisedDate == null ? null : s.promisedDateEstimated;
        d.pauseKind = s.pauseKind == null ? null : s.pauseKind.name();
        d.firstInquiryStaff = s.firstInquiryStaff;
        d.notAcceptedReason = s.notAcceptedReason;
        d.redirectTo = s.redirectTo;
        d.fees.addAll(fees(s));
        d.jointWindows.addAll(s.jointWindows);
        for (CaseState.JointOpinion o : s.opinions) {
            OpinionDTO od = new OpinionDTO();
            od.window = o.window();
            od.opinion = o.opinion();
            od.reason = o.reason();
            od.by = o.by();
            od.at = instantText(o.atMillis());
            d.opinions.add(od);
        }
        d.history = history;
        return d;
    }

    private static CaseDTO withAlert(CaseDTO d, CaseEntity e) {
        d.alertLevel = e.getAlertLevel();
        d.jointDeadline = e.getJointDeadline();
        return d;
    }

    static CaseEventDTO toDTO(CaseEvent ev) {
        CaseEventDTO d = new CaseEventDTO();
        d.seq = ev.seq;
        d.at = instantText(ev.atMillis);
        d.actor = ev.actor;
        d.role = ev.role;
        d.centerId = ev.centerId;
        d.action = ev.action;
        d.from = ev.from;
        d.to = ev.to;
        d.reason = ev.reason;
        d.data = ev.data;
        d.hash = ev.hash;
        d.prevHash = ev.prevHash;
        return d;
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static String instant(Long millis) {
        return millis == null ? null : instantText(millis);
    }

    /** ISO 8601 with offset, in China Standard Time. */
    static String instantText(long millis) {
        return Instant.ofEpochMilli(millis).atZone(CHINA).toOffsetDateTime().toString();
    }
}
