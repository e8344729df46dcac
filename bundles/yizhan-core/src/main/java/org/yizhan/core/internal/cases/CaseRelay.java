package org.yizhan.core.internal.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.yizhan.api.Caller;
import org.yizhan.api.Dates;
import org.yizhan.api.YizhanException;
import org.yizhan.api.cases.ApplicantDTO;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.cases.NewCaseDTO;
import org.yizhan.api.catalogue.CatalogueService;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.RelayMessageDTO;
import org.yizhan.core.internal.common.Codes;
import org.yizhan.core.internal.entity.CaseEntity;
import org.yizhan.core.internal.outbox.Outbox;

/**
 * A case between centers (R23) and toward integrators: the messages a change causes, written to
 * the outbox in the transaction of the change, and the messages that arrive for a center of this
 * container — a case from below, a receipt from above, a decision coming back.
 */
final class CaseRelay {

    private static final java.util.regex.Pattern LOOKUP_CODE = java.util.regex.Pattern.compile("[A-Z2-9]{8}");

    private final NetworkService network;
    private final CatalogueService catalogue;
    private final CaseRules rules;
    private final Deadlines deadlines;
    /** True while integration events are switched on and an integrator's route takes them. */
    private final BooleanSupplier integration;

    CaseRelay(NetworkService network, CatalogueService catalogue, CaseRules rules, Deadlines deadlines, BooleanSupplier integration) {
        this.network = network;
        this.catalogue = catalogue;
        this.rules = rules;
        this.deadlines = deadlines;
        this.integration = integration;
    }

    // ------------------------------------------------------------------ out

    /** The messages the events of one change cause, written in the transaction of that change. */
    void outbox(EntityManager em, CaseState s, List<CaseEvent> events, long now) {
        for (CaseEvent ev : events) {
            String integrationEvent = IntegrationEvents.name(ev.action, ev.to);
            if (integrationEvent != null && integration.getAsBoolean()) {
                Outbox.enqueue(em, IntegrationEvents.event(s, integrationEvent, code(s.centerId), code(s.decidingCenterId), ev.reason), now);
            }
            if ("accept".equals(ev.action) && CaseStatus.RELAYING.name().equals(ev.to)) {
                CenterDTO origin = center(s.centerId);
                Outbox.enqueue(em, Outbox.message(RelayMessageDTO.RELAY_UP, s.number, origin.code, code(origin.parentId),
                        snapshot(s)), now);
            }
            if (("approve".equals(ev.action) || "deny".equals(ev.action)) && s.centerId != s.decidingCenterId) {
                reply(em, s, ev.to, ev.reason, now);
            }
        }
    }

    /** An event for integrators' routes that is not a step of the case (a rating, a complaint), with its data. */
    void note(EntityManager em, CaseState s, String event, Map<String, String> data, long now) {
        if (integration.getAsBoolean()) {
            RelayMessageDTO m = IntegrationEvents.event(s, event, code(s.centerId), code(s.decidingCenterId), null);
            m.payload.putAll(data);
            Outbox.enqueue(em, m, now);
        }
    }

    private void reply(EntityManager em, CaseState s, String decision, String reason, long now) {
        long from = s.decidingCenterId;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("decision", decision);
        if (reason != null) {
            p.put("reason", reason);
        }
        p.put("by", code(from));
        p.put("decidedAtMillis", Long.toString(s.decidedAtMillis == null ? now : s.decidedAtMillis));
        if (s.onTime != null) {
            p.put("onTime", s.onTime.toString());
        }
        Outbox.enqueue(em, Outbox.message(RelayMessageDTO.RELAY_REPLY, s.number, code(from), code(childToward(from, s.centerId)), p), now);
    }

    /** Everything a center in another container needs to take the case (the full identity number: the link is authenticated). */
    Map<String, String> snapshot(CaseState s) {
        RelaySnapshot r = new RelaySnapshot();
        r.lookupCode = s.lookupCode;
        r.itemCode = s.itemCode;
        r.itemVersion = s.itemVersion;
        r.itemName = s.itemName;
        r.center = code(s.centerId);
        r.decidingCenter = code(s.decidingCenterId);
        r.windowType = s.windowType;
        r.handlingClass = s.handlingClass;
        r.urgent = s.urgent;
        r.applicantName = s.applicantName;
        r.applicantIdType = s.applicantIdType;
        r.applicantIdNumber = s.applicantIdNumber;
        r.applicantPhone = s.applicantPhone;
        r.materials = String.join(",", s.materials);
        r.jointWindows = String.join(",", s.jointWindows);
        r.attributes().putAll(s.attributes);
        r.createdAtMillis = s.createdAtMillis;
        r.createdBy = s.createdBy;
        r.acceptedAtMillis = s.acceptedAtMillis;
        r.promisedDate = s.promisedDate == null ? null : s.promisedDate.toString();
        r.promisedDateEstimated = s.promisedDateEstimated;
        r.relayDue = s.relayDue == null ? null : s.relayDue.toString();
        r.firstInquiryStaff = s.firstInquiryStaff;
        r.originHash = s.lastHash;
        return r.toPayload();
    }

    // ------------------------------------------------------------------ in

    /**
     * Takes a relay message for a center of this container, in the caller's transaction (which
     * also records the message as taken). Returns the receipt number this center gives.
     */
    String receive(EntityManager em, RelayMessageDTO m, long now, String via) {
        CenterDTO here = network.centerByCode(m.toCenter).orElseThrow(() ->
                YizhanException.badInput("toCenter", "No center " + m.toCenter + " here", "本节点没有中心 " + m.toCenter));
        CenterDTO from = network.centerByCode(m.fromCenter).orElseThrow(() ->
                YizhanException.badInput("fromCenter", "No center " + m.fromCenter + " here", "本节点没有中心 " + m.fromCenter));
        if (m.caseNumber == null || m.caseNumber.isBlank()) {
            throw YizhanException.badInput("caseNumber", "caseNumber is required", "缺少办件编号");
        }
        CaseEntity e = em.find(CaseEntity.class, m.caseNumber);
        Map<String, String> p = m.payload == null ? Map.of() : m.payload;
        CaseState s;
        if (e == null) {
            if (!RelayMessageDTO.RELAY_UP.equals(m.kind)) {
                throw YizhanException.badInput("caseNumber", "No case " + m.caseNumber + " here for " + m.kind, "本节点没有办件 " + m.caseNumber);
            }
            s = fromSnapshot(m.caseNumber, RelaySnapshot.fromPayload(p));
        } else {
            em.lock(e, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            s = CaseMapper.read(e);
        }
        if (!network.subtree(here.id).contains(s.centerId) || (RelayMessageDTO.RELAY_UP.equals(m.kind) && here.id == s.centerId)) {
            // a message for a center that is not on the case's way up from where it was taken
            throw YizhanException.badInput("toCenter", "Case " + s.number + " does not travel through " + here.code,
                    "办件 " + s.number + " 不经过中心 " + here.code);
        }
        neighbourOnThePath(m, s, here, from);
        ItemDTO item = rules.itemVersion(s);
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
                CaseStatus decision = decision(p.get("decision"));
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
        CaseRules.stamp(events, new Caller(via, Set.of(), here.id), now, null);
        rules.seal(s, events);
        CaseEntity row = CaseStore.save(em, s, e, events, now);
        deadlines.supervise(s, row, item, rules.day(now));
        after.forEach(Runnable::run);
        outbox(em, s, events, now);
        return receipt;
    }

    /**
     * A message comes only from the case's neighbour on its path: a case or a repeat goes up from a
     * child of this center on the way from where it was taken; a receipt or a decision comes down
     * from this center's parent, and a decision only for a case this center sent up, decided above
     * it and still waiting for the decision (in one container the case is one row, which already
     * shows the decision the reply brings: that is the reply it waits for, another one is not).
     */
    private void neighbourOnThePath(RelayMessageDTO m, CaseState s, CenterDTO here, CenterDTO from) {
        boolean up = RelayMessageDTO.RELAY_UP.equals(m.kind);
        boolean fromChild = from.parentId != null && from.parentId == here.id;
        boolean fromParent = here.parentId != null && here.parentId == from.id;
        if (up ? !(fromChild && network.subtree(from.id).contains(s.centerId)) : !fromParent) {
            throw YizhanException.badInput("fromCenter", "Case " + s.number + " does not come to " + here.code + " from " + from.code,
                    "办件 " + s.number + " 不会由 " + from.code + " 发往 " + here.code);
        }
        if (RelayMessageDTO.RELAY_REPLY.equals(m.kind)) {
            boolean decidedAbove = s.decidingCenterId != here.id && network.subtree(s.decidingCenterId).contains(from.id);
            // waiting: still open here, or (one container, one row) already showing this very decision
            Map<String, String> p = m.payload == null ? Map.of() : m.payload;
            boolean waiting = s.status.open() || s.status.name().equals(p.get("decision"));
            if (!decidedAbove || !waiting) {
                throw YizhanException.conflict(s.status.name(), "Case " + s.number + " is not waiting for a decision from " + from.code,
                        "办件 " + s.number + " 并未等待 " + from.code + " 的办理结果");
            }
        }
    }

    private static CaseStatus decision(String text) {
        if (CaseStatus.APPROVED.name().equals(text) || CaseStatus.DENIED.name().equals(text)) {
            return CaseStatus.valueOf(text);
        }
        throw YizhanException.badInput("payload.decision", "decision must be APPROVED or DENIED", "decision 须为 APPROVED 或 DENIED");
    }

    /** A case arriving from below, checked against this container's catalogue and network. */
    private CaseState fromSnapshot(String number, RelaySnapshot r) {
        CaseState s = new CaseState();
        s.number = number;
        s.lookupCode = required(r.lookupCode, "lookupCode");
        s.itemCode = required(r.itemCode, "itemCode");
        s.itemVersion = required(r.itemVersion, "itemVersion");
        s.createdAtMillis = required(r.createdAtMillis, "createdAtMillis");
        s.acceptedAtMillis = required(r.acceptedAtMillis, "acceptedAtMillis");
        s.promisedDate = date(required(r.promisedDate, "promisedDate"), "promisedDate");
        s.relayDue = r.relayDue == null ? null : date(r.relayDue, "relayDue");
        ItemDTO item = catalogue.item(s.itemCode, s.itemVersion).orElseThrow(() -> YizhanException.badInput("payload.itemVersion",
                "Item " + s.itemCode + " v" + s.itemVersion + " is not in this container's catalogue; install its window module",
                "本节点事项目录中没有 " + s.itemCode + " 第 " + s.itemVersion + " 版，请安装相应窗口模块"));
        s.itemName = item.name;
        s.centerId = centerId(required(r.center, "center"), "center");
        s.decidingCenterId = centerId(required(r.decidingCenter, "decidingCenter"), "decidingCenter");
        s.windowType = item.windowType;
        s.handlingClass = item.handlingClass.name();
        s.status = CaseStatus.RELAYING;
        s.urgent = r.urgent;
        s.applicantName = required(r.applicantName, "applicantName");
        s.applicantIdType = required(r.applicantIdType, "applicantIdType");
        s.applicantIdNumber = required(r.applicantIdNumber, "applicantIdNumber");
        s.applicantPhone = r.applicantPhone;
        s.materials = new LinkedHashSet<>(Codes.split(r.materials));
        s.jointWindows = Codes.split(r.jointWindows);
        s.attributes.putAll(r.attributes());
        s.createdBy = r.createdBy;
        s.promisedDateEstimated = r.promisedDateEstimated;
        s.firstInquiryStaff = r.firstInquiryStaff;
        checkAsNewCase(s, item);
        return s;
    }

    /** A case from below passes the same checks a new application does (sizes, ID check digit, known materials). */
    private static void checkAsNewCase(CaseState s, ItemDTO item) {
        NewCaseDTO n = new NewCaseDTO();
        n.itemCode = s.itemCode;
        n.centerId = s.centerId;
        n.applicant = new ApplicantDTO();
        n.applicant.name = s.applicantName;
        n.applicant.idType = s.applicantIdType;
        n.applicant.idNumber = s.applicantIdNumber;
        n.applicant.phone = s.applicantPhone;
        n.materials = new ArrayList<>(s.materials);
        n.attributes = s.attributes;
        n.firstInquiryStaff = s.firstInquiryStaff;
        List<YizhanException.FieldError> errors = new ArrayList<>();
        if (!LOOKUP_CODE.matcher(s.lookupCode).matches()) {
            errors.add(new YizhanException.FieldError("payload.lookupCode", "Not a lookup code", "查询码格式错误"));
        }
        if (s.createdBy != null && s.createdBy.length() > 64) {
            errors.add(new YizhanException.FieldError("payload.createdBy", "At most 64 characters", "不能超过 64 个字符"));
        }
        try {
            CaseValidation.validate(n);
            CaseValidation.requireKnownMaterials(n.materials, item);
        } catch (YizhanException e) {
            for (YizhanException.FieldError f : e.errors().isEmpty()
                    ? List.of(new YizhanException.FieldError(e.field(), e.getMessage(), e.messageZh())) : e.errors()) {
                errors.add(new YizhanException.FieldError("payload." + f.field(), f.message(), f.messageZh()));
            }
        }
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
    }

    private static <T> T required(T value, String key) {
        if (value == null || value instanceof String text && (text.isBlank() || "null".equals(text))) {
            throw YizhanException.badInput("payload." + key, "The relayed case lacks " + key, "报送件缺少 " + key);
        }
        return value;
    }

    private static LocalDate date(String text, String key) {
        return Dates.parse("payload." + key, text);
    }

    private long centerId(String code, String key) {
        return network.centerByCode(code).map(c -> c.id).orElseThrow(() ->
                YizhanException.badInput("payload." + key, "No center " + code + " in this container's network", "本节点没有中心 " + code));
    }

    // ------------------------------------------------------------------ the path between centers

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
}
