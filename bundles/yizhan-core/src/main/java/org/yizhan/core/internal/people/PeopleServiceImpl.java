package org.yizhan.core.internal.people;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.Level;
import org.yizhan.api.YizhanException;
import org.yizhan.api.YizhanException.FieldError;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.people.BoardDTO;
import org.yizhan.api.people.PeopleService;
import org.yizhan.api.people.PostDTO;
import org.yizhan.api.people.PresenceDTO;
import org.yizhan.api.people.PresenceInput;
import org.yizhan.api.people.ReferralDTO;
import org.yizhan.api.people.ReferralInput;
import org.yizhan.core.internal.outbox.Outbox;
import org.yizhan.api.people.RosterDayDTO;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.TtlCache;
import org.yizhan.core.internal.Cluster;
import org.yizhan.core.internal.audit.AuditLog;
import org.yizhan.core.internal.calendar.Calendars;
import org.yizhan.core.internal.entity.PostEntity;
import org.yizhan.core.internal.entity.PresenceEntity;
import org.yizhan.core.internal.entity.RosterEntity;
import org.yizhan.core.internal.entity.StaffEntity;
import org.yizhan.core.internal.network.WindowTypes;

/**
 * The people at the windows: each window's post at a center — an A holder and ordered B
 * stand-ins (R17) — everyone's presence and whereabouts, the public board of who is where (R18),
 * and a village room's duty roster (R25). While A is away the first present B acts with A's
 * authority: A's window is in B's queue and B's actions say "acting for A" in the history.
 */
@Component(service = {PeopleService.class, Posts.class}, configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class PeopleServiceImpl implements PeopleService, Posts {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleServiceImpl.class);
    static final Map<String, String> WHEREABOUTS = Map.of("MEETING", "会议", "VILLAGE_VISIT", "下村入户", "LEAVE", "请假",
            "TRAINING", "培训", "OTHER", "其他");
    private static final Pattern UNTIL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final int MAX_ROSTER_DAYS = 366;

    private final Jpa jpa;
    private final NetworkService network;
    private final WindowTypes windowTypes;
    private final Calendars calendars;
    private final AuditLog audit;
    private final org.yizhan.api.catalogue.CatalogueService catalogue;
    private final ZoneId zone;
    private final List<LocalTime[]> openingHours;

    @Activate
    public PeopleServiceImpl(@Reference Jpa jpa, @Reference NetworkService network, @Reference WindowTypes windowTypes,
                             @Reference Calendars calendars, @Reference AuditLog audit, @Reference PeopleSettings settings,
                             @Reference org.yizhan.api.catalogue.CatalogueService catalogue, PlatformConfig platform,
                             @Reference Cluster cluster) {
        this.posts = TtlCache.shared("posts", 10_000, cluster);
        this.presentNow = TtlCache.shared("presence", 10_000, cluster);
        this.catalogue = catalogue;
        this.jpa = jpa;
        this.network = network;
        this.windowTypes = windowTypes;
        this.calendars = calendars;
        this.audit = audit;
        this.zone = ZoneId.of(platform.zone());
        this.openingHours = PeopleSettings.hours(settings.config.openingHours());
    }

    private static String key(long centerId, String windowType) {
        return centerId + "/" + windowType;
    }

    // ------------------------------------------------------------------ posts (R17)

    @Override
    public List<PostDTO> posts(Caller caller, long centerId) {
        center(centerId);
        if (!network.subtree(caller.centerId()).contains(centerId)) {
            throw YizhanException.forbidden("Center " + centerId + " is outside your centers", "该中心不在您的管辖范围内");
        }
        return jpa.read(em -> stored(em, centerId).stream().map(PeopleServiceImpl::dto).toList());
    }

    private static List<PostEntity> stored(EntityManager em, long centerId) {
        return em.createQuery("SELECT p FROM PostEntity p WHERE p.centerId = :c ORDER BY p.windowType", PostEntity.class)
                .setParameter("c", centerId).getResultList();
    }

    private static PostDTO dto(PostEntity p) {
        PostDTO d = new PostDTO();
        d.windowType = p.getWindowType();
        d.a = p.getHolderA();
        d.b.addAll(bs(p));
        d.chief = p.getChief();
        return d;
    }

    private static List<String> bs(PostEntity p) {
        return p.getHoldersB() == null || p.getHoldersB().isEmpty() ? List.of() : Arrays.asList(p.getHoldersB().split(","));
    }

    @Override
    public List<PostDTO> setPosts(Caller caller, long centerId, List<PostDTO> posts) {
        CenterDTO center = center(centerId);
        boolean own = caller.has(Caller.TOWN_ADMIN) && caller.centerId() == centerId;
        boolean county = caller.has(Caller.COUNTY_ADMIN) && network.subtree(caller.centerId()).contains(centerId);
        if (!own && !county) {
            throw YizhanException.forbidden("A center's posts are set by its town admin or a county admin", "窗口岗位由本中心管理员或县级管理员设置");
        }
        if (posts == null || posts.size() > 100) {
            throw YizhanException.badInput("posts", "A list of at most 100 posts is required", "须提供岗位列表（至多 100 个）");
        }
        List<PostDTO> saved = jpa.tx(em -> {
            List<FieldError> errors = new ArrayList<>();
            Set<String> windows = new LinkedHashSet<>();
            for (int i = 0; i < posts.size(); i++) {
                PostDTO p = posts.get(i);
                String at = "posts[" + i + "]";
                if (p == null || p.windowType == null || p.windowType.isBlank()) {
                    errors.add(new FieldError(at + ".windowType", "windowType is required", "窗口类型不能为空"));
                    continue;
                }
                if (!windows.add(p.windowType)) {
                    errors.add(new FieldError(at + ".windowType", "One post per window: " + p.windowType + " is twice", "每个窗口只设一个岗位"));
                }
                if (!network.windowOpen(centerId, p.windowType)) {
                    errors.add(new FieldError(at + ".windowType", "The window " + p.windowType + " is not open at " + center.code,
                            "该中心未开设此窗口：" + p.windowType));
                }
                Set<String> people = new LinkedHashSet<>();
                staff(em, centerId, p.a, at + ".a", errors);
                people.add(p.a);
                List<String> b = p.b == null ? List.of() : p.b;
                if (b.size() > 5) {
                    errors.add(new FieldError(at + ".b", "At most 5 B stand-ins", "B 岗至多 5 人"));
                }
                if (p.chief != null && !p.chief.isBlank()) {
                    staff(em, centerId, p.chief, at + ".chief", errors);
                }
                for (int k = 0; k < b.size(); k++) {
                    staff(em, centerId, b.get(k), at + ".b[" + k + "]", errors);
                    if (!people.add(b.get(k))) {
                        errors.add(new FieldError(at + ".b[" + k + "]", b.get(k) + " holds this post already", "同一岗位不能重复安排同一人"));
                    }
                }
            }
            if (!errors.isEmpty()) {
                throw YizhanException.badInput(errors);
            }
            stored(em, centerId).forEach(em::remove);
            em.flush();
            for (PostDTO p : posts) {
                PostEntity e = new PostEntity();
                e.setPostKey(key(centerId, p.windowType));
                e.setCenterId(centerId);
                e.setWindowType(p.windowType);
                e.setHolderA(p.a);
                e.setHoldersB(p.b == null || p.b.isEmpty() ? null : String.join(",", p.b));
                e.setChief(p.chief == null || p.chief.isBlank() ? null : p.chief.trim());
                em.persist(e);
            }
            return stored(em, centerId).stream().map(PeopleServiceImpl::dto).toList();
        });
        this.posts.clear();
        audit.record(caller.user(), "POSTS_SET", center.code, saved.size() + " posts", caller.source());
        LOG.info("Posts of {} set by {}: {} windows / 窗口岗位已设置", center.code, caller.user(), saved.size());
        return saved;
    }

    /** An active staff member of the center who can serve a window. */
    private static void staff(EntityManager em, long centerId, String user, String field, List<FieldError> errors) {
        StaffEntity s = user == null || user.isBlank() ? null : em.find(StaffEntity.class, user);
        if (s == null || s.getCenterId() != centerId || !s.isActive()) {
            errors.add(new FieldError(field, "Not an active staff member of this center: " + user, "不是本中心在岗工作人员：" + user));
        } else if (!Set.of(s.getRoles().split(",")).contains(Caller.CLERK) && !s.getRoles().contains(Caller.TOWN_ADMIN)) {
            errors.add(new FieldError(field, user + " does not serve at windows (clerk)", user + " 不是窗口工作人员"));
        }
    }

    private CenterDTO center(long centerId) {
        return network.center(centerId).orElseThrow(() -> YizhanException.notFound("No center " + centerId, "中心不存在：" + centerId));
    }

    /** A post as every action reads it (who holds A, the Bs in order, the chief). */
    private record Post(String a, List<String> bs, String chief) {
    }

    /**
     * Posts and presence are read on every case action (R4, R17); they change seldom, so they are
     * remembered ({@link TtlCache}: this node forgets what it changes at once, another node's
     * change shows within the cache's time, as for accounts and window switches).
     */
    private final TtlCache<String, Optional<Post>> posts;
    private final TtlCache<String, Boolean> presentNow;

    private Optional<Post> post(long centerId, String windowType) {
        return posts.get(key(centerId, windowType), k -> jpa.read(em -> Optional.ofNullable(em.find(PostEntity.class, k))
                .map(PeopleServiceImpl::post)));
    }

    private static Post post(PostEntity p) {
        return new Post(p.getHolderA(), List.copyOf(bs(p)), p.getChief());
    }

    private boolean present(String user) {
        return presentNow.get(user, u -> jpa.read(em -> present(em, u)));
    }

    @Override
    public Optional<String> actingFor(long centerId, String windowType, String user) {
        return post(centerId, windowType).flatMap(p -> acting(p, this::present).filter(user::equals).map(b -> p.a()));
    }

    /** The B who acts for A now: the first present one, while A is away. */
    private static Optional<String> acting(Post p, java.util.function.Predicate<String> present) {
        if (present.test(p.a())) {
            return Optional.empty();
        }
        return p.bs().stream().filter(present).findFirst();
    }

    private static boolean present(EntityManager em, String user) {
        PresenceEntity e = em.find(PresenceEntity.class, user);
        return e == null || "PRESENT".equals(e.getStatus());
    }

    @Override
    public boolean isChief(long centerId, String windowType, String user) {
        return post(centerId, windowType).map(p -> user.equals(p.chief())).orElse(false);
    }

    @Override
    public List<String> windowsOf(long centerId, String user) {
        return jpa.read(em -> stored(em, centerId).stream()
                .filter(p -> p.getHolderA().equals(user) || acting(post(p), u -> present(em, u)).filter(user::equals).isPresent())
                .map(PostEntity::getWindowType).toList());
    }

    // ------------------------------------------------------------------ presence and the board (R18)

    @Override
    public PresenceDTO setPresence(Caller caller, PresenceInput in) {
        List<FieldError> errors = new ArrayList<>();
        String status = in == null || in.status == null ? null : in.status.trim().toUpperCase(java.util.Locale.ROOT);
        if (!"PRESENT".equals(status) && !"AWAY".equals(status)) {
            errors.add(new FieldError("status", "status is PRESENT or AWAY", "状态须为 PRESENT（在岗）或 AWAY（外出）"));
        }
        String where = null;
        String note = null;
        String until = null;
        if ("AWAY".equals(status)) {
            where = in.whereabouts == null ? null : in.whereabouts.trim().toUpperCase(java.util.Locale.ROOT);
            if (!WHEREABOUTS.containsKey(where)) {
                errors.add(new FieldError("whereabouts", "whereabouts is one of " + WHEREABOUTS.keySet(),
                        "去向须为 会议、下村入户、请假、培训、其他 之一"));
            }
            note = in.note == null || in.note.isBlank() ? null : in.note.strip();
            if (note != null && (note.length() > 100 || note.chars().anyMatch(Character::isISOControl))) {
                errors.add(new FieldError("note", "note is at most 100 characters of text", "说明至多 100 个字符"));
            }
            if ("OTHER".equals(where) && note == null) {
                errors.add(new FieldError("note", "Say where, for OTHER", "去向为“其他”时须说明"));
            }
            until = in.until == null || in.until.isBlank() ? null : in.until.trim();
            if (until != null) {
                try {
                    if (!UNTIL.matcher(until).matches()) {
                        throw new DateTimeParseException("format", until, 0);
                    }
                    LocalDateTime.parse(until);
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError("until", "until is a date and time like 2026-12-03T15:30", "预计返回时间格式如 2026-12-03T15:30"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
        String w = where;
        String n = note;
        String u = until;
        PresenceDTO d = jpa.tx(em -> {
            PresenceEntity e = em.find(PresenceEntity.class, caller.user());
            if (e == null) {
                e = new PresenceEntity();
                e.setUsername(caller.user());
                em.persist(e);
            }
            e.setStatus(status);
            e.setWhereabouts(w);
            e.setNote(n);
            e.setUntilText(u);
            e.setChangedAtMillis(System.currentTimeMillis());
            return presence(em, caller.user());
        });
        presentNow.invalidate(caller.user());
        LOG.info("{} is {}{} / 在岗状态", caller.user(), status, w == null ? "" : " (" + w + ")");
        return d;
    }

    @Override
    public PresenceDTO presence(Caller caller) {
        return jpa.read(em -> presence(em, caller.user()));
    }

    private static PresenceDTO presence(EntityManager em, String user) {
        PresenceEntity e = em.find(PresenceEntity.class, user);
        StaffEntity s = em.find(StaffEntity.class, user);
        PresenceDTO d = new PresenceDTO();
        d.user = user;
        d.name = s == null ? user : s.getDisplayName();
        d.status = e == null ? "PRESENT" : e.getStatus();
        if (e != null && "AWAY".equals(e.getStatus())) {
            d.whereabouts = e.getWhereabouts();
            d.whereaboutsZh = WHEREABOUTS.get(e.getWhereabouts());
            d.note = e.getNote();
            d.until = e.getUntilText();
        }
        return d;
    }

    @Override
    public BoardDTO board(long centerId) {
        CenterDTO center = center(centerId);
        return jpa.read(em -> {
            BoardDTO b = new BoardDTO();
            b.centerId = centerId;
            b.centerName = center.name;
            for (PostEntity p : stored(em, centerId)) {
                BoardDTO.Window w = new BoardDTO.Window();
                w.windowType = p.getWindowType();
                w.windowName = windowTypes.windowType(p.getWindowType()).map(t -> t.name).orElse(p.getWindowType());
                w.a = presence(em, p.getHolderA());
                bs(p).forEach(x -> w.b.add(presence(em, x)));
                w.servedBy = "PRESENT".equals(w.a.status) ? w.a.name
                        : w.b.stream().filter(x -> "PRESENT".equals(x.status)).map(x -> x.name).findFirst().orElse(null);
                w.staffed = w.servedBy != null;
                // the public board names people as the center publishes them: no user names
                w.a.user = null;
                w.b.forEach(x -> x.user = null);
                b.windows.add(w);
            }
            if (center.level == Level.VILLAGE) {
                RosterEntity r = em.find(RosterEntity.class, RosterEntity.key(centerId, LocalDate.now(zone).toString()));
                b.onDuty = r == null ? null : r.getName();
            }
            return b;
        });
    }

    /**
     * The windows of these centers nobody of whose post is present, while the center is open (a
     * working day on its calendar, within the opening hours): alerts for e-supervision (R17).
     */
    @Override
    public List<String[]> unstaffed(Set<Long> centers) {
        LocalDateTime now = LocalDateTime.now(zone);
        boolean hours = openingHours.stream().anyMatch(h -> !now.toLocalTime().isBefore(h[0]) && now.toLocalTime().isBefore(h[1]));
        if (!hours || centers.isEmpty()) {
            return List.of();
        }
        return jpa.read(em -> em.createQuery("SELECT p FROM PostEntity p WHERE p.centerId IN :c ORDER BY p.centerId, p.windowType",
                        PostEntity.class).setParameter("c", List.copyOf(centers)).getResultList().stream()
                .filter(p -> calendars.calendarOf(p.getCenterId()).isWorkingDay(now.toLocalDate()))
                .filter(p -> !present(em, p.getHolderA()) && bs(p).stream().noneMatch(b -> present(em, b)))
                .map(p -> new String[] {Long.toString(p.getCenterId()), p.getWindowType()}).toList());
    }

    // ------------------------------------------------------------------ referrals (R11, R16)

    @Override
    public ReferralDTO refer(Caller caller, ReferralInput in) {
        if (!caller.hasAny(Caller.CLERK, Caller.VILLAGE_AGENT)) {
            throw YizhanException.forbidden("Referral slips are issued at the windows", "转办单由窗口工作人员出具");
        }
        List<FieldError> errors = new ArrayList<>();
        long to = in == null || in.centerId == null ? caller.centerId() : in.centerId;
        CenterDTO target = network.center(to).orElse(null);
        if (target == null) {
            errors.add(new FieldError("centerId", "No center " + to, "中心不存在：" + to));
        }
        String window = in == null || in.windowType == null ? null : in.windowType.trim();
        if (window == null || window.isEmpty()) {
            errors.add(new FieldError("windowType", "windowType is required: the window the matter belongs to", "须指明承办窗口"));
        } else if (target != null && !network.windowOpen(to, window)) {
            errors.add(new FieldError("windowType", "The window " + window + " is not open at " + target.code, "该中心未开设此窗口：" + window));
        }
        String item = in == null || in.itemCode == null || in.itemCode.isBlank() ? null : in.itemCode.trim();
        String itemName = null;
        if (item != null) {
            itemName = catalogue.item(item).filter(i -> i.windowType.equals(window)).map(i -> i.name).orElse(null);
            if (itemName == null) {
                errors.add(new FieldError("itemCode", "No item " + item + " at the " + window + " window", "该窗口无此事项：" + item));
            }
        }
        String visitor = text(in == null ? null : in.visitorName, "visitorName", 50, errors);
        String note = text(in == null ? null : in.note, "note", 500, errors);
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
        CenterDTO here = center(caller.centerId());
        String windowName = windowTypes.windowType(window).map(t -> t.name).orElse(window);
        String slip = "转办 referred to " + target.name + " · " + windowName + (itemName == null ? "" : " · " + itemName)
                + (note == null ? "" : "：" + note);
        long now = System.currentTimeMillis();
        org.yizhan.core.internal.entity.LedgerEntity l = jpa.tx(em -> Outbox.ledger(em, here.id, now, zone,
                org.yizhan.api.relay.LedgerEntryDTO.REFERRAL, null, item, visitor, caller.user(), slip));
        ReferralDTO d = new ReferralDTO();
        d.id = l.getId();
        d.at = java.time.Instant.ofEpochMilli(now).toString();
        d.fromCenterId = here.id;
        d.fromCenterName = here.name;
        d.staff = caller.user();
        d.toCenterId = target.id;
        d.toCenterName = target.name;
        d.windowType = window;
        d.windowName = windowName;
        d.itemCode = item;
        d.itemName = itemName;
        d.visitorName = visitor;
        d.note = note;
        LOG.info("Referral {} from {} to {} {} by {} / 出具转办单", d.id, here.code, target.code, window, caller.user());
        return d;
    }

    private static String text(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max || v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            errors.add(new FieldError(field, field + " is at most " + max + " characters of text", field + " 至多 " + max + " 个字符"));
            return null;
        }
        return v;
    }

    // ------------------------------------------------------------------ duty roster (R25)

    @Override
    public List<RosterDayDTO> roster(Caller caller, long centerId, String from, String to) {
        room(caller, centerId, false);
        LocalDate[] range = range(from, to);
        return jpa.read(em -> em.createQuery("SELECT r FROM RosterEntity r WHERE r.centerId = :c AND r.onDay BETWEEN :f AND :t"
                        + " ORDER BY r.onDay", RosterEntity.class).setParameter("c", centerId).setParameter("f", range[0].toString())
                .setParameter("t", range[1].toString()).getResultList().stream().map(r -> {
                    RosterDayDTO d = new RosterDayDTO();
                    d.date = r.getOnDay();
                    d.name = r.getName();
                    return d;
                }).toList());
    }

    private static LocalDate[] range(String from, String to) {
        try {
            LocalDate f = LocalDate.parse(from);
            LocalDate t = LocalDate.parse(to);
            if (t.isBefore(f) || f.plusDays(MAX_ROSTER_DAYS).isBefore(t)) {
                throw YizhanException.badInput("to", "to is on or after from, at most a year later", "结束日期须不早于开始日期，且不超过一年");
            }
            return new LocalDate[] {f, t};
        } catch (DateTimeParseException | NullPointerException e) {
            throw YizhanException.badInput(from == null ? "from" : "to", "from and to are dates like 2026-12-01", "日期格式如 2026-12-01");
        }
    }

    /** A village room; its agent, its town's admin or a county admin may write; staff above it may read. */
    private CenterDTO room(Caller caller, long centerId, boolean write) {
        CenterDTO c = center(centerId);
        if (c.level != Level.VILLAGE) {
            throw YizhanException.badInput("id", "Duty rosters are kept by village rooms", "值班表仅适用于村便民服务室");
        }
        boolean sees = network.subtree(caller.centerId()).contains(centerId);
        boolean may = caller.has(Caller.COUNTY_ADMIN) || (caller.has(Caller.TOWN_ADMIN) && c.parentId != null && c.parentId == caller.centerId())
                || (caller.has(Caller.VILLAGE_AGENT) && caller.centerId() == centerId);
        if (!sees || (write && !may)) {
            throw YizhanException.forbidden("The roster of " + c.code + " is kept by its agent and its town's admin", "值班表由本室代办员或乡镇管理员维护");
        }
        return c;
    }

    @Override
    public List<RosterDayDTO> setRoster(Caller caller, long centerId, List<RosterDayDTO> days) {
        CenterDTO c = room(caller, centerId, true);
        if (days == null || days.isEmpty() || days.size() > MAX_ROSTER_DAYS) {
            throw YizhanException.badInput("days", "A list of 1 to 366 days is required", "须提供 1 至 366 天的值班安排");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            RosterDayDTO d = days.get(i);
            try {
                LocalDate.parse(d == null ? null : d.date);
            } catch (DateTimeParseException | NullPointerException e) {
                errors.add(new FieldError("days[" + i + "].date", "date is a day like 2026-12-01", "日期格式如 2026-12-01"));
            }
            if (d != null && d.name != null && (d.name.strip().length() > 50 || d.name.chars().anyMatch(Character::isISOControl))) {
                errors.add(new FieldError("days[" + i + "].name", "name is at most 50 characters", "姓名至多 50 个字符"));
            }
        }
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
        jpa.run(em -> {
            for (RosterDayDTO d : days) {
                String k = RosterEntity.key(centerId, d.date);
                RosterEntity r = em.find(RosterEntity.class, k);
                boolean clear = d.name == null || d.name.isBlank();
                if (clear) {
                    if (r != null) {
                        em.remove(r);
                    }
                } else if (r == null) {
                    r = new RosterEntity();
                    r.setRosterKey(k);
                    r.setCenterId(centerId);
                    r.setOnDay(d.date);
                    r.setName(d.name.strip());
                    em.persist(r);
                } else {
                    r.setName(d.name.strip());
                }
            }
        });
        LOG.info("Duty roster of {}: {} days set by {} / 值班表已更新", c.code, days.size(), caller.user());
        String first = days.stream().map(d -> d.date).min(String::compareTo).orElseThrow();
        String last = days.stream().map(d -> d.date).max(String::compareTo).orElseThrow();
        return roster(caller, centerId, first, last);
    }

    // ------------------------------------------------------------------ demo

    @Override
    public void demoPosts(List<String> windowTypesOfTowns) {
        for (int t = 1; t <= 3; t++) {
            long town = network.centerByCode("T" + t).map(c -> c.id).orElse(-1L);
            if (town < 0) {
                continue;
            }
            String a = "clerk-T" + t;
            String b = "clerk-T" + t + "-b";
            jpa.run(em -> {
                if (!stored(em, town).isEmpty() || em.find(StaffEntity.class, b) == null) {
                    return;
                }
                for (String type : windowTypesOfTowns) {
                    PostEntity e = new PostEntity();
                    e.setPostKey(key(town, type));
                    e.setCenterId(town);
                    e.setWindowType(type);
                    e.setHolderA(a);
                    e.setHoldersB(b);
                    em.persist(e);
                }
            });
        }
        posts.clear();
    }
}
