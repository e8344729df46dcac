package org.yizhan.core.internal.entity;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** One version of a service item (R6, R29). Versions are never changed once cases use them. */
@Entity
@Table(name = "YZ_ITEM", uniqueConstraints = @UniqueConstraint(columnNames = {"code", "version"}))
public class ItemEntity {
    /** code + '@' + version */
    @Id
    @Column(length = 100)
    private String id;
    @Column(nullable = false, length = 64)
    private String code;
    private int version;
    /** The version new cases get. */
    private boolean current;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(length = 300)
    private String nameEn;
    @Column(nullable = false, length = 64)
    private String windowType;
    @Column(length = 20)
    private String handlingClass;
    @Column(length = 30)
    private String category;
    private int promisedDays;
    /** R4: the window's chief representative may approve it on the spot. */
    private boolean chiefOnTheSpot;

    public boolean isChiefOnTheSpot() {
        return chiefOnTheSpot;
    }

    public void setChiefOnTheSpot(boolean chiefOnTheSpot) {
        this.chiefOnTheSpot = chiefOnTheSpot;
    }
    private int legalDays;
    /** Comma-separated levels. */
    @Column(length = 40)
    private String acceptLevels;
    @Column(length = 10)
    private String decideLevel;
    @Column(length = 300)
    private String implementingBody;
    @Column(length = 2000)
    private String legalBasis;
    @Column(length = 2000)
    private String conditions;
    @Column(length = 2000)
    private String procedure;
    @Column(length = 300)
    private String contact;
    @Column(length = 300)
    private String feeStandard;
    @Column(length = 500)
    private String feeBasis;
    private long feeAmountFen;
    /** Comma-separated window types (joint items). */
    @Column(length = 500)
    private String jointWindows;
    /** Which module published it (or "core" for built-in items). */
    @Column(length = 100)
    private String source;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "YZ_ITEM_MATERIAL", joinColumns = @JoinColumn(name = "ITEM_ID"))
    @OrderColumn(name = "POS")
    private List<ItemMaterial> materials = new ArrayList<>();

    public static String key(String code, int version) {
        return code + "@" + version;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public boolean isCurrent() {
        return current;
    }

    public void setCurrent(boolean current) {
        this.current = current;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getWindowType() {
        return windowType;
    }

    public void setWindowType(String windowType) {
        this.windowType = windowType;
    }

    public String getHandlingClass() {
        return handlingClass;
    }

    public void setHandlingClass(String handlingClass) {
        this.handlingClass = handlingClass;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public int getPromisedDays() {
        return promisedDays;
    }

    public void setPromisedDays(int promisedDays) {
        this.promisedDays = promisedDays;
    }

    public int getLegalDays() {
        return legalDays;
    }

    public void setLegalDays(int legalDays) {
        this.legalDays = legalDays;
    }

    public String getAcceptLevels() {
        return acceptLevels;
    }

    public void setAcceptLevels(String acceptLevels) {
        this.acceptLevels = acceptLevels;
    }

    public String getDecideLevel() {
        return decideLevel;
    }

    public void setDecideLevel(String decideLevel) {
        this.decideLevel = decideLevel;
    }

    public String getImplementingBody() {
        return implementingBody;
    }

    public void setImplementingBody(String implementingBody) {
        this.implementingBody = implementingBody;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public String getConditions() {
        return conditions;
    }

    public void setConditions(String conditions) {
        this.conditions = conditions;
    }

    public String getProcedure() {
        return procedure;
    }

    public void setProcedure(String procedure) {
        this.procedure = procedure;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getFeeStandard() {
        return feeStandard;
    }

    public void setFeeStandard(String feeStandard) {
        this.feeStandard = feeStandard;
    }

    public String getFeeBasis() {
        return feeBasis;
    }

    public void setFeeBasis(String feeBasis) {
        this.feeBasis = feeBasis;
    }

    public long getFeeAmountFen() {
        return feeAmountFen;
    }

    public void setFeeAmountFen(long feeAmountFen) {
        this.feeAmountFen = feeAmountFen;
    }

    public String getJointWindows() {
        return jointWindows;
    }

    public void setJointWindows(String jointWindows) {
        this.jointWindows = jointWindows;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public List<ItemMaterial> getMaterials() {
        return materials;
    }

    public void setMaterials(List<ItemMaterial> materials) {
        this.materials = materials;
    }
}
