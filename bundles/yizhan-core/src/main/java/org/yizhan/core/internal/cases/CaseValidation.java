package org.yizhan.core.internal.cases;

import org.yizhan.core.internal.common.IdNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yizhan.api.YizhanException;
import org.yizhan.api.YizhanException.FieldError;
import org.yizhan.api.cases.ActionDTO;
import org.yizhan.api.cases.ApplicantDTO;
import org.yizhan.api.cases.NewCaseDTO;
import org.yizhan.api.catalogue.ItemDTO;

/** Checks of request shape: every wrong field is named, all at once. */
public final class CaseValidation {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** A phone number as the platform takes it: 5 to 20 digits, spaces, +, - or (). */
    public static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,20}");
    static final Pattern OTHER_ID = Pattern.compile("[A-Za-z0-9()\\-]{4,30}");

    private CaseValidation() {
    }

    public static void validate(NewCaseDTO r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.itemCode == null || r.itemCode.isBlank()) {
            errors.add(new FieldError("itemCode", "itemCode is required", "事项编码不能为空"));
        }
        if (r.centerId == null) {
            errors.add(new FieldError("centerId", "centerId is required", "受理中心不能为空"));
        }
        ApplicantDTO a = r.applicant;
        if (a == null) {
            errors.add(new FieldError("applicant", "applicant is required", "申请人信息不能为空"));
        } else {
            if (a.name == null || a.name.isBlank()) {
                errors.add(new FieldError("applicant.name", "The applicant's name is required", "申请人姓名不能为空"));
            } else if (a.name.length() > 50) {
                errors.add(new FieldError("applicant.name", "The name is longer than 50 characters", "姓名超过 50 个字符"));
            }
            if (a.idType == null || !IdNumbers.ID_TYPES.contains(a.idType)) {
                errors.add(new FieldError("applicant.idType", "idType must be one of " + IdNumbers.ID_TYPES,
                        "证件类型须为 " + IdNumbers.ID_TYPES + " 之一"));
            }
            if (a.idNumber == null || a.idNumber.isBlank()) {
                errors.add(new FieldError("applicant.idNumber", "The ID number is required", "证件号码不能为空"));
            } else if (ApplicantDTO.RESIDENT_ID.equals(a.idType)) {
                String problem = IdNumbers.residentIdProblem(a.idNumber.trim());
                if (problem != null) {
                    errors.add(new FieldError("applicant.idNumber", switch (problem) {
                        case "length" -> "A resident ID number has 18 characters";
                        case "digits" -> "A resident ID number is 17 digits and a digit or X";
                        case "birthdate" -> "The birth date in the resident ID number is not a real date";
                        default -> "The resident ID number's check digit is wrong (GB 11643)";
                    }, switch (problem) {
                        case "length" -> "居民身份证号码应为 18 位";
                        case "digits" -> "居民身份证号码应为 17 位数字加 1 位数字或 X";
                        case "birthdate" -> "居民身份证号码中的出生日期无效";
                        default -> "居民身份证号码校验码错误（GB 11643）";
                    }));
                }
            } else if (!OTHER_ID.matcher(a.idNumber.trim()).matches()) {
                errors.add(new FieldError("applicant.idNumber", "The ID number must be 4-30 letters, digits, '-' or brackets",
                        "证件号码应为 4 至 30 位字母、数字、“-”或括号"));
            }
            if (a.phone != null && !a.phone.isBlank() && !PHONE.matcher(a.phone).matches()) {
                errors.add(new FieldError("applicant.phone", "Not a phone number", "电话号码格式错误"));
            }
        }
        if (r.materials == null) {
            r.materials = new ArrayList<>();
        }
        for (int i = 0; i < r.materials.size(); i++) {
            String m = r.materials.get(i);
            if (m == null || !CODE.matcher(m).matches()) {
                errors.add(new FieldError("materials[" + i + "]", "Not a material code: " + m, "材料编码格式错误：" + m));
            }
        }
        if (r.attributes != null) {
            if (r.attributes.size() > 100) {
                errors.add(new FieldError("attributes", "At most 100 form values", "表单项不能超过 100 个"));
            }
            for (Map.Entry<String, String> e : r.attributes.entrySet()) {
                if (e.getKey() == null || e.getKey().isBlank() || e.getKey().length() > 100) {
                    errors.add(new FieldError("attributes", "Form field names are 1-100 characters", "表单字段名应为 1 至 100 个字符"));
                } else if (e.getValue() != null && e.getValue().length() > 2000) {
                    errors.add(new FieldError("attributes." + e.getKey(), "At most 2000 characters", "不能超过 2000 个字符"));
                }
            }
        }
        if (r.firstInquiryStaff != null && r.firstInquiryStaff.length() > 64) {
            errors.add(new FieldError("firstInquiryStaff", "At most 64 characters", "不能超过 64 个字符"));
        }
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
    }

    public static void validate(ActionDTO b) {
        List<FieldError> errors = new ArrayList<>();
        if (b.reason != null && b.reason.length() > 1000) {
            errors.add(new FieldError("reason", "The reason is longer than 1000 characters", "理由超过 1000 个字符"));
        }
        if (b.materials != null) {
            for (int i = 0; i < b.materials.size(); i++) {
                String m = b.materials.get(i);
                if (m == null || !CODE.matcher(m).matches()) {
                    errors.add(new FieldError("materials[" + i + "]", "Not a material code: " + m, "材料编码格式错误：" + m));
                }
            }
        }
        if (b.data != null) {
            for (Map.Entry<String, String> e : b.data.entrySet()) {
                if (e.getKey() == null || e.getKey().length() > 64 || (e.getValue() != null && e.getValue().length() > 500)) {
                    errors.add(new FieldError("data." + e.getKey(), "data keys are at most 64 and values 500 characters",
                            "data 的键不超过 64 个字符、值不超过 500 个字符"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
    }

    public static void requireKnownMaterials(List<String> materials, ItemDTO item) {
        CaseEngine.requireKnownMaterials(materials, item, "materials");
    }
}
