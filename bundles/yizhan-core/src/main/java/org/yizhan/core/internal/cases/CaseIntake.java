package org.yizhan.core.internal.cases;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.Level;
import org.yizhan.api.YizhanException;
import org.yizhan.api.cases.CaseDTO;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.cases.NewCaseDTO;
import org.yizhan.api.catalogue.CatalogueService;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.LedgerEntryDTO;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.entity.CaseEntity;
import org.yizhan.core.internal.outbox.Outbox;
import org.yizhan.core.internal.window.RequestValidator;

/**
 * Taking an application: who may, where (R11: the levels that accept the item, R2: an open
 * window), what the window module's validators say, which center decides (R1), and the new
 * case's number, lookup code, first events and messages in one transaction.
 */
final class CaseIntake {

    private static final Logger LOG = LoggerFactory.getLogger(CaseIntake.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Lookup codes must not be guessable; one generator per thread, so threads do not queue for it. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);
    private static final String LOOKUP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int MAX_ATTEMPTS = 8;

    private final Jpa jpa;
    private final NetworkService network;
    private final CatalogueService catalogue;
    private final RequestValidator validators;
    private final CaseRules rules;
    private final Deadlines deadlines;
    private final CaseRelay relay;
    private final CaseCache cache;
    /** The case as its caller reads it: the answer to a replayed request. */
    private final java.util.function.BiFunction<Caller, String, CaseDTO> reader;

    CaseIntake(Jpa jpa, NetworkService network, CatalogueService catalogue, RequestValidator validators, CaseRules rules,
               Deadlines deadlines, CaseRelay relay, CaseCache cache, java.util.function.BiFunction<Caller, String, CaseDTO> reader) {
        this.cache = cache;
        this.reader = reader;
        this.jpa = jpa;
        this.network = network;
        this.catalogue = catalogue;
        this.validators = validators;
        this.rules = rules;
        this.deadlines = deadlines;
        this.relay = relay;
    }

    CaseDTO create(Caller caller, NewCaseDTO req, org.yizhan.api.cases.Idempotency key) {
        if (!caller.hasAny(Caller.CLERK, Caller.VILLAGE_AGENT)) {
            throw YizhanException.forbidden("Only clerks and village agents take applications",
                    "只有窗口工作人员和村代办员可以受理申请");
        }
        if (req == null) {
            throw YizhanException.badInput("body", "The request body is missing", "缺少请求内容");
        }
        String done = key == null ? null : jpa.read(em -> Idempotent.seen(em, caller, key, null));
        if (done != null) {
            return reader.apply(caller, done);
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
        validators.validate(item, req, rules.day(org.yizhan.core.internal.common.Now.millis()));
        long deciding = decidingCenter(center, item);

        // what the caller is (reference data, read through caches that may need a connection of their own) is
        // known before the transaction: never while it holds the center's counter, which others wait for
        CaseEngine.Actor actor = rules.actor(caller, center.id, deciding, item.windowType, item);
        java.util.Optional<String> acting = rules.acting(caller, item.windowType);
        for (int attempt = 1; ; attempt++) {
            try {
                CaseCache.Entry[] made = new CaseCache.Entry[1];
                String[] again = new String[1];
                CaseDTO d = jpa.tx(em -> {
                    // a copy of this request that was faster (the key's row is the meeting point)
                    again[0] = Idempotent.seen(em, caller, key, null);
                    if (again[0] != null) {
                        return null;
                    }
                    CaseDTO x = insert(em, caller, req, item, center, deciding, actor, acting, made);
                    Idempotent.remember(em, caller, key, x.number, System.currentTimeMillis());
                    return x;
                });
                if (again[0] != null) {
                    return reader.apply(caller, again[0]);
                }
                cache.put(made[0]);
                return d;
            } catch (RuntimeException e) {
                if (e instanceof YizhanException || attempt >= MAX_ATTEMPTS || !CaseStore.isConflict(e)) {
                    throw e;
                }
                LOG.debug("Case number conflict at {}, attempt {}: {}", center.code, attempt, e.toString());
            }
        }
    }

    private CaseDTO insert(EntityManager em, Caller caller, NewCaseDTO req, ItemDTO item, CenterDTO center, long deciding,
                           CaseEngine.Actor actor, java.util.Optional<String> acting, CaseCache.Entry[] made) {
        long now = org.yizhan.core.internal.common.Now.millis();
        LocalDate today = rules.day(now);
        String day = today.format(DAY);
        CaseState s = new CaseState();
        s.number = center.code + "-" + day + "-" + String.format("%04d", CaseStore.next(em, "CASE-" + center.code + "-" + day));
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
        List<CaseEvent> events = CaseEngine.open(s, actor, rules.context(em, s, item, now));
        CaseRules.stamp(events, caller, now, center);
        CaseRules.markActing(events, acting);
        rules.seal(s, events);
        CaseEntity e = CaseStore.save(em, s, null, events, null);
        deadlines.supervise(s, e, item, today);
        if (center.level == Level.VILLAGE) {
            Outbox.ledger(em, center.id, now, rules.zone(), LedgerEntryDTO.APPLICATION, s.number, s.itemCode, s.applicantName, caller.user(),
                    s.status == CaseStatus.AWAITING_SUPPLEMENT ? "one-time notice 一次性告知: " + String.join(",", s.missing) : null);
        }
        relay.outbox(em, s, events, now);
        LOG.debug("Case {} created at {} for item {} v{}: {} / 办件已创建", s.number, center.code, item.code, item.version, s.status);
        em.flush();   // the row's first version, for the cache
        made[0] = CaseCache.of(s, e, events);
        return CaseMapper.toDTO(made[0]);
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

    static String lookupCode() {
        SecureRandom random = RANDOM.get();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(LOOKUP_ALPHABET.charAt(random.nextInt(LOOKUP_ALPHABET.length())));
        }
        return sb.toString();
    }
}
