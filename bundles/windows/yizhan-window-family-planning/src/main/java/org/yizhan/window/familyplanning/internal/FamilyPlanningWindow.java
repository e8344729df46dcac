package org.yizhan.window.familyplanning.internal;

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

/** 计生窗口: birth registration, the only-child parents' certificate (R24). */
@Component
public class FamilyPlanningWindow implements WindowModule {

    static final String TYPE = "family-planning";
    /** The legal marriage age (Civil Code, Art. 1047), the youngest a registering parent can be. */
    static final int MIN_PARENT_AGE = 20;

    @Override
    public String id() {
        return TYPE;
    }

    @Override
    public List<WindowTypeDTO> windowTypes() {
        return List.of(WindowTypeDTO.standard(TYPE, "计生", "Family planning"));
    }

    @Override
    public List<ItemDTO> items() {
        return List.of(
                ItemBuilder.item("JS-001", "生育登记", "Birth registration").window(TYPE)
                        .handling(HandlingClass.IMMEDIATE).category(Category.LIVELIHOOD).days(0, 1)
                        .acceptAt(Level.VILLAGE, Level.TOWN).decideAt(Level.TOWN)
                        .body("乡镇人民政府（街道办事处）").basis("《人口与计划生育法》；省人口与计划生育条例")
                        .conditions("夫妻双方或一方户籍在本县，登记人年满 " + MIN_PARENT_AGE + " 周岁").procedure("申请 → 当场登记 → 办结")
                        .required("id-cards", "夫妻双方居民身份证").required("household-register", "户口簿")
                        .required("marriage-certificate", "结婚证").build(),
                ItemBuilder.item("JS-002", "独生子女父母光荣证办理", "Only-child parents' certificate").window(TYPE)
                        .handling(HandlingClass.PROMISED).category(Category.LIVELIHOOD).days(5, 10)
                        .acceptAt(Level.VILLAGE, Level.TOWN).decideAt(Level.TOWN)
                        .body("乡镇人民政府（街道办事处）").basis("省人口与计划生育条例").conditions("只生育一个子女并自愿不再生育的夫妻")
                        .procedure("申请 → 村（居）委会初审 → 乡镇审核发证")
                        .required("id-cards", "夫妻双方居民身份证").required("household-register", "户口簿")
                        .required("photo", "夫妻双方近期合影 2 张").build());
    }

    @Override
    public List<FormFieldDTO> formFields(String itemCode) {
        if ("JS-002".equals(itemCode)) {
            return List.of(new FormFieldDTO("children", "子女人数", "Number of children", FormFieldDTO.NUMBER, false));
        }
        return List.of();
    }

    @Override
    public void validate(Application application, Refusals refusals) {
        if ("JS-001".equals(application.itemCode())) {
            application.birthDate().ifPresent(birth -> {
                if (Period.between(birth, application.today()).getYears() < MIN_PARENT_AGE) {
                    refusals.conditionNotMet("applicant.idNumber", "A registering parent is at least " + MIN_PARENT_AGE,
                            "登记人须年满 " + MIN_PARENT_AGE + " 周岁");
                }
            });
        }
        if ("JS-002".equals(application.itemCode())) {
            String children = application.attributes().get("children");
            if (children != null && Double.parseDouble(children) != 1) {
                refusals.conditionNotMet("attributes.children", "The certificate is for parents of exactly one child",
                        "光荣证仅发给只生育一个子女的父母");
            }
        }
    }
}
