package org.yizhan.core.internal.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.Level;
import org.yizhan.api.YizhanException;
import org.yizhan.api.audit.AuditService;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.CenterInput;
import org.yizhan.api.network.ImportResultDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.network.WindowDTO;
import org.yizhan.api.network.WindowTypeDTO;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.TtlCache;
import org.yizhan.core.internal.Cluster;
import org.yizhan.core.internal.audit.AuditLog;
import org.yizhan.core.internal.entity.CaseEntity;
import org.yizhan.core.internal.entity.CenterEntity;
import org.yizhan.core.internal.entity.CenterWindowEntity;
import org.yizhan.core.internal.entity.StaffEntity;
import org.yizhan.core.internal.entity.WindowTypeEntity;

/**
 * Centers (R1), window types and the windows each center opens (R2, R3), and which center a
 * staff member belongs to. The center tree is small and read on every request, so it is kept
 * in memory and reloaded when it changes.
 */
@Component(service = {NetworkService.class, Centers.class, WindowTypes.class})
public class NetworkServiceImpl implements NetworkService, Centers, WindowTypes {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkServiceImpl.class);
    /** A center code: 1-32 letters, digits, '_' or '-'. */

    private final Jpa jpa;
    private final AuditLog audit;
    private volatile Tree tree;
    private final Cluster cluster;
    /** Window switches by center and type, read on every case a window takes. */
    private final TtlCache<String, Boolean> open;
    /** The window types whose module is installed on this node: this node's own fact, kept in memory only. */
    private final java.util.Set<String> installedHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private record Tree(Map<Long, CenterDTO> byId, Map<String, CenterDTO> byCode, Map<Long, Set<Long>> subtree) {
    }

    @Activate
    public NetworkServiceImpl(@Reference Jpa jpa,
                              @Reference AuditLog audit, @Reference Cluster cluster) {
        this.jpa = jpa;
        this.audit = audit;
        this.cluster = cluster;
        this.open = TtlCache.shared("window-switches", 10_000, cluster);
        cluster.onChange("centers", any -> tree = null);
    }


    private Tree tree() {
        Tree t = tree;
        if (t == null) {
            t = load();
            tree = t;
        }
        return t;
    }

    /** Forget the cached tree, here and on the other nodes (after centers change). */
    public void reload() {
        tree = null;
        cluster.changed("centers", null);
    }

    private Tree load() {
        List<CenterEntity> rows = jpa.read(em -> em.createQuery("SELECT c FROM CenterEntity c", CenterEntity.class).getResultList());
        Map<Long, CenterDTO> byId = new HashMap<>();
        Map<String, CenterDTO> byCode = new HashMap<>();
        for (CenterEntity e : rows) {
            CenterDTO d = toDTO(e);
            byId.put(d.id, d);
            byCode.put(d.code, d);
        }
        Map<Long, Set<Long>> subtree = new HashMap<>();
        for (CenterDTO d : byId.values()) {
            subtree.computeIfAbsent(d.id, k -> new HashSet<>()).add(d.id);
            Long p = d.parentId;
            int guard = 0;
            while (p != null && byId.containsKey(p) && guard++ < 10) {
                subtree.computeIfAbsent(p, k -> new HashSet<>()).add(d.id);
                p = byId.get(p).parentId;
            }
        }
        return new Tree(byId, byCode, subtree);
    }

    static CenterDTO toDTO(CenterEntity e) {
        CenterDTO d = new CenterDTO();
        d.id = e.getId();
        d.code = e.getCode();
        d.name = e.getName();
        d.nameEn = e.getNameEn();
        d.level = Level.valueOf(e.getLevel());
        d.parentId = e.getParentId();
        d.closed = e.isClosed() ? Boolean.TRUE : null;
        return d;
    }

    /** The open centers (closed ones are left out: they take no new cases). */
    @Override
    public List<CenterDTO> centers() {
        List<CenterDTO> list = new ArrayList<>(allCenters());
        list.removeIf(c -> Boolean.TRUE.equals(c.closed));
        return list;
    }

    /** Every center, closed ones included. */
    @Override
    public List<CenterDTO> allCenters() {
        List<CenterDTO> list = new ArrayList<>(tree().byId().values());
        list.sort(Comparator.comparing((CenterDTO c) -> -c.level.ordinal()).thenComparing(c -> c.code));
        return list;
    }

    @Override
    public Optional<CenterDTO> center(long id) {
        return Optional.ofNullable(tree().byId().get(id));
    }

    @Override
    public Optional<CenterDTO> centerByCode(String code) {
        return Optional.ofNullable(tree().byCode().get(code));
    }

    @Override
    public Set<Long> subtree(long centerId) {
        return tree().subtree().getOrDefault(centerId, Set.of());
    }

    @Override
    public Optional<CenterDTO> ancestorAt(long centerId, Level level) {
        Tree t = tree();
        CenterDTO c = t.byId().get(centerId);
        int guard = 0;
        while (c != null && guard++ < 10) {
            if (c.level == level) {
                return Optional.of(c);
            }
            c = c.parentId == null ? null : t.byId().get(c.parentId);
        }
        return Optional.empty();
    }

    @Override
    public CenterDTO createCenter(long id, String code, String name, String nameEn, Level level, Long parentId, String actor) {
        checkParent(level, parentId);
        return insert(id, code, name, nameEn, level, parentId, actor, "platform");
    }

    /** Writes a checked center and its audit entry in one transaction; {@code id} null takes the next free one. */
    private CenterDTO insert(Long id, String code, String name, String nameEn, Level level, Long parentId, String actor, String source) {
        CenterEntity e = audit.tx(em -> {
            CenterEntity c = newCenter(id != null ? id : nextId(em), code, name, nameEn, level, parentId);
            em.persist(c);
            audit.append(em, actor, AuditService.CENTER_CREATED, code, level + " " + name, source);
            return c;
        });
        reload();
        LOG.info("Center {} {} created by {} / 已新建中心", code, name, actor);
        return toDTO(e);
    }

    private static CenterEntity newCenter(long id, String code, String name, String nameEn, Level level, Long parentId) {
        CenterEntity e = new CenterEntity();
        e.setId(id);
        e.setCode(code);
        e.setName(name);
        e.setNameEn(nameEn);
        e.setLevel(level.name());
        e.setParentId(parentId);
        return e;
    }

    /** R1: every center but the county's has one open parent of the level above. */
    private void checkParent(Level level, Long parentId) {
        if (level != Level.COUNTY) {
            CenterDTO parent = parentId == null ? null : center(parentId).orElse(null);
            if (parent == null || parent.level.ordinal() != level.ordinal() + 1) {
                throw YizhanException.badInput("parentId", "A " + level + " center needs a parent one level up (R1)",
                        "除县级中心外，每个中心须有上一级的上级中心（R1）");
            }
            if (Boolean.TRUE.equals(parent.closed)) {
                throw YizhanException.badInput("parentId", "The parent " + parent.code + " is closed", "上级中心已撤销：" + parent.code);
            }
        } else if (parentId != null) {
            throw YizhanException.badInput("parentId", "The county center has no parent (R1)", "县级中心没有上级（R1）");
        } else if (tree().byId().values().stream().anyMatch(c -> c.level == Level.COUNTY)) {
            throw YizhanException.badInput("level", "There is already a county center; a network has one (R1)",
                    "已有县级中心，一个网络只有一个县级中心（R1）");
        }
    }

    private static void requireCountyAdmin(Caller caller) {
        if (!caller.has(Caller.COUNTY_ADMIN)) {
            throw YizhanException.forbidden("Only a county admin changes the network", "只有县级管理员可以调整服务网络");
        }
    }

    private static long nextId(EntityManager em) {
        Long max = em.createQuery("SELECT MAX(c.id) FROM CenterEntity c", Long.class).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    private static void checkNames(String name, String nameEn) {
        List<YizhanException.FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.trim().length() > 100) {
            errors.add(new YizhanException.FieldError("name", "name: 1-100 characters", "名称须为 1-100 个字符"));
        }
        if (nameEn != null && nameEn.trim().length() > 200) {
            errors.add(new YizhanException.FieldError("nameEn", "nameEn: at most 200 characters", "英文名称最多 200 个字符"));
        }
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public CenterDTO createCenter(Caller caller, CenterInput in) {
        requireCountyAdmin(caller);
        if (in == null) {
            throw YizhanException.badInput("body", "Send the center as JSON", "请以 JSON 提交中心信息");
        }
        if (in.code == null || !CODE.matcher(in.code).matches()) {
            throw YizhanException.badInput("code", "code: 1-32 letters, digits, '_' or '-'", "代码须为 1-32 个字母、数字、_ 或 -");
        }
        checkNames(in.name, in.nameEn);
        if (in.level == null) {
            throw YizhanException.badInput("level", "level is required: COUNTY, TOWN or VILLAGE", "level 为必填项");
        }
        if (centerByCode(in.code).isPresent()) {
            throw YizhanException.badInput("code", "The code " + in.code + " is taken", "代码已被使用：" + in.code);
        }
        checkParent(in.level, in.parentId);
        return insert(null, in.code, in.name.trim(), blankToNull(in.nameEn), in.level, in.parentId, caller.user(), caller.source());
    }

    @Override
    public CenterDTO updateCenter(Caller caller, long id, CenterInput in) {
        requireCountyAdmin(caller);
        CenterDTO now = center(id).orElseThrow(() -> YizhanException.notFound("No center " + id, "中心不存在：" + id));
        if (in == null) {
            throw YizhanException.badInput("body", "Send the new names as JSON", "请以 JSON 提交新名称");
        }
        if ((in.code != null && !in.code.equals(now.code)) || (in.level != null && in.level != now.level)
                || (in.parentId != null && !in.parentId.equals(now.parentId))) {
            String field = in.code != null && !in.code.equals(now.code) ? "code" : in.level != null && in.level != now.level ? "level" : "parentId";
            throw YizhanException.badInput(field, "Only name and nameEn of a center can change", "中心只能修改名称");
        }
        String name = in.name != null ? in.name : now.name;
        String nameEn = in.nameEn != null ? in.nameEn : now.nameEn;
        checkNames(name, nameEn);
        CenterEntity e = audit.tx(em -> {
            CenterEntity c = em.find(CenterEntity.class, id);
            String before = c.getName();
            c.setName(name.trim());
            c.setNameEn(blankToNull(nameEn));
            audit.append(em, caller.user(), AuditService.CENTER_CHANGED, c.getCode(), before + " -> " + c.getName(), caller.source());
            return c;
        });
        reload();
        return toDTO(e);
    }

    @Override
    public CenterDTO closeCenter(Caller caller, long id) {
        requireCountyAdmin(caller);
        CenterDTO now = center(id).orElseThrow(() -> YizhanException.notFound("No center " + id, "中心不存在：" + id));
        if (Boolean.TRUE.equals(now.closed)) {
            return now;
        }
        long openChildren = tree().byId().values().stream()
                .filter(c -> Long.valueOf(id).equals(c.parentId) && !Boolean.TRUE.equals(c.closed)).count();
        CenterEntity e = audit.tx(em -> {
            long open = em.createQuery("SELECT COUNT(c) FROM CaseEntity c WHERE (c.centerId = :id OR c.decidingCenterId = :id)"
                            + " AND c.status NOT IN ('DELIVERED', 'NOT_ACCEPTED', 'WITHDRAWN')", Long.class)
                    .setParameter("id", id).getSingleResult();
            if (open > 0 || openChildren > 0) {
                throw YizhanException.refused("id", "Center " + now.code + " cannot be closed: " + open + " open case(s), "
                                + openChildren + " open center(s) below it",
                        "中心 " + now.code + " 不能撤销：仍有 " + open + " 件未办结的办件、" + openChildren + " 个未撤销的下级中心");
            }
            CenterEntity c = em.find(CenterEntity.class, id);
            c.setClosed(true);
            c.setClosedAtMillis(System.currentTimeMillis());
            audit.append(em, caller.user(), AuditService.CENTER_CLOSED, c.getCode(), c.getName(), caller.source());
            return c;
        });
        reload();
        open.clear();
        LOG.info("Center {} closed by {} / 中心已撤销", now.code, caller.user());
        return toDTO(e);
    }

    @Override
    public ImportResultDTO importCenters(Caller caller, String csv) {
        requireCountyAdmin(caller);
        ImportResultDTO result = audit.tx(em -> {
            // checked against the database inside the transaction, so the plan and the writes see the same network
            Map<String, CenterDTO> byCode = new HashMap<>();
            Map<Long, CenterDTO> byId = new HashMap<>();
            for (CenterEntity c : em.createQuery("SELECT c FROM CenterEntity c", CenterEntity.class).getResultList()) {
                CenterDTO d = toDTO(c);
                byCode.put(d.code, d);
                byId.put(d.id, d);
            }
            CenterImport.Plan plan = CenterImport.plan(csv, byCode, byId);
            long next = nextId(em);
            Map<String, Long> ids = new HashMap<>();
            byCode.forEach((code, c) -> ids.put(code, c.id));
            for (CenterImport.Row r : plan.create()) {
                long id = next++;
                Long parent = r.parentCode() == null ? null : ids.get(r.parentCode());
                em.persist(newCenter(id, r.code(), r.name(), r.nameEn(), r.level(), parent));
                ids.put(r.code(), id);
            }
            for (CenterImport.Row r : plan.rename()) {
                CenterEntity c = em.find(CenterEntity.class, byCode.get(r.code()).id);
                c.setName(r.name());
                c.setNameEn(r.nameEn());
            }
            ImportResultDTO out = new ImportResultDTO();
            out.created = plan.create().size();
            out.updated = plan.rename().size();
            out.unchanged = plan.unchanged();
            if (out.created + out.updated > 0) {
                audit.append(em, caller.user(), AuditService.CENTERS_IMPORTED, "network",
                        "created=" + out.created + " updated=" + out.updated + " unchanged=" + out.unchanged, caller.source());
            }
            return out;
        });
        reload();
        LOG.info("Network import by {}: {} created, {} updated, {} unchanged / 网络导入完成", caller.user(),
                result.created, result.updated, result.unchanged);
        return result;
    }

    // ------------------------------------------------------------------ window types and windows

    public List<WindowTypeDTO> windowTypes() {
        return jpa.read(em -> em.createQuery("SELECT w FROM WindowTypeEntity w ORDER BY w.type", WindowTypeEntity.class)
                .getResultList().stream().map(NetworkServiceImpl::toDTO).toList());
    }

    @Override
    public Optional<WindowTypeDTO> windowType(String type) {
        if (type == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(jpa.read(em -> em.find(WindowTypeEntity.class, type))).map(NetworkServiceImpl::toDTO);
    }

    static WindowTypeDTO toDTO(WindowTypeEntity e) {
        WindowTypeDTO d = new WindowTypeDTO();
        d.type = e.getType();
        d.name = e.getName();
        d.nameEn = e.getNameEn();
        d.special = e.isSpecial();
        d.standard = e.isStandard();
        return d;
    }

    @Override
    public void registerWindowType(WindowTypeDTO type, boolean available) {
        boolean changed = jpa.tx(em -> {
            WindowTypeEntity e = em.find(WindowTypeEntity.class, type.type);
            // new, or its default switch (special windows start off) changed: what was cached of it is wrong
            boolean fresh = e == null || e.isSpecial() != type.special;
            if (e == null) {
                e = new WindowTypeEntity();
                e.setType(type.type);
                em.persist(e);
            }
            e.setName(type.name);
            e.setNameEn(type.nameEn);
            e.setSpecial(type.special);
            e.setStandard(type.standard);
            if (available) {
                // the column records that some node has had the module; whether this node has it is installedHere
                e.setAvailable(true);
            }
            return fresh;
        });
        setWindowTypeAvailable(type.type, available);
        if (changed) {
            // forget what was cached of it (as absent, or with the old default), here and on the other nodes
            open.clear();
        }
    }

    @Override
    public void markAllWindowTypesUnavailable() {
        installedHere.clear();
    }

    @Override
    public void setWindowTypeAvailable(String type, boolean available) {
        if (available) {
            installedHere.add(type);
        } else {
            installedHere.remove(type);
        }
    }

    @Override
    public List<WindowDTO> windows(long centerId) {
        if (center(centerId).isEmpty()) {
            throw YizhanException.notFound("No center " + centerId, "中心不存在：" + centerId);
        }
        return jpa.read(em -> {
            Map<String, CenterWindowEntity> settings = new HashMap<>();
            for (CenterWindowEntity w : em.createQuery("SELECT w FROM CenterWindowEntity w WHERE w.centerId = :c",
                    CenterWindowEntity.class).setParameter("c", centerId).getResultList()) {
                settings.put(w.getType(), w);
            }
            List<WindowDTO> list = new ArrayList<>();
            for (WindowTypeEntity t : em.createQuery("SELECT w FROM WindowTypeEntity w ORDER BY w.type",
                    WindowTypeEntity.class).getResultList()) {
                list.add(window(t, settings.get(t.getType())));
            }
            return list;
        });
    }

    private WindowDTO window(WindowTypeEntity t, CenterWindowEntity setting) {
        WindowDTO d = new WindowDTO();
        d.type = t.getType();
        d.name = t.getName();
        d.nameEn = t.getNameEn();
        d.special = t.isSpecial();
        d.available = installedHere.contains(t.getType());
        d.enabled = setting != null ? setting.isEnabled() : !t.isSpecial();
        return d;
    }

    @Override
    public WindowDTO setWindowEnabled(Caller caller, long centerId, String type, boolean enabled) {
        CenterDTO center = center(centerId).orElseThrow(() -> YizhanException.notFound("No center " + centerId, "中心不存在：" + centerId));
        boolean allowed = caller.has(Caller.COUNTY_ADMIN)
                || (caller.has(Caller.TOWN_ADMIN) && caller.centerId() == centerId);
        if (!allowed) {
            throw YizhanException.forbidden("Only the town admin of " + center.code + " or a county admin may switch its windows",
                    "只有本中心的乡镇管理员或县级管理员可以开关窗口");
        }
        WindowDTO result = audit.tx(em -> {
            WindowTypeEntity t = em.find(WindowTypeEntity.class, type);
            if (t == null) {
                throw YizhanException.notFound("No window type " + type, "无此窗口类型：" + type);
            }
            String key = CenterWindowEntity.key(centerId, type);
            CenterWindowEntity w = em.find(CenterWindowEntity.class, key);
            if (w == null) {
                w = new CenterWindowEntity();
                w.setId(key);
                w.setCenterId(centerId);
                w.setType(type);
                em.persist(w);
            }
            w.setEnabled(enabled);
            w.setChangedBy(caller.user());
            w.setChangedAtMillis(System.currentTimeMillis());
            audit.append(em, caller.user(), AuditService.WINDOW_SWITCHED, center.code + "/" + type,
                    enabled ? "enabled" : "disabled", caller.source());
            return window(t, w);
        });
        open.invalidate(CenterWindowEntity.key(centerId, type));
        LOG.info("Window {} {} at center {} by {} / 窗口{}", type, enabled ? "enabled" : "disabled", center.code,
                caller.user(), enabled ? "已开启" : "已关闭");
        return result;
    }

    @Override
    public void presetWindow(long centerId, String type, boolean enabled) {
        jpa.run(em -> {
            String key = CenterWindowEntity.key(centerId, type);
            if (em.find(CenterWindowEntity.class, key) == null) {
                CenterWindowEntity w = new CenterWindowEntity();
                w.setId(key);
                w.setCenterId(centerId);
                w.setType(type);
                w.setEnabled(enabled);
                w.setChangedBy("demo");
                w.setChangedAtMillis(System.currentTimeMillis());
                em.persist(w);
            }
        });
        open.invalidate(CenterWindowEntity.key(centerId, type));
    }

    @Override
    public boolean windowOpen(long centerId, String type) {
        CenterDTO c = tree().byId().get(centerId);
        if (c == null || Boolean.TRUE.equals(c.closed)) {
            return false;
        }
        return installedHere.contains(type)
                && open.get(CenterWindowEntity.key(centerId, type), k -> jpa.read(em -> windowSwitchedOn(em, centerId, type)));
    }

    /** The center's switch of a window type the database knows (whether this node has its module is {@link #installedHere}). */
    static boolean windowSwitchedOn(EntityManager em, long centerId, String type) {
        WindowTypeEntity t = em.find(WindowTypeEntity.class, type);
        if (t == null) {
            return false;
        }
        CenterWindowEntity w = em.find(CenterWindowEntity.class, CenterWindowEntity.key(centerId, type));
        return w != null ? w.isEnabled() : !t.isSpecial();
    }

    /** The center of a staff account (accounts are kept by {@code AccountServiceImpl}, which caches what sign-in needs). */
    @Override
    public Optional<Long> staffCenter(String user) {
        return Optional.ofNullable(user == null ? null : jpa.read(em -> em.find(StaffEntity.class, user))).map(StaffEntity::getCenterId);
    }
}
