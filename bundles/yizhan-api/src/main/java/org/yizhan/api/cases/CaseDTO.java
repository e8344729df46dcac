package org.yizhan.api.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A case (办件) as the API shows it. */
public class CaseDTO {
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
    public ApplicantDTO applicant;
    public List<String> materials = new ArrayList<>();
    public List<String> missingMaterials = new ArrayList<>();
    /** The one-time notice (R10): every material asked for, as first told to the applicant. */
    public List<String> noticeMaterials = new ArrayList<>();
    public Map<String, String> attributes = new LinkedHashMap<>();
    public String createdAt;
    public String acceptedAt;
    public String promisedDate;
    public Boolean promisedDateEstimated;
    public String pauseKind;
    /** E-supervision (R20): YELLOW near the promised date, RED past it; absent otherwise. */
    public String alertLevel;
    /** Joint cases (R14): the day by which joint windows give their opinion. */
    public String jointDeadline;
    public String firstInquiryStaff;
    /** For a refused case (R11): why, and where to go instead. */
    public String notAcceptedReason;
    public String redirectTo;
    public List<FeeRecordDTO> fees = new ArrayList<>();
    public List<String> jointWindows = new ArrayList<>();
    public List<OpinionDTO> opinions = new ArrayList<>();
    /** Only on a single case; absent in listings. */
    public List<CaseEventDTO> history;
}
