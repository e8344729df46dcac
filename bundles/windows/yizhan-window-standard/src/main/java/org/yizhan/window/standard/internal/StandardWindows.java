package org.yizhan.window.standard.internal;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.yizhan.api.Level;
import org.yizhan.api.catalogue.Category;
import org.yizhan.api.catalogue.HandlingClass;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.network.WindowTypeDTO;
import org.yizhan.api.window.Application;
import org.yizhan.api.window.ItemBuilder;
import org.yizhan.api.window.Refusals;
import org.yizhan.api.window.WindowModule;

/**
 * The other standard windows of R2 in one module: disabled persons' federation, cooperative
 * medical care, labour and social security, construction, science and technology information,
 * general convenience, legal and policy consultation.
 */
@Component
public class StandardWindows implements WindowModule {

    static final int MIN_WORKING_AGE = 16;
    static final int MAX_WORKING_AGE = 60;

    @Override
    public String id() {
        return "standard";
    }

    @Override
    public List<WindowTypeDTO> windowTypes() {
        return List.of(
                WindowTypeDTO.standard("disabled-federation", "残联", "Disabled persons' federation"),
                WindowTypeDTO.standard("medical-care", "合作医疗", "Cooperative medical care"),
                WindowTypeDTO.standard("labour-social-security", "劳动和社会保障", "Labour and social security"),
                WindowTypeDTO.standard("construction", "建设", "Construction"),
                WindowTypeDTO.standard("sci-tech-info", "科技信息", "Science and technology information"),
                WindowTypeDTO.standard("convenience", "便民服务", "General convenience services"),
                WindowTypeDTO.standard("legal-consultation", "法律政策咨询", "Legal and policy consultation"));
    }

    @Override
    public List<ItemDTO> items() {
        List<ItemDTO> items = new ArrayList<>();
        items.add(ItemBuilder.item("JS-010", "农村村民住宅建设审批", "Rural housing construction approval").window("construction")
                .handling(HandlingClass.JOINT).category(Category.LIVELIHOOD).days(20, 30)
                .acceptAt(Level.TOWN).decideAt(Level.TOWN).body("乡镇人民政府")
                .basis("《土地管理法》第六十二条；《乡村规划许可实施意见》").conditions("一户一宅，符合村庄规划和用途管制")
                .procedure("受理 → 联合审查（涉农、建设）→ 审批 → 发证")
                .required("application", "农村宅基地和建房（规划许可）申请表").required("id-card", "申请人居民身份证")
                .required("household-register", "户口簿").required("site-plan", "建房设计图或通用图")
                .required("village-opinion", "村民小组及村委会意见").joint("agriculture").build());
        items.add(ItemBuilder.item("LB-001", "灵活就业人员社会保险登记", "Social insurance registration (flexible employment)")
                .window("labour-social-security").handling(HandlingClass.IMMEDIATE).category(Category.LIVELIHOOD).days(0, 5)
                .acceptAt(Level.TOWN).decideAt(Level.TOWN).body("乡镇劳动保障所").basis("《社会保险法》第五十八条")
                .conditions("法定劳动年龄内（" + MIN_WORKING_AGE + "–" + MAX_WORKING_AGE + " 周岁）的灵活就业人员")
                .procedure("申请 → 当场登记").required("id-card", "居民身份证").required("household-register", "户口簿").build());
        items.add(ItemBuilder.item("CL-001", "残疾人证办理", "Disability certificate").window("disabled-federation")
                .handling(HandlingClass.PROMISED).category(Category.LIVELIHOOD).days(15, 30)
                .acceptAt(Level.VILLAGE, Level.TOWN).decideAt(Level.COUNTY).body("县残疾人联合会")
                .basis("《残疾人证管理办法》").conditions("经指定医疗机构评定符合残疾标准").procedure("申请 → 残疾评定 → 县残联审核发证")
                .required("id-card", "居民身份证").required("photo", "近期免冠照片 2 张").required("assessment", "残疾评定表").build());
        items.add(ItemBuilder.item("XM-001", "企业投资项目备案", "Enterprise investment project filing").window("comprehensive")
                .handling(HandlingClass.REPORT_UP).category(Category.PROJECT_INVESTMENT).days(3, 5)
                .acceptAt(Level.TOWN, Level.COUNTY).decideAt(Level.COUNTY).body("县发展和改革局")
                .basis("《企业投资项目核准和备案管理条例》第十三条").conditions("不属于核准目录的企业投资项目")
                .procedure("网上填报 → 受理 → 备案")
                .required("project-info", "项目基本情况（名称、地点、规模、内容、总投资）").required("business-license", "营业执照").build());
        return items;
    }

    @Override
    public void validate(Application application, Refusals refusals) {
        if ("LB-001".equals(application.itemCode())) {
            application.birthDate().ifPresent(birth -> {
                int age = Period.between(birth, application.today()).getYears();
                if (age < MIN_WORKING_AGE || age >= MAX_WORKING_AGE) {
                    refusals.conditionNotMet("applicant.idNumber", "The applicant (" + age + ") is outside the working age "
                            + MIN_WORKING_AGE + "–" + MAX_WORKING_AGE, "申请人（" + age + " 岁）不在法定劳动年龄内");
                }
            });
        }
    }
}
