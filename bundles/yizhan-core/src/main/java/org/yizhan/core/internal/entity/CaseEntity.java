package org.yizhan.core.internal.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/** A case (办件). Its history is in {@link CaseEventEntity}, chained by hash. */
@Entity
@Table(name = "YZ_CASE", indexes = {
        @Index(name = "YZ_CASE_CENTER", columnList = "centerId,status"),
        @Index(name = "YZ_CASE_DECIDING", columnList = "decidingCenterId,status"),
        // e-supervision: a scan's UPDATEs are exact ranges of these (status, level, date) indexes, so
        // they touch only the rows whose level is wrong; the alert list walks YZ_CASE_ALERTS in order
        @Index(name = "YZ_CASE_RUN_PROMISED", columnList = "status,alertLevel,promisedDate"),
        @Index(name = "YZ_CASE_RUN_YELLOW", columnList = "status,alertLevel,yellowDate"),
        @Index(name = "YZ_CASE_RUN_JOINT", columnList = "status,jointDeadline"),
        // completion and on-time rates read this index only
        @Index(name = "YZ_CASE_RATES", columnList = "acceptedAtMillis,decidingCenterId,windowType,decidedAtMillis,onTime"),
        @Index(name = "YZ_CASE_ALERTS", columnList = "alertLevel,urgent,promisedDate,number,decidingCenterId,centerId")})
public class CaseEntity {
    @Id
    @Column(length = 40)
    private String number;
    @Column(nullable = false, length = 16)
    private String lookupCode;
    @Column(nullable = false, length = 64)
    private String itemCode;
    private int itemVersion;
    @Column(length = 200)
    private String itemName;
    private long centerId;
    private long decidingCenterId;
    @Column(nullable = false, length = 64)
    private String windowType;
    @Column(length = 20)
    private String handlingClass;
    @Column(nullable = false, length = 24)
    private String status;
    private boolean urgent;

    @Column(length = 100)
    private String applicantName;
    @Column(length = 20)
    private String applicantIdType;
    @Column(length = 40)
    private String applicantIdNumber;
    @Column(length = 30)
    private String applicantPhone;

    /** Comma-separated material codes. */
    @Column(length = 2000)
    private String materials;
    @Column(length = 2000)
    private String missingMaterials;
    @Column(length = 2000)
    private String noticeMaterials;
    @Column(length = 500)
    private String jointWindows;

    private long createdAtMillis;
    @Column(length = 64)
    private String createdBy;
    private Long acceptedAtMillis;
    /** YYYY-MM-DD */
    @Column(length = 10)
    private String promisedDate;
    private boolean promisedDateEstimated;
    @Column(length = 24)
    private String pauseKind;
    @Column(length = 24)
    private String pausedFrom;
    @Column(length = 10)
    private String pausedOn;
    @Column(length = 64)
    private String firstInquiryStaff;
    @Column(length = 1000)
    private String notAcceptedReason;
    @Column(length = 200)
    private String redirectTo;
    private long updatedAtMillis;

    /** How many events the history holds, and the last one's hash: truncation shows too. */
    private int eventCount;
    @Column(length = 64)
    private String lastHash;

    @Version
    private int optLock;

    /** E-supervision (R20): YELLOW, RED or null; kept up to date by the supervision scan. */
    @Column(length = 8)
    private String alertLevel;
    /** The day from which the case is yellow (its center's thresholds), YYYY-MM-DD. */
    @Column(length = 10)
    private String yellowDate;
    /** When the decision (approve/deny) was made, and whether it was by the promised date. */
    private Long decidedAtMillis;
    private Boolean onTime;
    /** Joint cases (R14): the day by which every joint window must have given its opinion. */
    @Column(length = 10)
    private String jointDeadline;
    @Column(length = 10)
    private String relayDue;


    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "YZ_CASE_ATTRIBUTE", joinColumns = @JoinColumn(name = "CASE_NUMBER"))
    @MapKeyColumn(name = "NAME", length = 100)
    @Column(name = "VAL", length = 2000)
    private Map<String, String> attributes = new LinkedHashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "YZ_CASE_FEE", joinColumns = @JoinColumn(name = "CASE_NUMBER"))
    @OrderColumn(name = "POS")
    private List<FeeRecord> fees = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "YZ_CASE_OPINION", joinColumns = @JoinColumn(name = "CASE_NUMBER"))
    @OrderColumn(name = "POS")
    private List<Opinion> opinions = new ArrayList<>();

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getLookupCode() {
        return lookupCode;
    }

    public void setLookupCode(String lookupCode) {
        this.lookupCode = lookupCode;
    }

    public String getItemCode() {
        return itemCode;
    }

    public void setItemCode(String itemCode) {
        this.itemCode = itemCode;
    }

    public int getItemVersion() {
        return itemVersion;
    }

    public void setItemVersion(int itemVersion) {
        this.itemVersion = itemVersion;
    }

    public String getItemName() {
        return itemName;
    }

    public void setItemName(String itemName) {
        this.itemName = itemName;
    }

    public long getCenterId() {
        return centerId;
    }

    public void setCenterId(long centerId) {
        this.centerId = centerId;
    }

    public long getDecidingCenterId() {
        return decidingCenterId;
    }

    public void setDecidingCenterId(long decidingCenterId) {
        this.decidingCenterId = decidingCenterId;
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

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public void setUrgent(boolean urgent) {
        this.urgent = urgent;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public void setApplicantName(String applicantName) {
        this.applicantName = applicantName;
    }

    public String getApplicantIdType() {
        return applicantIdType;
    }

    public void setApplicantIdType(String applicantIdType) {
        this.applicantIdType = applicantIdType;
    }

    public String getApplicantIdNumber() {
        return applicantIdNumber;
    }

    public void setApplicantIdNumber(String applicantIdNumber) {
        this.applicantIdNumber = applicantIdNumber;
    }

    public String getApplicantPhone() {
        return applicantPhone;
    }

    public void setApplicantPhone(String applicantPhone) {
        this.applicantPhone = applicantPhone;
    }

    public String getMaterials() {
        return materials;
    }

    public void setMaterials(String materials) {
        this.materials = materials;
    }

    public String getMissingMaterials() {
        return missingMaterials;
    }

    public void setMissingMaterials(String missingMaterials) {
        this.missingMaterials = missingMaterials;
    }

    public String getNoticeMaterials() {
        return noticeMaterials;
    }

    public void setNoticeMaterials(String noticeMaterials) {
        this.noticeMaterials = noticeMaterials;
    }

    public String getJointWindows() {
        return jointWindows;
    }

    public void setJointWindows(String jointWindows) {
        this.jointWindows = jointWindows;
    }

    public long getCreatedAtMillis() {
        return createdAtMillis;
    }

    public void setCreatedAtMillis(long createdAtMillis) {
        this.createdAtMillis = createdAtMillis;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public Long getAcceptedAtMillis() {
        return acceptedAtMillis;
    }

    public void setAcceptedAtMillis(Long acceptedAtMillis) {
        this.acceptedAtMillis = acceptedAtMillis;
    }

    public String getPromisedDate() {
        return promisedDate;
    }

    public void setPromisedDate(String promisedDate) {
        this.promisedDate = promisedDate;
    }

    public boolean isPromisedDateEstimated() {
        return promisedDateEstimated;
    }

    public void setPromisedDateEstimated(boolean promisedDateEstimated) {
        this.promisedDateEstimated = promisedDateEstimated;
    }

    public String getPauseKind() {
        return pauseKind;
    }

    public void setPauseKind(String pauseKind) {
        this.pauseKind = pauseKind;
    }

    public String getPausedFrom() {
        return pausedFrom;
    }

    public void setPausedFrom(String pausedFrom) {
        this.pausedFrom = pausedFrom;
    }

    public String getPausedOn() {
        return pausedOn;
    }

    public void setPausedOn(String pausedOn) {
        this.pausedOn = pausedOn;
    }

    public String getFirstInquiryStaff() {
        return firstInquiryStaff;
    }

    public void setFirstInquiryStaff(String firstInquiryStaff) {
        this.firstInquiryStaff = firstInquiryStaff;
    }

    public String getNotAcceptedReason() {
        return notAcceptedReason;
    }

    public void setNotAcceptedReason(String notAcceptedReason) {
        this.notAcceptedReason = notAcceptedReason;
    }

    public String getRedirectTo() {
        return redirectTo;
    }

    public void setRedirectTo(String redirectTo) {
        this.redirectTo = redirectTo;
    }

    public long getUpdatedAtMillis() {
        return updatedAtMillis;
    }

    public void setUpdatedAtMillis(long updatedAtMillis) {
        this.updatedAtMillis = updatedAtMillis;
    }

    public int getEventCount() {
        return eventCount;
    }

    public void setEventCount(int eventCount) {
        this.eventCount = eventCount;
    }

    public String getLastHash() {
        return lastHash;
    }

    public void setLastHash(String lastHash) {
        this.lastHash = lastHash;
    }

    public int getOptLock() {
        return optLock;
    }

    public void setOptLock(int optLock) {
        this.optLock = optLock;
    }

    public Map<String, String> getAttributes() {
        return attributes;
    }

    public void setAttributes(Map<String, String> attributes) {
        this.attributes = attributes;
    }

    public List<FeeRecord> getFees() {
        return fees;
    }

    public void setFees(List<FeeRecord> fees) {
        this.fees = fees;
    }

    public List<Opinion> getOpinions() {
        return opinions;
    }

    public void setOpinions(List<Opinion> opinions) {
        this.opinions = opinions;
    }

    public String getAlertLevel() {
        return alertLevel;
    }

    public void setAlertLevel(String alertLevel) {
        this.alertLevel = alertLevel;
    }

    public String getYellowDate() {
        return yellowDate;
    }

    public void setYellowDate(String yellowDate) {
        this.yellowDate = yellowDate;
    }

    public Long getDecidedAtMillis() {
        return decidedAtMillis;
    }

    public void setDecidedAtMillis(Long decidedAtMillis) {
        this.decidedAtMillis = decidedAtMillis;
    }

    public Boolean getOnTime() {
        return onTime;
    }

    public void setOnTime(Boolean onTime) {
        this.onTime = onTime;
    }

    public String getJointDeadline() {
        return jointDeadline;
    }

    public void setJointDeadline(String jointDeadline) {
        this.jointDeadline = jointDeadline;
    }

    public String getRelayDue() {
        return relayDue;
    }

    public void setRelayDue(String relayDue) {
        this.relayDue = relayDue;
    }
}
