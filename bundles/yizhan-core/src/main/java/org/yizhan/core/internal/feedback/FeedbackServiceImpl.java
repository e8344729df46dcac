package org.yizhan.core.internal.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.feedback.DueDateDTO;
import org.yizhan.api.feedback.FeedbackService;
import org.yizhan.api.feedback.RatingDTO;
import org.yizhan.api.feedback.RatingInput;
import org.yizhan.api.feedback.RatingLevel;
import org.yizhan.api.feedback.RectificationDTO;
import org.yizhan.api.feedback.UnratedDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.alert.Thresholds;
import org.yizhan.core.internal.audit.AuditLog;
import org.yizhan.core.internal.calendar.Calendars;
import org.yizhan.core.internal.cases.CaseNotes;
import org.yizhan.core.internal.entity.CaseEntity;
import org.yizhan.core.internal.entity.RatingEntity;
import org.yizhan.core.internal.entity.RectificationEntity;
import org.yizhan.core.internal.stats.Tallies;
import org.yizhan.core.internal.stats.Visibility;

/**
 * Ratings (好差评, R21): one per finished case, by the applicant with the lookup code or recorded
 * by a clerk on their behalf, written into the case's verified history. A bad rating opens a
 * rectification due some working days later on the deciding center's calendar: verify → rectify
 * → return visit → close, or the window's appeal, upheld (the rating is annulled) or rejected by
 * a supervisor.
 */
@Component(service = FeedbackService.class, configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class FeedbackServiceImpl implements FeedbackService {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackServiceImpl.class);
    static final Set<String> INDICATORS = Set.of("overall", "efficiency", "quality", "attitude");

    /** Each status and the actions it allows; who may take each is {@link #allowed}. */
    private static final Map<String, List<String>> NEXT = Map.of(
            "OPEN", List.of("verify", "appeal"),
            "VERIFIED", List.of("rectify", "appeal"),
            "RECTIFIED", List.of("visit"),
            "VISITED", List.of("close"),
            "APPEALED", List.of("uphold", "reject"),
            "CLOSED", List.of(),
            "ANNULLED", List.of());

    private final Jpa jpa;
    private final CaseNotes cases;
    private final NetworkService network;
    private final Calendars calendars;
    private final Thresholds thresholds;
    private final AuditLog audit;
    private final ZoneId zone;
    private final int rectificationDays;
    private final int inviteAfterDays;

    @Activate
    public FeedbackServiceImpl(@Reference Jpa jpa, @Reference CaseNotes cases, @Reference NetworkService network,
                               @Reference Calendars calendars, @Reference Thresholds thresholds, @Reference AuditLog audit,
                               @Reference FeedbackSettings settings, PlatformConfig platform) {
        FeedbackConfig config = settings.config;
        this.jpa = jpa;
        this.cases = cases;
        this.network = network;
        this.calendars = calendars;
        this.thresholds = thresholds;
        this.audit = audit;
        this.zone = ZoneId.of(platform.zone());
        this.rectificationDays = Math.max(1, config.rectificationWorkingDays());
        this.inviteAfterDays = Math.max(0, config.inviteAfterDays());
    }

    // ------------------------------------------------------------------ ratings

    @Override
    public RatingDTO ratePublic(String number, String lookupCode, RatingInput input) {
        Rating r = validate(input);
        return rate(null, number, lookupCode, r);
    }

    @Override
    public RatingDTO rate(Caller caller, String number, RatingInput input) {
        if (!caller.hasAny(Caller.CLERK, Caller.VILLAGE_AGENT)) {
            throw YizhanException.forbidden("Only a clerk or a village agent records a rating at the window",
                    "只有窗口工作人员或代办员可以代为登记评价");
        }
        Rating r = validate(input);
        return rate(caller, number, null, r);
    }

    private record Rating(RatingLevel level, Map<String, RatingLevel> indicators, String comment) {
    }

    private static Rating validate(RatingInput in) {
        Fields f = new Fields();
        if (in == null) {
            f.error("level", "A rating needs its level", "评价等级不能为空");
            f.check();
        }
        RatingLevel level = null;
        if (in.level == null || in.level.isBlank()) {
            f.error("level", "Choose one of the five levels, VERY_SATISFIED to VERY_DISSATISFIED", "请选择评价等级（非常满意至非常不满意）");
        } else {
            level = f.oneOf("level", in.level, RatingLevel.class, true);
        }
        Map<String, RatingLevel> indicators = new LinkedHashMap<>();
        if (in.indicators != null) {
            for (Map.Entry<String, String> i : in.indicators.entrySet()) {
                if (!INDICATORS.contains(i.getKey())) {
                    f.error("indicators", "indicators are overall, efficiency, quality and attitude",
                            "评价指标为 overall（整体满意度）、efficiency（服务效率）、quality（服务水平）、attitude（服务态度）");
                } else {
                    RatingLevel l = f.oneOf("indicators." + i.getKey(), i.getValue(), RatingLevel.class, true);
                    if (l != null) {
                        indicators.put(i.getKey(), l);
                    }
                }
            }
        }
        String comment = f.text("comment", in.comment, 500, false);
        f.check();
        return new Rating(level, indicators, comment);
    }

    private RatingDTO rate(Caller caller, String number, String lookupCode, Rating r) {
        // two ratings of one case at once: the second one, tried again, finds the first (409)
        return CaseNotes.retrying(() -> jpa.tx(em -> rateOnce(em, caller, number, lookupCode, r)));
    }

    private RatingDTO rateOnce(EntityManager em, Caller caller, String number, String lookupCode, Rating r) {
        CaseNotes.Facts c = cases.facts(em, caller, number, lookupCode);
        if (!c.finished()) {
            throw YizhanException.conflict(c.status(), "Only a finished case is rated (delivered, denied or not accepted); this one is "
                    + c.status(), "办结后方可评价，当前状态：" + c.status());
        }
        if (em.find(RatingEntity.class, c.number()) != null) {
            throw YizhanException.conflict("RATED", "The case is already rated: one rating per case (R21)", "该办件已评价：一事一评");
        }
        long now = org.yizhan.core.internal.common.Now.millis();
        LocalDate today = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(now), zone);
        RatingEntity e = new RatingEntity();
        e.setCaseNumber(c.number());
        e.setCenterId(c.centerId());
        e.setDecidingCenterId(c.decidingCenterId());
        e.setWindowType(c.windowType());
        e.setRatingLevel(r.level().name());
        e.setRatedDay(today.toString());
        e.setRatedAtMillis(now);
        e.setChannel(caller == null ? "PUBLIC" : "WINDOW");
        e.setRecordedBy(caller == null ? null : caller.user());
        e.setIndicators(encode(r.indicators()));
        e.setComment(r.comment());
        em.persist(e);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("level", r.level().name());
        data.put("channel", e.getChannel());
        r.indicators().forEach((k, v) -> data.put("indicator." + k, v.name()));
        Caller by = caller != null ? caller : new Caller("applicant", Set.of(), c.decidingCenterId(), "public");
        String reason = caller == null ? "Rated by the applicant: " + r.level().zh() + " 申请人评价"
                : "Rated at the window on the applicant's behalf: " + r.level().zh() + " 窗口代为登记评价";
        cases.note(em, c.number(), by, caller == null ? "applicant" : null, "rate", reason, data, "rated");
        Long rectification = null;
        if (r.level().bad()) {
            rectification = open(em, c, r.level(), today, now, by);
        }
        em.flush();
        LOG.info("Case {} rated {} ({}){} / 办件已评价", c.number(), r.level(), e.getChannel(),
                rectification == null ? "" : ", rectification " + rectification + " opened");
        return dto(e, rectification);
    }

    /** A bad rating opens its rectification, due on the deciding center's calendar (R21). */
    private long open(EntityManager em, CaseNotes.Facts c, RatingLevel level, LocalDate today, long now, Caller by) {
        String code = network.center(c.decidingCenterId()).map(x -> x.code).orElse("");
        Due due = Due.after(calendars.calendarOf(c.decidingCenterId()), thresholds, code, today, rectificationDays);
        RectificationEntity x = new RectificationEntity();
        x.setId(CaseNotes.next(em, "RECTIFICATION"));
        x.setCaseNumber(c.number());
        x.setDecidingCenterId(c.decidingCenterId());
        x.setWindowType(c.windowType());
        x.setRatingLevel(level.name());
        x.setStatus("OPEN");
        x.setOpenedDay(today.toString());
        x.setDueDate(due.date().toString());
        x.setDueEstimated(due.estimated());
        x.setYellowDate(due.yellow().toString());
        x.setSteps(Steps.append(null, by, by.roles().isEmpty() ? "applicant" : null, "open", null, "OPEN",
                // English first, then Chinese: the page shows the one its reader chose
                "Bad rating (" + level.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "), verify and rectify by " + due.date()
                        + " 差评（" + level.zh() + "），须于 " + due.date() + " 前核实整改", now));
        em.persist(x);
        return x.getId();
    }

    private static String encode(Map<String, RatingLevel> indicators) {
        StringBuilder sb = new StringBuilder();
        indicators.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v.name()));
        return sb.length() == 0 ? null : sb.toString();
    }

    private static RatingDTO dto(RatingEntity e, Long rectification) {
        RatingDTO d = new RatingDTO();
        d.caseNumber = e.getCaseNumber();
        d.level = RatingLevel.valueOf(e.getRatingLevel());
        d.levelZh = d.level.zh();
        if (e.getIndicators() != null) {
            for (String kv : e.getIndicators().split(",")) {
                String[] p = kv.split("=");
                d.indicators.put(p[0], RatingLevel.valueOf(p[1]));
            }
        }
        d.comment = e.getComment();
        d.channel = e.getChannel();
        d.recordedBy = e.getRecordedBy();
        d.ratedAt = Instant.ofEpochMilli(e.getRatedAtMillis()).toString();
        d.decidingCenterId = e.getDecidingCenterId();
        d.windowType = e.getWindowType();
        d.rectificationId = rectification;
        d.annulled = e.isAnnulled();
        return d;
    }

    // ------------------------------------------------------------------ rectifications

    @Override
    public List<RectificationDTO> rectifications(Caller caller, Long center, String status) {
        if (status != null && !NEXT.containsKey(status)) {
            throw YizhanException.badInput("status", "status must be one of " + NEXT.keySet(), "status 须为 " + NEXT.keySet() + " 之一");
        }
        List<Long> centers = new ArrayList<>(Visibility.centers(network, caller, center));
        String today = LocalDate.now(zone).toString();
        return jpa.read(em -> {
            TypedQuery<RectificationEntity> q = em.createQuery("SELECT x FROM RectificationEntity x WHERE x.decidingCenterId IN :centers"
                    + (status == null ? "" : " AND x.status = :status") + " ORDER BY x.dueDate, x.id", RectificationEntity.class)
                    .setParameter("centers", centers).setMaxResults(500);
            if (status != null) {
                q.setParameter("status", status);
            }
            return q.getResultList().stream().map(x -> dto(x, caller, today)).toList();
        });
    }

    @Override
    public RectificationDTO rectification(Caller caller, long id) {
        String today = LocalDate.now(zone).toString();
        return jpa.read(em -> dto(load(em, caller, id), caller, today));
    }

    private RectificationEntity load(EntityManager em, Caller caller, long id) {
        RectificationEntity x = em.find(RectificationEntity.class, id);
        if (x == null || !network.subtree(caller.centerId()).contains(x.getDecidingCenterId())) {
            throw YizhanException.notFound("No rectification " + id, "整改单不存在：" + id);
        }
        return x;
    }

    @Override
    public RectificationDTO act(Caller caller, long id, String action, String text) {
        Fields f = new Fields();
        String t = f.text("text", text, 1000, !"close".equals(action));
        f.check();
        String today = LocalDate.now(zone).toString();
        RectificationDTO done = jpa.tx(em -> {
            RectificationEntity x = load(em, caller, id);
            String from = x.getStatus();
            if (!NEXT.getOrDefault(from, List.of()).contains(action)) {
                throw YizhanException.conflict(from, "Action '" + action + "' is not allowed while the rectification is " + from
                        + "; allowed: " + NEXT.get(from), "整改单当前状态（" + from + "）不允许此操作");
            }
            if (!allowed(caller, action)) {
                throw YizhanException.forbidden("Your role may not " + action + " a rectification", "您的角色不能执行此操作：" + action);
            }
            String to = switch (action) {
                case "verify" -> "VERIFIED";
                case "rectify" -> "RECTIFIED";
                case "visit" -> "VISITED";
                case "close" -> "CLOSED";
                case "appeal" -> "APPEALED";
                case "uphold" -> "ANNULLED";
                default -> x.getStatusBeforeAppeal();   // reject: back where the appeal found it
            };
            long now = System.currentTimeMillis();
            if ("appeal".equals(action)) {
                x.setStatusBeforeAppeal(from);
            }
            if ("close".equals(action) || "uphold".equals(action)) {
                x.setClosedDay(today);
            }
            x.setStatus(to);
            x.setSteps(Steps.append(x.getSteps(), caller, null, action, from, to, t, now));
            if ("uphold".equals(action)) {
                // the window was right: the rating no longer counts, and the case's history says so
                RatingEntity r = em.find(RatingEntity.class, x.getCaseNumber());
                r.setAnnulled(true);
                cases.note(em, x.getCaseNumber(), caller, null, "rating-annulled",
                        "Appeal upheld by the supervisor: the rating no longer counts 申诉成立，该评价不计入满意率", Map.of("rectification",
                                Long.toString(id)), "rating-annulled");
            }
            em.flush();
            return dto(x, caller, today);
        });
        if ("uphold".equals(action) || "reject".equals(action)) {
            audit.record(caller.user(), "RATING_APPEAL_" + ("uphold".equals(action) ? "UPHELD" : "REJECTED"), "rectification " + id,
                    "case " + done.caseNumber, caller.source());
        }
        LOG.info("Rectification {}: {} by {} -> {} / 差评整改", id, action, caller.user(), done.status);
        return done;
    }

    /** The window verifies, rectifies and visits; a superior closes; the window appeals; the supervisor decides an appeal. */
    private static boolean allowed(Caller c, String action) {
        return switch (action) {
            case "verify", "rectify", "visit" -> c.hasAny(Caller.CLERK, Caller.TOWN_ADMIN, Caller.COUNTY_ADMIN, Caller.SUPERVISOR);
            case "close" -> c.hasAny(Caller.TOWN_ADMIN, Caller.COUNTY_ADMIN, Caller.SUPERVISOR);
            case "appeal" -> c.hasAny(Caller.CLERK, Caller.TOWN_ADMIN);
            case "uphold", "reject" -> c.has(Caller.SUPERVISOR);
            default -> false;
        };
    }

    private static RectificationDTO dto(RectificationEntity x, Caller caller, String today) {
        RectificationDTO d = new RectificationDTO();
        d.id = x.getId();
        d.caseNumber = x.getCaseNumber();
        d.decidingCenterId = x.getDecidingCenterId();
        d.windowType = x.getWindowType();
        d.level = RatingLevel.valueOf(x.getRatingLevel());
        d.status = x.getStatus();
        d.openedOn = x.getOpenedDay();
        d.due = new DueDateDTO(x.getDueDate(), x.isDueEstimated());
        d.closedOn = x.getClosedDay();
        if (Tallies.OPEN_RECTIFICATIONS.contains(x.getStatus())) {
            d.alertLevel = Tallies.level(today, x.getYellowDate(), x.getDueDate());
        }
        for (String a : NEXT.getOrDefault(x.getStatus(), List.of())) {
            if (allowed(caller, a)) {
                d.actions.add(a);
            }
        }
        d.history.addAll(Steps.read(x.getSteps()));
        return d;
    }

    // ------------------------------------------------------------------ invitations

    @Override
    public List<UnratedDTO> unrated(Caller caller, Long center) {
        List<Long> centers = new ArrayList<>(Visibility.centers(network, caller, center));
        long before = System.currentTimeMillis() - inviteAfterDays * 86_400_000L;
        return jpa.read(em -> em.createQuery("SELECT c FROM CaseEntity c WHERE c.status IN :finished AND c.updatedAtMillis < :before"
                                + " AND (c.centerId IN :centers OR c.decidingCenterId IN :centers)"
                                + " AND NOT EXISTS (SELECT r FROM RatingEntity r WHERE r.caseNumber = c.number)"
                                + " ORDER BY c.updatedAtMillis DESC", CaseEntity.class)
                .setParameter("finished", List.copyOf(CaseNotes.FINISHED)).setParameter("before", before)
                .setParameter("centers", centers).setMaxResults(500).getResultList().stream().map(c -> {
                    UnratedDTO u = new UnratedDTO();
                    u.caseNumber = c.getNumber();
                    u.itemName = c.getItemName();
                    u.windowType = c.getWindowType();
                    u.decidingCenterId = c.getDecidingCenterId();
                    u.status = c.getStatus();
                    u.finishedOn = LocalDate.ofInstant(Instant.ofEpochMilli(c.getUpdatedAtMillis()), zone).toString();
                    u.applicantMasked = org.yizhan.core.internal.common.IdNumbers.maskName(c.getApplicantName());
                    return u;
                }).toList());
    }
}
