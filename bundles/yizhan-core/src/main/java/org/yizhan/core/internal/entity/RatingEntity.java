package org.yizhan.core.internal.entity;

import javax.persistence.*;


/** A case's one rating (R21): its level counts in the satisfaction rate of the deciding center's window. */
@Entity
@Table(name = "YZ_RATING", indexes = {@Index(name = "YZ_RATING_DAY", columnList = "ratedDay,decidingCenterId")})
public class RatingEntity {
    @Id @Column(length = 40)
    private String caseNumber;
    private long centerId;
    private long decidingCenterId;
    @Column(nullable = false, length = 40)
    private String windowType;
    @Column(nullable = false, length = 24)
    private String ratingLevel;
    @Column(nullable = false, length = 10)
    private String ratedDay;
    private long ratedAtMillis;
    @Column(nullable = false, length = 10)
    private String channel;
    @Column(length = 64)
    private String recordedBy;
    private boolean annulled;
    @Column(length = 200)
    private String indicators;
    @Column(length = 500)
    private String comment;

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
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

    public String getRatingLevel() {
        return ratingLevel;
    }

    public void setRatingLevel(String ratingLevel) {
        this.ratingLevel = ratingLevel;
    }

    public String getRatedDay() {
        return ratedDay;
    }

    public void setRatedDay(String ratedDay) {
        this.ratedDay = ratedDay;
    }

    public long getRatedAtMillis() {
        return ratedAtMillis;
    }

    public void setRatedAtMillis(long ratedAtMillis) {
        this.ratedAtMillis = ratedAtMillis;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public void setRecordedBy(String recordedBy) {
        this.recordedBy = recordedBy;
    }

    public boolean isAnnulled() {
        return annulled;
    }

    public void setAnnulled(boolean annulled) {
        this.annulled = annulled;
    }

    public String getIndicators() {
        return indicators;
    }

    public void setIndicators(String indicators) {
        this.indicators = indicators;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
