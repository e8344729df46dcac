package org.yizhan.core.internal.entity;

import javax.persistence.*;


/** The rectification of a bad rating (R21), watched by e-supervision until it is closed. */
@Entity
@Table(name = "YZ_RECTIFICATION", indexes = {@Index(name = "YZ_RECT_CENTER", columnList = "decidingCenterId,status"), @Index(name = "YZ_RECT_DUE", columnList = "status,dueDate")})
public class RectificationEntity {
    @Id
    private long id;
    @Version
    private int version;
    @Column(nullable = false, length = 40, unique = true)
    private String caseNumber;
    private long decidingCenterId;
    @Column(nullable = false, length = 40)
    private String windowType;
    @Column(nullable = false, length = 24)
    private String ratingLevel;
    @Column(nullable = false, length = 16)
    private String status;
    @Column(length = 16)
    private String statusBeforeAppeal;
    @Column(nullable = false, length = 10)
    private String openedDay;
    @Column(nullable = false, length = 10)
    private String dueDate;
    private boolean dueEstimated;
    @Column(nullable = false, length = 10)
    private String yellowDate;
    @Column(length = 10)
    private String closedDay;
    @Lob
    private String steps;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
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

    public String getRatingLevel() {
        return ratingLevel;
    }

    public void setRatingLevel(String ratingLevel) {
        this.ratingLevel = ratingLevel;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getStatusBeforeAppeal() {
        return statusBeforeAppeal;
    }

    public void setStatusBeforeAppeal(String statusBeforeAppeal) {
        this.statusBeforeAppeal = statusBeforeAppeal;
    }

    public String getOpenedDay() {
        return openedDay;
    }

    public void setOpenedDay(String openedDay) {
        this.openedDay = openedDay;
    }

    public String getDueDate() {
        return dueDate;
    }

    public void setDueDate(String dueDate) {
        this.dueDate = dueDate;
    }

    public boolean isDueEstimated() {
        return dueEstimated;
    }

    public void setDueEstimated(boolean dueEstimated) {
        this.dueEstimated = dueEstimated;
    }

    public String getYellowDate() {
        return yellowDate;
    }

    public void setYellowDate(String yellowDate) {
        this.yellowDate = yellowDate;
    }

    public String getClosedDay() {
        return closedDay;
    }

    public void setClosedDay(String closedDay) {
        this.closedDay = closedDay;
    }

    public String getSteps() {
        return steps;
    }

    public void setSteps(String steps) {
        this.steps = steps;
    }
}
