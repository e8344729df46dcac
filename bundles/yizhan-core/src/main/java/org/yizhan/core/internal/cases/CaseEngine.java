package org.yizhan.core.internal.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.yizhan.api.Caller;
import org.yizhan.api.Dates;
import org.yizhan.api.YizhanException;
import org.yizhan.api.cases.ActionDTO;
import org.yizhan.api.cases.CaseAction;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.cases.PauseKind;
import org.yizhan.api.catalogue.HandlingClass;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.catalogue.MaterialDTO;
import org.yizhan.core.internal.calendar.WorkCalendar;

import static org.yizhan.api.cases.CaseStatus.ACCEPTED;
import static org.yizhan.api.cases.CaseStatus.APPROVED;
import static org.yizhan.api.cases.CaseStatus.AWAITING_SUPPLEMENT;
import static org.yizhan.api.cases.CaseStatus.DELIVERED;
import static org.yizhan.api.cases.CaseStatus.DENIED;
import static org.yizhan.api.cases.CaseStatus.IN_REVIEW;
import static org.yizhan.api.cases.CaseStatus.NOT_ACCEPTED;
import static org.yizhan.api.cases.CaseStatus.PAUSED;
import static org.yizhan.api.cases.CaseStatus.RELAYING;
import static org.yizhan.api.cases.CaseStatus.SUBMITTED;
import static org.yizhan.api.cases.CaseStatus.WITHDRAWN;

/**
 * The case lifecycle as an explicit state machine, and the rules that apply on each step
 * (R9–R12, R13, R15, R16, R19). Pure: it changes a {@link CaseState} and returns the events
 * the change makes; persistence and hashing are the caller's. Every check runs before the
 * first change, so a refused action leaves the state as it was.
 */
public final class CaseEngine {

    /** Which statuses each action may start from. */
    static final Map<CaseAction, Set<CaseStatus>> FROM = new LinkedHashMap<>();
    /** R23: a village room transmits what it accepted for a center above within three working days. */
    public static final int RELAY_WORKING_DAYS = 3;

    static {
        FROM.put(CaseAction.SUPPLEMENT, EnumSet.of(AWAITING_SUPPLEMENT, PAUSED));
        FROM.put(CaseAction.ACCEPT, EnumSet.of(SUBMITTED, AWAITING_SUPPLEMENT));
        FROM.put(CaseAction.NOT_ACCEPT, EnumSet.of(SUBMITTED, AWAITING_SUPPLEMENT));
        FROM.put(CaseAction.START_REVIEW, EnumSet.of(ACCEPTED));
        FROM.put(CaseAction.PAUSE, EnumSet.of(ACCEPTED, IN_REVIEW));
        FROM.put(CaseAction.RESUME, EnumSet.of(PAUSED));
        FROM.put(CaseAction.EXTEND, EnumSet.of(ACCEPTED, IN_REVIEW, PAUSED));
        FROM.put(CaseAction.OPINION, EnumSet.of(ACCEPTED, IN_REVIEW));
        FROM.put(CaseAction.APPROVE, EnumSet.of(ACCEPTED, IN_REVIEW));
        FROM.put(CaseAction.DENY, EnumSet.of(ACCEPTED, IN_REVIEW));
        FROM.put(CaseAction.DELIVER, EnumSet.of(APPROVED, DENIED));
        FROM.put(CaseAction.WITHDRAW, EnumSet.of(SUBMITTED, AWAITING_SUPPLEMENT, ACCEPTED, IN_REVIEW, PAUSED));
    }

    /** Kinds of refusal to accept (R11). */
    public static final Set<String> NOT_ACCEPT_KINDS = Set.of("OUT_OF_SCOPE", "OTHER_WINDOW", "OTHER_DEPARTMENT",
            "INCOMPLETE", "CONDITIONS_NOT_MET", "OTHER");

    /** What the engine needs from the world. */
    public interface Context {
        /** The item in the case's version (R29). */
        ItemDTO item();

        /** The item's current version, which may be newer than the case's. */
        Optional<ItemDTO> currentItem();

        /** The deciding center's calendar. */
        WorkCalendar calendar();

        LocalDate today();

        long nowMillis();

        /** The next official fee receipt number (R19). */
        Supplier<String> receiptNumbers();

        /** Whether a window type exists, and its display name (for R11 redirects). */
        Optional<String> windowName(String type);

        /** Working days joint windows have for their opinions (R14). */
        default int jointReviewDays() {
            return 5;
        }
    }

    /** Where the caller stands relative to the case. */
    public record Actor(Caller caller, boolean atAcceptingCenter, boolean atDecidingCenter, boolean seesDecidingCenter, boolean chief) {
        public Actor(Caller caller, boolean atAcceptingCenter, boolean atDecidingCenter, boolean seesDecidingCenter) {
            this(caller, atAcceptingCenter, atDecidingCenter, seesDecidingCenter, false);
        }
    }

    private CaseEngine() {
    }

    // ------------------------------------------------------------------ creation

    /**
     * Opens a new case: submitted, then either waiting for the materials the one-time notice
     * lists (R10) or accepted with its promised date (R12), and an immediate item whose
     * materials are complete is approved at the window (R9).
     */
    public static List<CaseEvent> open(CaseState s, Actor actor, Context ctx) {
        ItemDTO item = ctx.item();
        List<CaseEvent> events = new ArrayList<>();
        Map<String, String> submitData = new LinkedHashMap<>();
        submitData.put("materials", String.join(",", s.materials));
        submitData.put("itemVersion", Integer.toString(s.itemVersion));
        submitData.put("firstInquiryStaff", s.firstInquiryStaff);
        if (s.urgent) {
            submitData.put("urgent", "true");
        }
        events.add(new CaseEvent("submit", null, SUBMITTED.name(), null, submitData));
        s.status = SUBMITTED;

        Set<String> missing = new LinkedHashSet<>();
        for (MaterialDTO m : item.materials) {
            if (m.required && !s.materials.contains(m.code)) {
                missing.add(m.code);
            }
        }
        if (!missing.isEmpty()) {
            s.missing = missing;
            s.notice = new LinkedHashSet<>(missing);
            events.add(notice(s, missing));
        } else {
            events.addAll(acceptAndMaybeApprove(s, actor, ctx));
        }
        return events;
    }

    private static CaseEvent notice(CaseState s, Set<String> missing) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("missing", String.join(",", missing));
        CaseStatus from = s.status;
        s.status = AWAITING_SUPPLEMENT;
        return new CaseEvent("notice", from.name(), AWAITING_SUPPLEMENT.name(),
                "One-time notice of every missing material (R10) 一次性告知", data);
    }

    private static List<CaseEvent> acceptAndMaybeApprove(CaseState s, Actor actor, Context ctx) {
        List<CaseEvent> events = new ArrayList<>();
        ItemDTO item = ctx.item();
        CaseStatus from = s.status;
        LocalDate today = ctx.today();
        WorkCalendar cal = ctx.calendar();
        s.acceptedAtMillis = ctx.nowMillis();
        s.promisedDate = cal.addWorkingDays(today, Math.max(0, item.promisedDays));
        s.promisedDateEstimated = cal.anyEstimated(today, s.promisedDate);
        s.status = ACCEPTED;
        Map<String, String> data = new LinkedHashMap<>();
        data.put("promisedDate", s.promisedDate.toString());
        data.put("promisedDays", Integer.toString(item.promisedDays));
        data.put("estimated", Boolean.toString(s.promisedDateEstimated));
        data.put("calendar", cal.version(today, s.promisedDate));
        data.put("receipt", s.number);
        if (HandlingClass.JOINT.name().equals(s.handlingClass)) {
            s.jointDeadline = cal.addWorkingDays(today, ctx.jointReviewDays());
            data.put("jointDeadline", s.jointDeadline.toString());
        }
        if (s.centerId != s.decidingCenterId) {
            // R23: accepted here, decided above; the case travels up within the transmit limit
            s.status = RELAYING;
            s.relayDue = cal.addWorkingDays(today, RELAY_WORKING_DAYS);
            data.put("relayDue", s.relayDue.toString());
            events.add(new CaseEvent("accept", from.name(), RELAYING.name(),
                    "Accepted for the deciding center; receipt issued with the promised date, to be transmitted (R12, R23) 受理并出具承办单，报送上级中心", data));
            return events;
        }
        events.add(new CaseEvent("accept", from.name(), ACCEPTED.name(),
                "Accepted; receipt issued with the promised date (R12) 受理并出具受理通知书", data));
        if (HandlingClass.IMMEDIATE.name().equals(s.handlingClass) && actor.atDecidingCenter()) {
            s.status = APPROVED;
            decided(s, ctx);
            events.add(new CaseEvent("approve", ACCEPTED.name(), APPROVED.name(),
                    "Immediate item with complete materials, approved at the window (R9) 即办件当场办结", Map.of()));
        } else if (item.chiefOnTheSpot && actor.chief() && actor.atDecidingCenter()) {
            // R4: the chief representative approves it at the window; it counts as an immediate case
            s.handlingClass = HandlingClass.IMMEDIATE.name();
            s.promisedDate = today;
            s.status = APPROVED;
            decided(s, ctx);
            events.add(new CaseEvent("approve", ACCEPTED.name(), APPROVED.name(),
                    "Approved on the spot by the window's chief representative, as the item allows (R4) 首席代表当场审批",
                    Map.of("chiefRepresentative", actor.caller().user(), "handledAs", HandlingClass.IMMEDIATE.name())));
        }
        return events;
    }

    // ------------------------------------------------------------------ actions

    /** Applies one action. Throws a {@link YizhanException} having changed nothing. */
    public static List<CaseEvent> act(CaseState s, CaseAction action, ActionDTO body, Actor actor, Context ctx) {
        ActionDTO b = body == null ? new ActionDTO() : body;
        if (b.materials == null) {
            b.materials = List.of();
        }
        if (b.data == null) {
            b.data = Map.of();
        }
        Set<CaseStatus> from = FROM.get(action);
        if (from == null) {
            throw YizhanException.badInput("action", "No such action: " + action.path(), "无此操作：" + action.path());
        }
        checkPermission(action, actor);
        if (!from.contains(s.status)) {
            throw YizhanException.conflict(s.status.name(),
                    "Action '" + action.path() + "' is not allowed while the case is " + s.status
                            + "; allowed from " + from,
                    "办件当前状态为 " + s.status + "，不能执行“" + action.path() + "”操作");
        }
        return switch (action) {
            case SUPPLEMENT -> supplement(s, b, actor, ctx);
            case ACCEPT -> accept(s, actor, ctx);
            case NOT_ACCEPT -> notAccept(s, b, ctx);
            case START_REVIEW -> List.of(transition(s, "start-review", IN_REVIEW, b.reason, Map.of()));
            case PAUSE -> pause(s, b, ctx);
            case RESUME -> resume(s, b, ctx);
            case EXTEND -> extend(s, b, actor, ctx);
            case OPINION -> opinion(s, b, actor, ctx);
            case APPROVE -> approve(s, b, ctx);
            case DENY -> deny(s, b, ctx);
            case DELIVER -> deliver(s, b, ctx);
            case WITHDRAW -> withdraw(s, b);
            default -> throw YizhanException.badInput("action", "No such action: " + action.path(), "无此操作");
        };
    }

    /** Who may do what, and where (R16, R17 follow-through stays with the accepting window). */
    static void checkPermission(CaseAction action, Actor actor) {
        Caller c = actor.caller();
        boolean ok = switch (action) {
            case SUPPLEMENT, ACCEPT, NOT_ACCEPT, WITHDRAW ->
                    c.hasAny(Caller.CLERK, Caller.VILLAGE_AGENT) && actor.atAcceptingCenter();
            case START_REVIEW, PAUSE, RESUME, OPINION, APPROVE, DENY ->
                    c.has(Caller.CLERK) && actor.atDecidingCenter();
            case EXTEND -> c.hasAny(Caller.TOWN_ADMIN, Caller.COUNTY_ADMIN) && actor.seesDecidingCenter();
            case DELIVER -> c.hasAny(Caller.CLERK, Caller.VILLAGE_AGENT)
                    && (actor.atAcceptingCenter() || actor.atDecidingCenter());
            default -> false;
        };
        if (!ok) {
            throw YizhanException.forbidden(
                    "Your role or center may not '" + action.path() + "' this case",
                    "您的角色或所属中心无权对该办件执行“" + action.path() + "”操作");
        }
    }

    private static CaseEvent transition(CaseState s, String name, CaseStatus to, String reason, Map<String, String> data) {
        CaseStatus from = s.status;
        s.status = to;
        return new CaseEvent(name, from.name(), to.name(), reason, data);
    }

    private static Set<String> itemMaterialCodes(ItemDTO item) {
        Set<String> codes = new LinkedHashSet<>();
        for (MaterialDTO m : item.materials) {
            codes.add(m.code);
        }
        return codes;
    }

    static void requireKnownMaterials(List<String> materials, ItemDTO item, String field) {
        Set<String> known = itemMaterialCodes(item);
        List<YizhanException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            String m = materials.get(i);
            if (m == null || !known.contains(m)) {
                errors.add(new YizhanException.FieldError(field + "[" + i + "]",
                        "'" + m + "' is not a material of item " + item.code + " (materials: " + known + ")",
                        "“" + m + "”不是事项 " + item.code + " 的申请材料"));
            }
        }
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
    }

    private static List<CaseEvent> supplement(CaseState s, ActionDTO b, Actor actor, Context ctx) {
        if (b.materials.isEmpty()) {
            throw YizhanException.badInput("materials", "List the materials handed in", "请列出补交的材料");
        }
        requireKnownMaterials(b.materials, ctx.item(), "materials");
        s.materials.addAll(b.materials);
        s.missing.removeAll(b.materials);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("materials", String.join(",", b.materials));
        data.put("stillMissing", String.join(",", s.missing));
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseEvent("supplement", s.status.name(), s.status.name(), b.reason, data));
        if (s.status == AWAITING_SUPPLEMENT && s.missing.isEmpty()) {
            events.addAll(acceptAndMaybeApprove(s, actor, ctx));
        }
        return events;
    }

    private static List<CaseEvent> accept(CaseState s, Actor actor, Context ctx) {
        if (!s.missing.isEmpty()) {
            throw YizhanException.rule("R10", "materials",
                    "Materials are still missing: " + s.missing + "; the case cannot be accepted yet",
                    "仍缺少材料：" + s.missing + "，暂不能受理");
        }
        return acceptAndMaybeApprove(s, actor, ctx);
    }

    private static List<CaseEvent> notAccept(CaseState s, ActionDTO b, Context ctx) {
        requireReason(b, "Refusing to accept needs a reason (R11)", "不予受理须说明理由（R11）");
        String kind = b.data.getOrDefault("kind", "OTHER");
        if (!NOT_ACCEPT_KINDS.contains(kind)) {
            throw YizhanException.badInput("data.kind", "kind must be one of " + NOT_ACCEPT_KINDS,
                    "kind 须为 " + NOT_ACCEPT_KINDS + " 之一");
        }
        String redirect = null;
        if ("OTHER_WINDOW".equals(kind)) {
            String window = b.data.get("window");
            if (window == null || window.isBlank()) {
                throw YizhanException.rule("R11", "data.window",
                        "A matter of another window must name that window (R11)", "属其他窗口办理的事项，须告知具体窗口（R11）");
            }
            Optional<String> name = ctx.windowName(window);
            if (name.isEmpty()) {
                throw YizhanException.badInput("data.window", "No such window type: " + window, "无此窗口类型：" + window);
            }
            redirect = window + " " + name.get();
        } else if ("OTHER_DEPARTMENT".equals(kind)) {
            String dept = b.data.get("department");
            if (dept == null || dept.isBlank()) {
                throw YizhanException.rule("R11", "data.department",
                        "A matter of another department must name that department (R11)", "属其他部门办理的事项，须告知具体部门（R11）");
            }
            redirect = dept;
        }
        s.notAcceptedReason = b.reason;
        s.redirectTo = redirect;
        Map<String, String> data = new LinkedHashMap<>();
        data.put("kind", kind);
        if (redirect != null) {
            data.put("redirectTo", redirect);
        }
        return List.of(transition(s, "not-accept", NOT_ACCEPTED, b.reason, data));
    }

    private static List<CaseEvent> pause(CaseState s, ActionDTO b, Context ctx) {
        String kindText = b.data.get("kind");
        PauseKind kind;
        try {
            kind = kindText == null ? null : PauseKind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null) {
            throw YizhanException.badInput("data.kind", "data.kind must be one of SUPPLEMENT, SITE_INSPECTION, "
                    + "EXPERT_REVIEW, HEARING, PUBLICATION", "data.kind 须为 SUPPLEMENT、SITE_INSPECTION、EXPERT_REVIEW、HEARING、PUBLICATION 之一");
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("kind", kind.name());
        List<String> requested = new ArrayList<>();
        if (kind == PauseKind.SUPPLEMENT) {
            if (b.materials.isEmpty()) {
                throw YizhanException.badInput("materials", "A material correction names the materials asked for",
                        "材料补正须列明所需材料");
            }
            String changed = checkLaterRequest(s, b.materials, ctx);
            requested.addAll(b.materials);
            data.put("materials", String.join(",", requested));
            if (changed != null) {
                data.put("definitionChanged", changed);
            }
        }
        s.pausedFrom = s.status;
        s.pauseKind = kind;
        s.pausedOn = ctx.today();
        s.missing.addAll(requested);
        data.put("pausedOn", s.pausedOn.toString());
        return List.of(transition(s, "pause", PAUSED, b.reason, data));
    }

    /**
     * R10: a later request may only name materials the one-time notice listed, materials the
     * applicant handed in (to correct them), or — when the item's definition changed since the
     * case was accepted — materials the new version adds, and then it says so. Returns the
     * "vN->vM" note in that last case.
     */
    static String checkLaterRequest(CaseState s, List<String> requested, Context ctx) {
        ItemDTO item = ctx.item();
        Set<String> caseVersion = itemMaterialCodes(item);
        Optional<ItemDTO> current = ctx.currentItem();
        Set<String> newer = current.filter(c -> c.version > item.version).map(CaseEngine::itemMaterialCodes).orElse(Set.of());
        String changed = null;
        for (int i = 0; i < requested.size(); i++) {
            String m = requested.get(i);
            if (caseVersion.contains(m)) {
                if (!s.notice.contains(m) && !s.materials.contains(m)) {
                    throw YizhanException.rule("R10", "materials[" + i + "]",
                            "'" + m + "' was not listed in the one-time notice; a later request may not add it (R10)",
                            "材料“" + m + "”未列入一次性告知书，不得再次要求补交（R10）");
                }
            } else if (newer.contains(m)) {
                changed = "v" + item.version + "->v" + current.get().version;
            } else {
                throw YizhanException.rule("R10", "materials[" + i + "]",
                        "'" + m + "' is not a material of item " + item.code + "; never ask for unrelated material (R10)",
                        "材料“" + m + "”与该事项无关，不得要求提交（R10）");
            }
        }
        return changed;
    }

    private static List<CaseEvent> resume(CaseState s, ActionDTO b, Context ctx) {
        if (s.pauseKind == PauseKind.SUPPLEMENT && !s.missing.isEmpty()) {
            throw YizhanException.rule("R10", "materials", "Materials asked for are still missing: " + s.missing,
                    "所需补正材料尚未补齐：" + s.missing);
        }
        LocalDate today = ctx.today();
        WorkCalendar cal = ctx.calendar();
        int paused = cal.workingDaysBetween(s.pausedOn, today);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("kind", s.pauseKind.name());
        data.put("pausedWorkingDays", Integer.toString(paused));
        if (s.promisedDate != null) {
            s.promisedDate = cal.addWorkingDays(s.promisedDate, paused);
            s.promisedDateEstimated = s.promisedDateEstimated || cal.anyEstimated(s.pausedOn, s.promisedDate);
            data.put("promisedDate", s.promisedDate.toString());
            data.put("calendar", cal.version(s.pausedOn, s.promisedDate));
        }
        CaseStatus back = s.pausedFrom == null ? ACCEPTED : s.pausedFrom;
        s.pauseKind = null;
        s.pausedFrom = null;
        s.pausedOn = null;
        return List.of(transition(s, "resume", back, b.reason, data));
    }

    private static List<CaseEvent> extend(CaseState s, ActionDTO b, Actor actor, Context ctx) {
        requireReason(b, "An extension needs a reason (R13)", "延期须说明理由（R13）");
        LocalDate date = Dates.parse("data.newPromisedDate", b.data.get("newPromisedDate"));
        if (s.promisedDate != null && !date.isAfter(s.promisedDate)) {
            throw YizhanException.badInput("data.newPromisedDate",
                    "The new promised date must be after the current one (" + s.promisedDate + ")",
                    "新的承诺日期须晚于当前承诺日期（" + s.promisedDate + "）");
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("previousPromisedDate", String.valueOf(s.promisedDate));
        data.put("newPromisedDate", date.toString());
        data.put("approvedBy", actor.caller().user());
        data.put("calendar", ctx.calendar().version(ctx.today(), date));
        s.promisedDate = date;
        s.promisedDateEstimated = ctx.calendar().estimated(date);
        return List.of(new CaseEvent("extend", s.status.name(), s.status.name(), b.reason, data));
    }

    private static List<CaseEvent> opinion(CaseState s, ActionDTO b, Actor actor, Context ctx) {
        if (!HandlingClass.JOINT.name().equals(s.handlingClass)) {
            throw YizhanException.rule("R15", "action", "Only joint cases take window opinions (R15)", "仅联办件需要各窗口意见（R15）");
        }
        String window = b.data.get("window");
        if (window == null || !s.jointWindows.contains(window)) {
            throw YizhanException.badInput("data.window", "data.window must be one of the joint windows " + s.jointWindows,
                    "data.window 须为联办窗口之一：" + s.jointWindows);
        }
        String opinion = b.data.get("opinion");
        if (!"AGREE".equals(opinion) && !"DISAGREE".equals(opinion) && !"ABSENT".equals(opinion)) {
            throw YizhanException.badInput("data.opinion", "data.opinion must be AGREE, DISAGREE or ABSENT (absent from the joint meeting)",
                    "data.opinion 须为 AGREE、DISAGREE 或 ABSENT（缺席联席会议）");
        }
        if ("DISAGREE".equals(opinion)) {
            requireReason(b, "A dissenting opinion needs a reason", "不同意须说明理由");
        }
        for (CaseState.JointOpinion o : s.opinions) {
            if (o.window().equals(window)) {
                throw YizhanException.rule("R15", "data.window", "Window " + window + " has already given its opinion",
                        "窗口 " + window + " 已出具意见");
            }
        }
        if ("ABSENT".equals(opinion)) {
            return List.of(deemedConsent(s, window, "absent from the joint meeting 缺席联席会议", ctx));
        }
        s.opinions.add(new CaseState.JointOpinion(window, opinion, b.reason, actor.caller().user(), ctx.nowMillis()));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("window", window);
        data.put("opinion", opinion);
        return List.of(new CaseEvent("opinion", s.status.name(), s.status.name(), b.reason, data));
    }

    /**
     * R14: a joint window that lets its deadline pass, or is absent from the joint meeting, is
     * deemed to consent; the responsibility stays with that window.
     */
    static CaseEvent deemedConsent(CaseState s, String window, String why, Context ctx) {
        String reason = "Deemed consent (R14): " + why + "; responsibility stays with window " + window
                + " 视为同意（超时默认/缺席默认），责任由该窗口承担";
        s.opinions.add(new CaseState.JointOpinion(window, "AGREE", reason, "system", ctx.nowMillis()));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("window", window);
        data.put("opinion", "AGREE");
        data.put("deemed", "true");
        data.put("responsible", window);
        return new CaseEvent("opinion", s.status.name(), s.status.name(), reason, data);
    }

    /**
     * The joint windows whose deadline has passed without an opinion get their deemed consent
     * (R14); run by the supervision scheduler. Returns the events (none when nothing was due).
     */
    public static List<CaseEvent> timeoutDefaults(CaseState s, Context ctx) {
        List<CaseEvent> events = new ArrayList<>();
        if (!HandlingClass.JOINT.name().equals(s.handlingClass) || s.jointDeadline == null
                || !(s.status == ACCEPTED || s.status == IN_REVIEW) || !ctx.today().isAfter(s.jointDeadline)) {
            return events;
        }
        for (String window : s.jointWindows) {
            boolean given = s.opinions.stream().anyMatch(o -> o.window().equals(window));
            if (!given) {
                events.add(deemedConsent(s, window, "no opinion by the deadline " + s.jointDeadline, ctx));
            }
        }
        return events;
    }

    private static void decided(CaseState s, Context ctx) {
        s.decidedAtMillis = ctx.nowMillis();
        s.onTime = s.promisedDate == null || !ctx.today().isAfter(s.promisedDate);
    }

    private static List<CaseEvent> approve(CaseState s, ActionDTO b, Context ctx) {
        if (HandlingClass.JOINT.name().equals(s.handlingClass)) {
            List<String> pending = new ArrayList<>(s.jointWindows);
            for (CaseState.JointOpinion o : s.opinions) {
                pending.remove(o.window());
                if ("DISAGREE".equals(o.opinion())) {
                    throw YizhanException.rule("R15", null, "Joint window " + o.window() + " disagrees: " + o.reason(),
                            "联办窗口 " + o.window() + " 不同意：" + o.reason());
                }
            }
            if (!pending.isEmpty()) {
                throw YizhanException.rule("R15", null, "Joint windows have not given their opinion: " + pending,
                        "以下联办窗口尚未出具意见：" + pending);
            }
        }
        if (HandlingClass.CONTROLLED.name().equals(s.handlingClass)) {
            requireReason(b, "A controlled item gets an explicit decision with reasons (R7)", "控制件须明确答复并说明理由（R7）");
        }
        decided(s, ctx);
        return List.of(transition(s, "approve", APPROVED, b.reason, Map.of()));
    }

    private static List<CaseEvent> deny(CaseState s, ActionDTO b, Context ctx) {
        requireReason(b, "A denial needs a reason", "不予许可须说明理由");
        decided(s, ctx);
        return List.of(transition(s, "deny", DENIED, b.reason, Map.of()));
    }

    private static List<CaseEvent> deliver(CaseState s, ActionDTO b, Context ctx) {
        ItemDTO item = ctx.item();
        long standard = item.fee == null ? 0 : item.fee.amountFen;
        String offered = b.data.get("feeAmountFen");
        if (offered != null) {
            long amount;
            try {
                amount = Long.parseLong(offered.trim());
            } catch (NumberFormatException e) {
                throw YizhanException.badInput("data.feeAmountFen", "Not an amount in fen: " + offered, "金额（分）格式错误：" + offered);
            }
            long due = s.status == APPROVED ? standard : 0;
            if (amount != due) {
                throw YizhanException.rule("R19", "data.feeAmountFen",
                        "Only the published standard may be charged: " + due + " fen, not " + amount + " (R19)",
                        "只能按公布标准收费：应收 " + due + " 分，而非 " + amount + " 分（R19）");
            }
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (s.status == APPROVED && standard > 0) {
            String receipt = ctx.receiptNumbers().get();
            String standardText = item.fee.standard;
            s.fees.add(new CaseState.Fee(item.name, standard, standardText, receipt, ctx.nowMillis()));
            data.put("feeAmountFen", Long.toString(standard));
            data.put("receiptNumber", receipt);
        }
        data.put("decision", s.status.name());
        return List.of(transition(s, "deliver", DELIVERED, b.reason, data));
    }

    private static List<CaseEvent> withdraw(CaseState s, ActionDTO b) {
        s.pauseKind = null;
        s.pausedFrom = null;
        s.pausedOn = null;
        return List.of(transition(s, "withdraw", WITHDRAWN, b.reason, Map.of()));
    }

    private static void requireReason(ActionDTO b, String message, String messageZh) {
        if (b.reason == null || b.reason.isBlank()) {
            throw YizhanException.badInput("reason", message, messageZh);
        }
    }

    /** Statuses from which some action leads on. */
    public static boolean hasNext(CaseStatus status) {
        return FROM.values().stream().anyMatch(set -> set.contains(status));
    }

    /** The actions a status allows, for UIs. */
    public static List<CaseAction> actionsFrom(CaseStatus status) {
        List<CaseAction> list = new ArrayList<>();
        FROM.forEach((a, set) -> {
            if (set.contains(status)) {
                list.add(a);
            }
        });
        return list;
    }

    // ------------------------------------------------------------------ relay (R23)

    /**
     * A center takes a relayed case from the center below: the deciding center accepts it
     * for decision (RELAYING to ACCEPTED), a center on the way forwards it (stays RELAYING).
     */
    public static CaseEvent relayIn(CaseState s, boolean decidesHere, String fromCenter, String receipt) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("from", fromCenter);
        data.put("receipt", receipt);
        if (decidesHere && s.status == RELAYING) {
            s.relayDue = null;
            s.status = ACCEPTED;
            return new CaseEvent("relay-in", RELAYING.name(), ACCEPTED.name(),
                    "Received from " + fromCenter + " for decision (R23) 收到报送件", data);
        }
        return new CaseEvent(decidesHere ? "relay-in" : "relay-forward", s.status.name(), s.status.name(),
                decidesHere ? "Received again from " + fromCenter + " (R23) 再次收到报送件"
                        : "Received from " + fromCenter + ", transmitted to the center above (R23) 收到并转报上级", data);
    }

    /** The center above confirmed a hop; when it is the deciding center, the travel is over. */
    public static CaseEvent relayReceipt(CaseState s, String byCenter, String receipt, boolean arrived) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("by", byCenter);
        data.put("receipt", receipt);
        data.put("arrived", Boolean.toString(arrived));
        CaseStatus from = s.status;
        if (arrived && s.status == RELAYING) {
            s.status = ACCEPTED;
            s.relayDue = null;
        }
        return new CaseEvent("relay-receipt", from.name(), s.status.name(),
                (arrived ? "Received by the deciding center " : "Received by ") + byCenter + " (R23) 上级中心已签收", data);
    }

    /** The decision came back down (R23 reply): the room can tell the applicant. */
    public static CaseEvent relayReply(CaseState s, CaseStatus decision, String reason, String byCenter, long decidedAtMillis,
                                       Boolean onTime) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("decision", decision.name());
        data.put("by", byCenter);
        CaseStatus from = s.status;
        if (s.status.open()) {
            s.status = decision;
            s.relayDue = null;
            s.decidedAtMillis = decidedAtMillis;
            s.onTime = onTime;
        }
        return new CaseEvent("reply", from.name(), s.status.name(),
                reason == null ? "Decision of " + byCenter + " (R23) 上级中心办理结果" : reason, data);
    }
}
