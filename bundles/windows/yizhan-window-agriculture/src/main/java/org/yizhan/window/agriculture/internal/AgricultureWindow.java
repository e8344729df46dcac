package org.yizhan.window.agriculture.internal;

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

/** 涉农窗口: land-use transfer filing, timber-cutting permits, land contract certificates (R24). */
@Component
public class AgricultureWindow implements WindowModule {

    static final String TYPE = "agriculture";

    @Override
    public String id() {
        return TYPE;
    }

    @Override
    public List<WindowTypeDTO> windowTypes() {
        return List.of(WindowTypeDTO.standard(TYPE, "涉农", "Agricultural services"));
    }

    @Override
    public List<ItemDTO> items() {
        return List.of(
                ItemBuilder.item("SN-001", "农村土地承包经营权流转备案", "Filing of a rural land-use transfer").window(TYPE)
                        .handling(HandlingClass.PROMISED).category(Category.PRODUCTION_BUSINESS).days(5, 10)
                        .acceptAt(Level.VILLAGE, Level.TOWN).decideAt(Level.TOWN)
                        .body("乡镇人民政府农村经营管理机构").basis("《农村土地承包法》第三十六条；《农村土地经营权流转管理办法》")
                        .conditions("流转双方自愿、有偿；流转面积不超过承包面积，期限不超过承包期剩余期限")
                        .procedure("提交合同 → 审核 → 备案登记").chiefOnTheSpot()
                        .required("transfer-contract", "土地经营权流转合同").required("contract-certificate", "土地承包经营权证复印件")
                        .required("id-cards", "流转双方身份证明").build(),
                ItemBuilder.item("SN-002", "林木采伐许可证核发", "Timber-cutting permit").window(TYPE)
                        .handling(HandlingClass.PROMISED).category(Category.PRODUCTION_BUSINESS).days(10, 20)
                        .acceptAt(Level.VILLAGE, Level.TOWN).decideAt(Level.TOWN)
                        .body("乡镇林业工作站（受县林业主管部门委托）").basis("《森林法》第五十六条、第五十七条")
                        .conditions("采伐林木在年度采伐限额内，已完成伐区调查设计").procedure("申请 → 伐区核实 → 审核 → 发证")
                        .required("application", "林木采伐申请书").required("forest-right-certificate", "林权证明")
                        .required("cutting-design", "伐区调查设计").build(),
                ItemBuilder.item("SN-003", "农村土地承包经营权证补发", "Reissue of a land contract certificate").window(TYPE)
                        .handling(HandlingClass.PROMISED).category(Category.LIVELIHOOD).days(10, 20)
                        .acceptAt(Level.TOWN).decideAt(Level.COUNTY)
                        .body("县农业农村局").basis("《农村土地承包经营权证管理办法》").conditions("证书遗失或损毁")
                        .procedure("乡镇受理 → 上报县农业农村局 → 补发")
                        .fee("工本费 10 元/本 Certificate fee CNY 10", "省物价局、财政厅关于农村土地承包经营权证工本费标准的批复", 1000)
                        .required("id-card", "承包方代表居民身份证").required("loss-statement", "遗失声明或损毁证书").build());
    }

    @Override
    public List<FormFieldDTO> formFields(String itemCode) {
        if ("SN-001".equals(itemCode)) {
            return List.of(new FormFieldDTO("transferAreaMu", "流转面积（亩）", "Area transferred (mu)", FormFieldDTO.NUMBER, false),
                    new FormFieldDTO("contractedAreaMu", "承包面积（亩）", "Contracted area (mu)", FormFieldDTO.NUMBER, false));
        }
        return List.of();
    }

    @Override
    public void validate(Application application, Refusals refusals) {
        if (!"SN-001".equals(application.itemCode())) {
            return;
        }
        String transfer = application.attributes().get("transferAreaMu");
        String contracted = application.attributes().get("contractedAreaMu");
        if (transfer != null && Double.parseDouble(transfer) <= 0) {
            refusals.badInput("attributes.transferAreaMu", "The transferred area must be more than 0 mu", "流转面积须大于 0 亩");
        } else if (transfer != null && contracted != null && Double.parseDouble(transfer) > Double.parseDouble(contracted)) {
            refusals.conditionNotMet("attributes.transferAreaMu", "The transferred area (" + transfer
                    + " mu) exceeds the contracted area (" + contracted + " mu)", "流转面积（" + transfer + " 亩）超过承包面积（" + contracted + " 亩）");
        }
    }
}
