package org.yizhan.window.tea.internal;

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

/**
 * 茶产业特色窗口: a special window (特色窗口) for a tea-growing township — planting subsidies and
 * the registration of tea processing workshops. Off until a town enables it.
 */
@Component
public class TeaIndustryWindow implements WindowModule {

    static final String TYPE = "tea-industry";
    static final double MIN_AREA_MU = 1;
    static final double MAX_AREA_MU = 500;

    @Override
    public String id() {
        return TYPE;
    }

    @Override
    public List<WindowTypeDTO> windowTypes() {
        return List.of(WindowTypeDTO.special(TYPE, "茶产业特色窗口", "Tea industry (special window)"));
    }

    @Override
    public List<ItemDTO> items() {
        return List.of(
                ItemBuilder.item("CY-001", "生态茶园种植补贴申请", "Subsidy for planting eco-tea gardens").window(TYPE)
                        .handling(HandlingClass.PROMISED).category(Category.PRODUCTION_BUSINESS).days(10, 20)
                        .acceptAt(Level.VILLAGE, Level.TOWN).decideAt(Level.TOWN).body("乡镇人民政府（茶叶产业办公室）")
                        .basis("县茶产业发展扶持办法").conditions("新植或改造生态茶园 " + (int) MIN_AREA_MU + " 亩以上、" + (int) MAX_AREA_MU + " 亩以下，验收合格")
                        .procedure("申请 → 实地验收 → 公示 → 审批 → 兑付")
                        .required("id-card", "申请人身份证明").required("garden-photos", "茶园现场照片")
                        .required("land-proof", "土地承包或流转证明").build(),
                ItemBuilder.item("CY-002", "茶叶初制加工作坊登记", "Registration of a tea processing workshop").window(TYPE)
                        .handling(HandlingClass.PROMISED).category(Category.PRODUCTION_BUSINESS).days(5, 10)
                        .acceptAt(Level.TOWN).decideAt(Level.TOWN).body("乡镇人民政府（市场监管所）")
                        .basis("省食品小作坊管理条例").conditions("有固定加工场所，符合食品安全卫生条件")
                        .procedure("申请 → 现场核查 → 登记")
                        .required("id-card", "经营者身份证明").required("site-plan", "作坊平面图").required("health-cert", "从业人员健康证明").build());
    }

    @Override
    public List<FormFieldDTO> formFields(String itemCode) {
        if ("CY-001".equals(itemCode)) {
            return List.of(new FormFieldDTO("gardenAreaMu", "茶园面积（亩）", "Tea garden area (mu)", FormFieldDTO.NUMBER, true));
        }
        return List.of();
    }

    @Override
    public void validate(Application application, Refusals refusals) {
        if ("CY-001".equals(application.itemCode())) {
            double area = Double.parseDouble(application.attributes().get("gardenAreaMu"));
            if (area < MIN_AREA_MU || area > MAX_AREA_MU) {
                refusals.conditionNotMet("attributes.gardenAreaMu", "The subsidy covers gardens of " + (int) MIN_AREA_MU + " to "
                        + (int) MAX_AREA_MU + " mu, not " + area, "补贴面积须在 " + (int) MIN_AREA_MU + " 至 " + (int) MAX_AREA_MU + " 亩之间");
            }
        }
    }
}
