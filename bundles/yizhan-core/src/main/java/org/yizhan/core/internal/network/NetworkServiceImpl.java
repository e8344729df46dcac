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
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.Level;
import org.yizhan.api.YizhanException;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.network.WindowDTO;
import org.yizhan.api.network.WindowTypeDTO;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.TtlCache;
import org.yizhan.core.internal.entity.CenterEntity;
import org.yizhan.core.internal.entity.CenterWindowEntity;
import org.yizhan.core.internal.entity.StaffEntity;
import org.yizhan.core.internal.entity.WindowTypeEntity;

/**
 * Centers (R1), window types and the windows each center opens (R2, R3), and which center a
 * staff member belongs to. The center tree is small and read on every request, so it is kept
 * in memory and reloaded when it changes.
 */
@Component(service = {NetworkService.class, NetworkServiceImpl.class})
public class NetworkServiceImpl implements NetworkService {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkServiceImpl.class);

    private final Jpa jpa;
    private volatile Tree tree;
    private final TtlCache<String, Boolean> open = new TtlCache<>(10_000);
    private final TtlCache<String, Optional<Long>> staff = new TtlCache<>(30_000);

    private record Tree(Map<Long, CenterDTO> byId, Map<String, CenterDTO> byCode, Map<Long, Set<Long>> subtree) {
    }

    @Activate
    public NetworkServiceImpl(@Reference(target = "(osgi.unit.name=yizhan)") EntityManagerFactory emf) {
        this.jpa = new Jpa(emf);
    }

    public Jpa jpa() {
        return jpa;
    }

    private Tree tree() {
        Tree t = tree;
        if (t == null) {
            t = load();
            tree = t;
        }
        return t;
    }

    /** Forget the cached tree (after centers change). */
    public void reload() {
        tree = null;
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
        return d;
    }

    @Override
    public List<CenterDTO> centers() {
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

    /** Creates a center (R1: every center but the county's has one parent of the level above). */
    public CenterDTO createCenter(long id, String code, String name, String nameEn, Level level, Long parentId) {
        if (level != Level.COUNTY) {
            CenterDTO parent = parentId == null ? null : center(parentId).orElse(null);
            if (parent == null || parent.level.ordinal() != level.ordinal() + 1) {
                throw YizhanException.badInput("parentId", "A " + level + " center needs a parent one level up (R1)",
                        "除县级中心外，每个中心须有上一级的上级中心（R1）");
            }
        } else if (parentId != null) {
            throw YizhanException.badInput("parentId", "The county center has no parent (R1)", "县级中心没有上级（R1）");
        }
        CenterEntity e = new CenterEntity();
        e.setId(id);
        e.setCode(code);
        e.setName(name);
        e.setNameEn(nameEn);
        e.setLevel(level.name());
        e.setParentId(parentId);
        jpa.run(em -> em.persist(e));
        reload();
        return toDTO(e);
    }

    // ------------------------------------------------------------------ window types and windows

    public List<WindowTypeDTO> windowTypes() {
        return jpa.read(em -> em.createQuery("SELECT w FROM WindowTypeEntity w ORDER BY w.type", WindowTypeEntity.class)
                .getResultList().stream().map(NetworkServiceImpl::toDTO).toList());
    }

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

    /** Registers or updates a window type; {@code available} says whether its module is installed. */
    public void registerWindowType(WindowTypeDTO type, boolean available) {
        jpa.run(em -> {
            WindowTypeEntity e = em.find(WindowTypeEntity.class, type.type);
            if (e == null) {
                e = new WindowTypeEntity();
                e.setType(type.type);
                em.persist(e);
            }
            e.setName(type.name);
            e.setNameEn(type.nameEn);
            e.setSpecial(type.special);
            e.setStandard(type.standard);
            e.setAvailable(available);
        });
        open.clear();
    }

    /** At start, before modules bind: nothing is available until its module says so. */
    public void markAllWindowTypesUnavailable() {
        jpa.run(em -> em.createQuery("UPDATE WindowTypeEntity w SET w.available = false").executeUpdate());
        open.clear();
    }

    public void setWindowTypeAvailable(String type, boolean available) {
        jpa.run(em -> {
            WindowTypeEntity e = em.find(WindowTypeEntity.class, type);
            if (e != null) {
                e.setAvailable(available);
            }
        });
        open.clear();
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

    private static WindowDTO window(WindowTypeEntity t, CenterWindowEntity setting) {
        WindowDTO d = new WindowDTO();
        d.type = t.getType();
        d.name = t.getName();
        d.nameEn = t.getNameEn();
        d.special = t.isSpecial();
        d.available = t.isAvailable();
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
        WindowDTO result = jpa.tx(em -> {
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
            return window(t, w);
        });
        open.invalidate(CenterWindowEntity.key(centerId, type));
        LOG.info("Window {} {} at center {} by {} / 窗口{}", type, enabled ? "enabled" : "disabled", center.code,
                caller.user(), enabled ? "已开启" : "已关闭");
        return result;
    }

    /** Sets a window's switch at a center unless someone already set it (demo data); the type need not be installed yet. */
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
        return open.get(CenterWindowEntity.key(centerId, type), k -> jpa.read(em -> windowOpen(em, centerId, type)));
    }

    static boolean windowOpen(EntityManager em, long centerId, String type) {
        WindowTypeEntity t = em.find(WindowTypeEntity.class, type);
        if (t == null || !t.isAvailable()) {
            return false;
        }
        CenterWindowEntity w = em.find(CenterWindowEntity.class, CenterWindowEntity.key(centerId, type));
        return w != null ? w.isEnabled() : !t.isSpecial();
    }

    @Override
    public Optional<Long> staffCenter(String user) {
        return staff.get(user, u -> Optional.ofNullable(jpa.read(em -> em.find(StaffEntity.class, u))).map(StaffEntity::getCenterId));
    }

    /** Assigns a staff member to a center (creates or moves). */
    public void assignStaff(String user, long centerId, String displayName) {
        jpa.run(em -> {
            StaffEntity s = em.find(StaffEntity.class, user);
            if (s == null) {
                s = new StaffEntity();
                s.setUsername(user);
                em.persist(s);
            }
            s.setCenterId(centerId);
            s.setDisplayName(displayName);
        });
        staff.invalidate(user);
    }
}
