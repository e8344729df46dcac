package org.yizhan.api.cases;

import java.util.ArrayList;
import java.util.List;

/** What the public sees of a case with its lookup code (R30): no personal data. */
public class PublicCaseDTO {
    public String number;
    public CaseStatus status;
    public String itemCode;
    public String itemName;
    public String applicantMasked;
    public String acceptedAt;
    public String promisedDate;
    public Boolean promisedDateEstimated;
    public List<String> materialsReceived = new ArrayList<>();
    public List<String> missingMaterials = new ArrayList<>();
    public List<FeeRecordDTO> fees = new ArrayList<>();
    public List<PublicEventDTO> history = new ArrayList<>();
    /** True while the applicant may rate the case: it has finished and has no rating yet (R21). */
    public boolean rateable;
    /** The case's rating, once given: its level (VERY_SATISFIED ... VERY_DISSATISFIED). */
    public String rating;

    public static class PublicEventDTO {
        public int seq;
        public String at;
        public String action;
        public String from;
        public String to;
        public String centerName;
    }
}
