package org.yizhan.core.internal.entity;

import javax.persistence.*;


/** A complaint (R22): recorded or filed, answered within its time limit, followed up. */
@Entity
@Table(name = "YZ_COMPLAINT", indexes = {@Index(name = "YZ_COMPLAINT_CENTER", columnList = "centerId,status"), @Index(name = "YZ_COMPLAINT_DUE", columnList = "status,dueDate")})
public class ComplaintEntity {
    @Id @Column(length = 20)
    private String number;
    @Version
    private int version;
    @Column(nullable = false, length = 12)
    private String lookupCode;
    @Column(nullable = false, length = 12)
    private String category;
    @Column(nullable = false, length = 8)
    private String form;
    private boolean serious;
    @Column(nullable = false, length = 12)
    private String status;
    private long centerId;
    @Column(length = 40)
    private String windowType;
    @Column(length = 40)
    private String caseNumber;
    @Column(length = 64)
    private String staff;
    @Column(length = 100)
    private String complainantName;
    @Column(length = 40)
    private String complainantPhone;
    @Column(nullable = false, length = 8)
    private String channel;
    @Column(length = 64)
    private String recordedBy;
    private long receivedAtMillis;
    @Column(nullable = false, length = 10)
    private String receivedDay;
    @Column(nullable = false, length = 10)
    private String dueDate;
    private boolean dueEstimated;
    @Column(nullable = false, length = 10)
    private String proposalDue;
    @Column(nullable = false, length = 10)
    private String yellowDate;
    @Column(length = 10)
    private String answeredDay;
    @Column(length = 10)
    private String closedDay;
    private Boolean upheld;
    private Boolean onTheSpot;
    @Column(length = 200)
    private String referredTo;
    @Column(nullable = false, length = 2000)
    private String text;
    @Column(length = 2000)
    private String proposal;
    @Column(length = 2000)
    private String answer;
    @Column(length = 1000)
    private String followUp;
    @Lob
    private String steps;

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getLookupCode() {
        return lookupCode;
    }

    public void setLookupCode(String lookupCode) {
        this.lookupCode = lookupCode;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getForm() {
        return form;
    }

    public void setForm(String form) {
        this.form = form;
    }

    public boolean isSerious() {
        return serious;
    }

    public void setSerious(boolean serious) {
        this.serious = serious;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public long getCenterId() {
        return centerId;
    }

    public void setCenterId(long centerId) {
        this.centerId = centerId;
    }

    public String getWindowType() {
        return windowType;
    }

    public void setWindowType(String windowType) {
        this.windowType = windowType;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    public String getStaff() {
        return staff;
    }

    public void setStaff(String staff) {
        this.staff = staff;
    }

    public String getComplainantName() {
        return complainantName;
    }

    public void setComplainantName(String complainantName) {
        this.complainantName = complainantName;
    }

    public String getComplainantPhone() {
        return complainantPhone;
    }

    public void setComplainantPhone(String complainantPhone) {
        this.complainantPhone = complainantPhone;
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

    public long getReceivedAtMillis() {
        return receivedAtMillis;
    }

    public void setReceivedAtMillis(long receivedAtMillis) {
        this.receivedAtMillis = receivedAtMillis;
    }

    public String getReceivedDay() {
        return receivedDay;
    }

    public void setReceivedDay(String receivedDay) {
        this.receivedDay = receivedDay;
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

    public String getProposalDue() {
        return proposalDue;
    }

    public void setProposalDue(String proposalDue) {
        this.proposalDue = proposalDue;
    }

    public String getYellowDate() {
        return yellowDate;
    }

    public void setYellowDate(String yellowDate) {
        this.yellowDate = yellowDate;
    }

    public String getAnsweredDay() {
        return answeredDay;
    }

    public void setAnsweredDay(String answeredDay) {
        this.answeredDay = answeredDay;
    }

    public String getClosedDay() {
        return closedDay;
    }

    public void setClosedDay(String closedDay) {
        this.closedDay = closedDay;
    }

    public Boolean getUpheld() {
        return upheld;
    }

    public void setUpheld(Boolean upheld) {
        this.upheld = upheld;
    }

    public Boolean getOnTheSpot() {
        return onTheSpot;
    }

    public void setOnTheSpot(Boolean onTheSpot) {
        this.onTheSpot = onTheSpot;
    }

    public String getReferredTo() {
        return referredTo;
    }

    public void setReferredTo(String referredTo) {
        this.referredTo = referredTo;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getProposal() {
        return proposal;
    }

    public void setProposal(String proposal) {
        this.proposal = proposal;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }

    public String getFollowUp() {
        return followUp;
    }

    public void setFollowUp(String followUp) {
        this.followUp = followUp;
    }

    public String getSteps() {
        return steps;
    }

    public void setSteps(String steps) {
        this.steps = steps;
    }
}
