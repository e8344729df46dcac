package org.yizhan.core.internal.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.cases.PauseKind;

/**
 * A case as the engine works on it: plain data, no persistence. The service loads it from the
 * case row, lets {@link CaseEngine} change it and writes it back with the new events.
 */
public final class CaseState {
    public String number;
    public String lookupCode;
    public String itemCode;
    public int itemVersion;
    public String itemName;
    public long centerId;
    public long decidingCenterId;
    public String windowType;
    public String handlingClass;
    public CaseStatus status;
    public boolean urgent;
    public String applicantName;
    public String applicantIdType;
    public String applicantIdNumber;
    public String applicantPhone;
    public Set<String> materials = new LinkedHashSet<>();
    public Set<String> missing = new LinkedHashSet<>();
    public Set<String> notice = new LinkedHashSet<>();
    public List<String> jointWindows = new ArrayList<>();
    public Map<String, String> attributes = new LinkedHashMap<>();
    public long createdAtMillis;
    public String createdBy;
    public Long acceptedAtMillis;
    public LocalDate promisedDate;
    public boolean promisedDateEstimated;
    public PauseKind pauseKind;
    public CaseStatus pausedFrom;
    public LocalDate pausedOn;
    public String firstInquiryStaff;
    public String notAcceptedReason;
    public String redirectTo;
    public List<Fee> fees = new ArrayList<>();
    public List<JointOpinion> opinions = new ArrayList<>();
    public int eventCount;
    public String lastHash;
    public LocalDate jointDeadline;
    /** R23: the day by which the case must have reached its deciding center. */
    public LocalDate relayDue;
    public Long decidedAtMillis;
    public Boolean onTime;

    public record Fee(String item, long amountFen, String standard, String receiptNumber, long atMillis) {
    }

    public record JointOpinion(String window, String opinion, String reason, String by, long atMillis) {
    }

    /** A deep copy, for checking that a refused action changed nothing. */
    public CaseState copy() {
        CaseState c = new CaseState();
        c.number = number;
        c.lookupCode = lookupCode;
        c.itemCode = itemCode;
        c.itemVersion = itemVersion;
        c.itemName = itemName;
        c.centerId = centerId;
        c.decidingCenterId = decidingCenterId;
        c.windowType = windowType;
        c.handlingClass = handlingClass;
        c.status = status;
        c.urgent = urgent;
        c.applicantName = applicantName;
        c.applicantIdType = applicantIdType;
        c.applicantIdNumber = applicantIdNumber;
        c.applicantPhone = applicantPhone;
        c.materials = new LinkedHashSet<>(materials);
        c.missing = new LinkedHashSet<>(missing);
        c.notice = new LinkedHashSet<>(notice);
        c.jointWindows = new ArrayList<>(jointWindows);
        c.attributes = new LinkedHashMap<>(attributes);
        c.createdAtMillis = createdAtMillis;
        c.createdBy = createdBy;
        c.acceptedAtMillis = acceptedAtMillis;
        c.promisedDate = promisedDate;
        c.promisedDateEstimated = promisedDateEstimated;
        c.pauseKind = pauseKind;
        c.pausedFrom = pausedFrom;
        c.pausedOn = pausedOn;
        c.firstInquiryStaff = firstInquiryStaff;
        c.notAcceptedReason = notAcceptedReason;
        c.redirectTo = redirectTo;
        c.fees = new ArrayList<>(fees);
        c.opinions = new ArrayList<>(opinions);
        c.eventCount = eventCount;
        c.lastHash = lastHash;
        c.jointDeadline = jointDeadline;
        c.decidedAtMillis = decidedAtMillis;
        c.onTime = onTime;
        return c;
    }

    /** A text of every field, for equality checks in tests. */
    public String snapshot() {
        return String.join("|", String.valueOf(status), String.valueOf(materials), String.valueOf(missing),
                String.valueOf(notice), String.valueOf(acceptedAtMillis), String.valueOf(promisedDate),
                String.valueOf(pauseKind), String.valueOf(pausedFrom), String.valueOf(pausedOn),
                String.valueOf(notAcceptedReason), String.valueOf(redirectTo), String.valueOf(fees),
                String.valueOf(opinions), String.valueOf(eventCount), String.valueOf(lastHash),
                String.valueOf(promisedDateEstimated), String.valueOf(attributes), String.valueOf(jointDeadline),
                String.valueOf(decidedAtMillis), String.valueOf(onTime));
    }
}
