package org.yizhan.api.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /cases}: an application for one item by one applicant at one center. */
public class NewCaseDTO {
    public String itemCode;
    public Long centerId;
    public ApplicantDTO applicant;
    /** Codes of the materials handed in. */
    public List<String> materials = new ArrayList<>();
    /** Form values, stored as they are (the item's form decides what they mean). */
    public Map<String, String> attributes = new LinkedHashMap<>();
    /** Fast-tracked (R27). */
    public Boolean urgent;
    /** The first staff member the applicant spoke to (R16); defaults to the caller. */
    public String firstInquiryStaff;
}
