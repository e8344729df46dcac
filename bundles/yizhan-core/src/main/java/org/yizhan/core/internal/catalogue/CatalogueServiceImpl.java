package org.yizhan.core.internal.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Level;
import org.yizhan.api.YizhanException;
import org.yizhan.api.catalogue.CatalogueService;
import org.yizhan.api.catalogue.Category;
import org.yizhan.api.catalogue.FeeDTO;
import org.yizhan.api.catalogue.HandlingClass;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.catalogue.MaterialDTO;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.TtlCache;
import org.yizhan.core.internal.Cluster;
import org.yizhan.core.internal.entity.ItemEntity;
import org.yizhan.core.internal.entity.ItemMaterial;
import org.yizhan.api.network.NetworkService;
import org.yizhan.core.internal.common.Codes;

/**
 * The catalogue of service items (R6), versioned (R29): publishing a changed definition adds a
 * version; cases keep the version they were accepted under.
 */
@Component(service = {CatalogueService.class, ItemPublisher.class})
public class CatalogueServiceImpl implements CatalogueService, ItemPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueServiceImpl.class);

    private final Jpa jpa;
    private final NetworkService network;
    /** Current versions, by code; another node's publication shows within the TTL. */
    private final TtlCache<String, Optional<ItemDTO>> current;
    /** Published versions never change. */
    private final java.util.Map<String, ItemDTO> versions = new java.util.concurrent.ConcurrentHashMap<>();

    @Activate
    public CatalogueServiceImpl(@Reference Jpa jpa, @Reference NetworkService network, @Reference Cluster cluster) {
        this.network = network;
        this.jpa = jpa;
        this.current = TtlCache.shared("items", 10_000, cluster);
    }

    @Override
    public List<ItemDTO> itemsAt(long centerId) {
        CenterDTO center = network.center(centerId).orElseThrow(() ->
                YizhanException.notFound("No center " + centerId, "中心不存在：" + centerId));
        List<ItemDTO> open = new ArrayList<>();
        for (ItemDTO item : items()) {
            if (item.acceptLevels.contains(center.level) && network.windowOpen(centerId, item.windowType)) {
                open.add(item);
            }
        }
        return open;
    }

    @Override
    public List<ItemDTO> items() {
        return jpa.read(em -> em.createQuery("SELECT i FROM ItemEntity i WHERE i.current = true ORDER BY i.code",
                ItemEntity.class).getResultList().stream().map(CatalogueServiceImpl::toDTO).toList());
    }

    @Override
    public Optional<ItemDTO> item(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return current.get(code, c -> jpa.read(em -> em.createQuery(
                "SELECT i FROM ItemEntity i WHERE i.code = :c AND i.current = true", ItemEntity.class)
                .setParameter("c", c).getResultList().stream().findFirst().map(CatalogueServiceImpl::toDTO)))
                .map(CatalogueServiceImpl::copy);
    }

    @Override
    public Optional<ItemDTO> item(String code, int version) {
        String key = ItemEntity.key(code, version);
        ItemDTO cached = versions.get(key);
        if (cached != null) {
            return Optional.of(copy(cached));
        }
        Optional<ItemDTO> loaded = Optional.ofNullable(jpa.read(em -> em.find(ItemEntity.class, key)))
                .map(CatalogueServiceImpl::toDTO);
        loaded.ifPresent(i -> versions.put(key, copy(i)));
        return loaded;
    }

    @Override
    public int publish(ItemDTO item) {
        return publish(item, "api");
    }

    /** Publishes an item definition from a source (a window module's bundle and version). */
    @Override
    public int publish(ItemDTO item, String source) {
        validate(item);
        try {
            return publishVersion(item, source);
        } finally {
            current.invalidate(item.code);
        }
    }

    private int publishVersion(ItemDTO item, String source) {
        return jpa.tx(em -> {
            List<ItemEntity> versions = em.createQuery("SELECT i FROM ItemEntity i WHERE i.code = :c ORDER BY i.version DESC",
                    ItemEntity.class).setParameter("c", item.code).getResultList();
            ItemEntity current = versions.stream().filter(ItemEntity::isCurrent).findFirst().orElse(null);
            if (current != null && fingerprint(toDTO(current)).equals(fingerprint(item))) {
                return current.getVersion();
            }
            int version = versions.isEmpty() ? 1 : versions.get(0).getVersion() + 1;
            for (ItemEntity v : versions) {
                if (v.isCurrent()) {
                    v.setCurrent(false);
                }
            }
            ItemEntity e = toEntity(item, version);
            e.setSource(source);
            em.persist(e);
            LOG.info("Catalogue: item {} version {} published / 事项已发布: {}", item.code, version, item.name);
            return version;
        });
    }

    static void validate(ItemDTO item) {
        if (item.code == null || !item.code.matches("[A-Za-z0-9._-]{1,64}")) {
            throw YizhanException.badInput("code", "Item code must be 1-64 letters, digits, '.', '_' or '-'", "事项编码格式错误");
        }
        if (item.name == null || item.name.isBlank()) {
            throw YizhanException.badInput("name", "Item name is required", "事项名称不能为空");
        }
        if (item.windowType == null || item.handlingClass == null || item.category == null
                || item.decideLevel == null || item.acceptLevels == null || item.acceptLevels.isEmpty()) {
            throw YizhanException.badInput("windowType", "windowType, handlingClass, category, acceptLevels and decideLevel are required",
                    "窗口、办件类型、类别、受理层级和决定层级均为必填");
        }
        for (Level l : item.acceptLevels) {
            if (l.above(item.decideLevel)) {
                throw YizhanException.badInput("acceptLevels", "An item cannot be accepted above the level that decides it",
                        "受理层级不能高于决定层级");
            }
        }
    }

    /** Everything that defines an item except its version: two definitions with the same fingerprint are the same. */
    static String fingerprint(ItemDTO i) {
        StringBuilder sb = new StringBuilder();
        for (Object o : Arrays.asList(i.code, i.name, i.nameEn, i.windowType, i.handlingClass, i.category, i.promisedDays,
                i.legalDays, i.acceptLevels, i.decideLevel, i.implementingBody, i.legalBasis, i.conditions, i.procedure,
                i.contact, i.fee == null ? null : i.fee.standard, i.fee == null ? null : i.fee.basis,
                i.fee == null ? 0 : i.fee.amountFen, i.jointWindows)) {
            sb.append(Objects.toString(o, "")).append('\u001f');
        }
        if (i.chiefOnTheSpot) {
            sb.append("chief-on-the-spot").append('\u001f');   // only when set: earlier items keep their fingerprints
        }
        for (MaterialDTO m : i.materials) {
            sb.append(m.code).append(':').append(m.name).append(':').append(m.required).append(':')
                    .append(Objects.toString(m.sample, "")).append('\u001e');
        }
        return sb.toString();
    }

    static ItemEntity toEntity(ItemDTO d, int version) {
        ItemEntity e = new ItemEntity();
        e.setId(ItemEntity.key(d.code, version));
        e.setCode(d.code);
        e.setVersion(version);
        e.setCurrent(true);
        e.setName(d.name);
        e.setNameEn(d.nameEn);
        e.setWindowType(d.windowType);
        e.setHandlingClass(d.handlingClass.name());
        e.setCategory(d.category.name());
        e.setPromisedDays(d.promisedDays);
        e.setChiefOnTheSpot(d.chiefOnTheSpot);
        e.setLegalDays(d.legalDays);
        e.setAcceptLevels(d.acceptLevels.stream().map(Level::name).collect(Collectors.joining(",")));
        e.setDecideLevel(d.decideLevel.name());
        e.setImplementingBody(d.implementingBody);
        e.setLegalBasis(d.legalBasis);
        e.setConditions(d.conditions);
        e.setProcedure(d.procedure);
        e.setContact(d.contact);
        if (d.fee != null) {
            e.setFeeStandard(d.fee.standard);
            e.setFeeBasis(d.fee.basis);
            e.setFeeAmountFen(d.fee.amountFen);
        }
        e.setJointWindows(String.join(",", d.jointWindows));
        List<ItemMaterial> materials = new ArrayList<>();
        for (MaterialDTO m : d.materials) {
            ItemMaterial im = new ItemMaterial();
            im.setCode(m.code);
            im.setName(m.name);
            im.setRequired(m.required);
            im.setSample(m.sample);
            materials.add(im);
        }
        e.setMaterials(materials);
        return e;
    }

    public static ItemDTO toDTO(ItemEntity e) {
        ItemDTO d = new ItemDTO();
        d.code = e.getCode();
        d.version = e.getVersion();
        d.name = e.getName();
        d.nameEn = e.getNameEn();
        d.windowType = e.getWindowType();
        d.handlingClass = HandlingClass.valueOf(e.getHandlingClass());
        d.category = Category.valueOf(e.getCategory());
        d.promisedDays = e.getPromisedDays();
        d.chiefOnTheSpot = e.isChiefOnTheSpot();
        d.legalDays = e.getLegalDays();
        d.acceptLevels = Codes.split(e.getAcceptLevels()).stream().map(Level::valueOf).collect(Collectors.toList());
        d.decideLevel = Level.valueOf(e.getDecideLevel());
        d.implementingBody = e.getImplementingBody();
        d.legalBasis = e.getLegalBasis();
        d.conditions = e.getConditions();
        d.procedure = e.getProcedure();
        d.contact = e.getContact();
        d.fee = new FeeDTO(e.getFeeStandard(), e.getFeeBasis(), e.getFeeAmountFen());
        d.jointWindows = new ArrayList<>(Codes.split(e.getJointWindows()));
        for (ItemMaterial m : e.getMaterials()) {
            MaterialDTO md = new MaterialDTO(m.getCode(), m.getName(), m.isRequired());
            md.sample = m.getSample();
            d.materials.add(md);
        }
        return d;
    }

    /** A deep copy: cached definitions are never handed out to be changed. */
    static ItemDTO copy(ItemDTO i) {
        ItemDTO d = new ItemDTO();
        d.code = i.code;
        d.version = i.version;
        d.name = i.name;
        d.nameEn = i.nameEn;
        d.windowType = i.windowType;
        d.handlingClass = i.handlingClass;
        d.category = i.category;
        d.promisedDays = i.promisedDays;
        d.legalDays = i.legalDays;
        d.acceptLevels = new ArrayList<>(i.acceptLevels);
        d.decideLevel = i.decideLevel;
        d.implementingBody = i.implementingBody;
        d.legalBasis = i.legalBasis;
        d.conditions = i.conditions;
        d.procedure = i.procedure;
        d.contact = i.contact;
        d.fee = i.fee == null ? null : new FeeDTO(i.fee.standard, i.fee.basis, i.fee.amountFen);
        for (MaterialDTO m : i.materials) {
            MaterialDTO c = new MaterialDTO(m.code, m.name, m.required);
            c.sample = m.sample;
            d.materials.add(c);
        }
        d.jointWindows = new ArrayList<>(i.jointWindows);
        d.chiefOnTheSpot = i.chiefOnTheSpot;
        return d;
    }
}
