package org.yizhan.window.civilaffairs.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.yizhan.api.Level;
import org.yizhan.api.catalogue.Category;
import org.yizhan.api.catalogue.HandlingClass;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.network.WindowTypeDTO;
import org.yizhan.api.window.Application;
import org.yizhan.api.window.FormFieldDTO;
import org.yizhan.api.window.ItemBuilder;
import org.yizhan.api.window.Refusals;
import org.yizhan.api.window.WindowModule;

/** 民政窗口: minimum living allowance, temporary assistance, the subsidy for the elderly (R24). */
@Component
public class CivilAffairsWindow implements WindowModule {

    static final String TYPE = "civil-affairs";
    /** The county's monthly minimum living standard per person, in yuan (demo figure). */
    static final int DIBAO_STANDARD_YUAN = 700;
    static final int ELDERLY_AGE = 80;

    @Override
    public String id() {
        return TYPE;
    }

    @Override
    public List<WindowTypeDTO> windowTypes() {
        return List.of(WindowTypeDTO.standard(TYPE, "民政", "Civil affairs"));
    }

    @Override
    public List<ItemDTO> items() {
        return List.of(
                ItemBuilder.item("MZ-001", "最低生活保障申请", "Minimum living allowance (dibao)").window(TYPE)
                        .handling(HandlingClass.PROMISED).category(Category.LIVELIHOOD).days(20, 30)
                        .acceptAt(Level.VILLAGE, Level.TOWN).decideAt(Level.TOWN)
                        .body("乡镇人民政府（街道办事处）").basis("《社会救助暂行办法》第九条至第十一条")
                        .conditions("共同生活的家庭成员人均收入低于当地最低生活保障标准（每人每月 " + DIBAO_STANDARD_YUAN + " 元），且符合家庭财产状况规定")
                        .procedure("申请 → 受理 → 入户调查 → 民主评议 → 公示 → 审批 → 发放")
                        .required("id-card", "申请人居民身份证复印件").required("household-register", "户口簿复印件")
                        .required("income-proof", "家庭收入证明").required("property-statement", "家庭财产状况申报表")
                        .optional("disability-card", "残疾人证（如有）").build(),
                ItemBuilder.item("MZ-002", "临时救助申请", "Temporary assistance").window(TYPE)
                        .handling(HandlingClass.PROMISED).category(Category.LIVELIHOOD).days(5, 10)
                        .acceptAt(Level.VILLAGE, Level.TOWN).decideAt(Level.TOWN)
                        .body("乡镇人民政府（街道办事处）").basis("《社会救助暂行办法》第四十七条至第五十条")
                        .conditions("因火灾、交通事故等意外事件或家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难")
                        .procedure("申请 → 受理 → 审核 → 审批 → 发放")
                        .required("id-card", "申请人居民身份证复印件").required("hardship-statement", "困难情况说明")
                        .optional("medical-bills", "医疗费用票据（因病申请时）").build(),
                ItemBuilder.item("MZ-003", "高龄津贴申领", "Subsidy for the elderly (80+)").window(TYPE)
                        .handling(HandlingClass.IMMEDIATE).category(Category.LIVELIHOOD).days(0, 5)
                        .acceptAt(Level.TOWN).decideAt(Level.TOWN)
                        .body("乡镇人民政府（街道办事处）").basis("省高龄津贴发放管理办法")
                        .conditions("具有本县户籍、年满 " + ELDERLY_AGE + " 周岁的老年人").procedure("申请 → 当场审核 → 办结")
                        .required("id-card", "老年人居民身份证复印件").required("bank-card", "本人银行卡（折）复印件").build());
    }

    @Override
    public List<FormFieldDTO> formFields(String itemCode) {
        if ("MZ-001".equals(itemCode)) {
            return List.of(new FormFieldDTO("householdSize", "共同生活家庭成员人数", "Members of the household", FormFieldDTO.NUMBER, false),
                    new FormFieldDTO("monthlyIncome", "家庭月收入（元）", "Household monthly income (yuan)", FormFieldDTO.NUMBER, false));
        }
        return List.of();
    }

    @Override
    public void validate(Application application, Refusals refusals) {
        switch (application.itemCode()) {
            case "MZ-003" -> {
                LocalDate birth = application.birthDate().orElse(null);
                if (birth == null) {
                    refusals.badInput("applicant.idNumber", "The subsidy for the elderly needs a resident ID number (it proves the age)",
                            "高龄津贴须凭居民身份证申请（用以核实年龄）");
                } else if (Period.between(birth, application.today()).getYears() < ELDERLY_AGE) {
                    refusals.conditionNotMet("applicant.idNumber", "The applicant is under " + ELDERLY_AGE + " (born " + birth + ")",
                            "申请人未满 " + ELDERLY_AGE + " 周岁（出生于 " + birth + "）");
                }
            }
            case "MZ-001" -> {
                String size = application.attributes().get("householdSize");
                String income = application.attributes().get("monthlyIncome");
                if (size != null && income != null) {
                    double members = Double.parseDouble(size);
                    if (members < 1) {
                        refusals.badInput("attributes.householdSize", "A household has at least one member", "家庭成员人数至少为 1");
                    } else if (Double.parseDouble(income) / members >= DIBAO_STANDARD_YUAN) {
                        refusals.conditionNotMet("attributes.monthlyIncome", "Income per person is not below the standard of "
                                + DIBAO_STANDARD_YUAN + " yuan a month", "家庭人均月收入不低于当地低保标准（" + DIBAO_STANDARD_YUAN + " 元）");
                    }
                }
            }
            default -> {
            }
        }
    }
}
