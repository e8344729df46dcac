package org.yizhan.core.internal.catalogue;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Level;
import org.yizhan.api.catalogue.Category;
import org.yizhan.api.catalogue.FeeDTO;
import org.yizhan.api.catalogue.HandlingClass;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.catalogue.MaterialDTO;
import org.yizhan.api.network.WindowTypeDTO;
import org.yizhan.core.internal.network.NetworkServiceImpl;

/**
 * The standard windows of R2 and the comprehensive window of R3, and a first set of service
 * items drawn from the source documents (R24), so that every flow can be tried before window
 * modules are installed. Publishing is idempotent: an unchanged item keeps its version.
 */
@Component(immediate = true, service = BuiltinCatalogue.class)
public class BuiltinCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(BuiltinCatalogue.class);

    static final String FREE = "不收费 Free";
    static final String FREE_BASIS = "《行政许可法》第五十八条：实施行政许可不得收取任何费用 (Administrative Licensing Law, Art. 58)";

    @Activate
    public BuiltinCatalogue(@Reference NetworkServiceImpl network, @Reference CatalogueServiceImpl catalogue) {
        for (WindowTypeDTO t : windowTypes()) {
            network.registerWindowType(t, true);
        }
        int n = 0;
        for (ItemDTO item : items()) {
            catalogue.publish(item);
            n++;
        }
        LOG.info("Built-in catalogue: {} window types, {} items / 内置事项目录已加载", windowTypes().size(), n);
    }

    static WindowTypeDTO type(String type, String name, String nameEn, boolean standard) {
        WindowTypeDTO t = new WindowTypeDTO();
        t.type = type;
        t.name = name;
        t.nameEn = nameEn;
        t.standard = standard;
        t.special = false;
        return t;
    }

    /** R2's standard windows, and R3's comprehensive window. */
    public static List<WindowTypeDTO> windowTypes() {
        return List.of(
                type("civil-affairs", "民政", "Civil affairs", true),
                type("disabled-federation", "残联", "Disabled persons' federation", true),
                type("medical-care", "合作医疗", "Cooperative medical care", true),
                type("family-planning", "计生", "Family planning", true),
                type("agriculture", "涉农", "Agricultural services", true),
                type("labour-social-security", "劳动和社会保障", "Labour and social security", true),
                type("construction", "建设", "Construction", true),
                type("sci-tech-info", "科技信息", "Science and technology information", true),
                type("convenience", "便民服务", "General convenience services", true),
                type("legal-consultation", "法律政策咨询", "Legal and policy consultation", true),
                type("comprehensive", "综合窗口", "Comprehensive window", true));
    }

    static ItemDTO item(String code, String name, String nameEn, String window, HandlingClass handling, Category category,
                        int promisedDays, int legalDays, List<Level> accept, Level decide, String body, String basis,
                        String conditions, String procedure, FeeDTO fee, MaterialDTO... materials) {
        ItemDTO i = new ItemDTO();
        i.code = code;
        i.name = name;
        i.nameEn = nameEn;
        i.windowType = window;
        i.handlingClass = handling;
        i.category = category;
        i.promisedDays = promisedDays;
        i.legalDays = legalDays;
        i.acceptLevels = new ArrayList<>(accept);
        i.decideLevel = decide;
        i.implementingBody = body;
        i.legalBasis = basis;
        i.conditions = conditions;
        i.procedure = procedure;
        i.contact = "县政务服务中心 0000-12345（工作日 8:30-17:30）";
        i.fee = fee;
        i.materials = new ArrayList<>(List.of(materials));
        return i;
    }

    static MaterialDTO req(String code, String name) {
        return new MaterialDTO(code, name, true);
    }

    static MaterialDTO opt(String code, String name) {
        return new MaterialDTO(code, name, false);
    }

    static FeeDTO free() {
        return new FeeDTO(FREE, FREE_BASIS, 0);
    }

    public static List<ItemDTO> items() {
        List<Level> villageUp = List.of(Level.VILLAGE, Level.TOWN);
        List<ItemDTO> items = new ArrayList<>();
        items.add(item("MZ-001", "最低生活保障申请", "Minimum living allowance (dibao)", "civil-affairs",
                HandlingClass.PROMISED, Category.LIVELIHOOD, 20, 30, villageUp, Level.TOWN,
                "乡镇人民政府（街道办事处）", "《社会救助暂行办法》第九条至第十一条",
                "共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合家庭财产状况规定",
                "申请 → 受理 → 入户调查 → 民主评议 → 公示 → 审批 → 发放", free(),
                req("id-card", "申请人居民身份证复印件"), req("household-register", "户口簿复印件"),
                req("income-proof", "家庭收入证明"), req("property-statement", "家庭财产状况申报表"),
                opt("disability-card", "残疾人证（如有）")));
        items.add(item("MZ-002", "临时救助申请", "Temporary assistance", "civil-affairs",
                HandlingClass.PROMISED, Category.LIVELIHOOD, 5, 10, villageUp, Level.TOWN,
                "乡镇人民政府（街道办事处）", "《社会救助暂行办法》第四十七条至第五十条",
                "因火灾、交通事故等意外事件或家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难",
                "申请 → 受理 → 审核 → 审批 → 发放", free(),
                req("id-card", "申请人居民身份证复印件"), req("hardship-statement", "困难情况说明"),
                opt("medical-bills", "医疗费用票据（因病申请时）")));
        items.add(item("MZ-003", "高龄津贴申领", "Subsidy for the elderly (80+)", "civil-affairs",
                HandlingClass.IMMEDIATE, Category.LIVELIHOOD, 0, 5, List.of(Level.TOWN), Level.TOWN,
                "乡镇人民政府（街道办事处）", "省高龄津贴发放管理办法",
                "具有本县户籍、年满 80 周岁的老年人", "申请 → 当场审核 → 办结", free(),
                req("id-card", "老年人居民身份证复印件"), req("bank-card", "本人银行卡（折）复印件")));
        items.add(item("JS-001", "生育登记", "Birth registration", "family-planning",
                HandlingClass.IMMEDIATE, Category.LIVELIHOOD, 0, 1, villageUp, Level.TOWN,
                "乡镇人民政府（街道办事处）", "《人口与计划生育法》；省人口与计划生育条例",
                "夫妻双方或一方户籍在本县", "申请 → 当场登记 → 办结", free(),
                req("id-cards", "夫妻双方居民身份证"), req("household-register", "户口簿"),
                req("marriage-certificate", "结婚证")));
        items.add(item("JS-002", "独生子女父母光荣证办理", "Only-child parents' certificate", "family-planning",
                HandlingClass.PROMISED, Category.LIVELIHOOD, 5, 10, villageUp, Level.TOWN,
                "乡镇人民政府（街道办事处）", "省人口与计划生育条例", "只生育一个子女并自愿不再生育的夫妻",
                "申请 → 村（居）委会初审 → 乡镇审核发证", free(),
                req("id-cards", "夫妻双方居民身份证"), req("household-register", "户口簿"),
                req("photo", "夫妻双方近期合影 2 张")));
        items.add(item("SN-001", "农村土地承包经营权流转备案", "Filing of a rural land-use transfer", "agriculture",
                HandlingClass.PROMISED, Category.PRODUCTION_BUSINESS, 5, 10, villageUp, Level.TOWN,
                "乡镇人民政府农村经营管理机构", "《农村土地承包法》第三十六条；《农村土地经营权流转管理办法》",
                "流转双方自愿、有偿，流转期限不超过承包期剩余期限", "提交合同 → 审核 → 备案登记", free(),
                req("transfer-contract", "土地经营权流转合同"), req("contract-certificate", "土地承包经营权证复印件"),
                req("id-cards", "流转双方身份证明")));
        items.add(item("SN-002", "林木采伐许可证核发", "Timber-cutting permit", "agriculture",
                HandlingClass.PROMISED, Category.PRODUCTION_BUSINESS, 10, 20, villageUp, Level.TOWN,
                "乡镇林业工作站（受县林业主管部门委托）", "《森林法》第五十六条、第五十七条",
                "采伐林木在年度采伐限额内，已完成伐区调查设计", "申请 → 伐区核实 → 审核 → 发证", free(),
                req("application", "林木采伐申请书"), req("forest-right-certificate", "林权证明"),
                req("cutting-design", "伐区调查设计")));
        items.add(item("SN-003", "农村土地承包经营权证补发", "Reissue of a land contract certificate", "agriculture",
                HandlingClass.PROMISED, Category.LIVELIHOOD, 10, 20, List.of(Level.TOWN), Level.COUNTY,
                "县农业农村局", "《农村土地承包经营权证管理办法》", "证书遗失或损毁",
                "乡镇受理 → 上报县农业农村局 → 补发", new FeeDTO("工本费 10 元/本 Certificate fee CNY 10",
                        "省物价局、财政厅关于农村土地承包经营权证工本费标准的批复", 1000),
                req("id-card", "承包方代表居民身份证"), req("loss-statement", "遗失声明或损毁证书")));
        ItemDTO joint = item("JS-010", "农村村民住宅建设审批", "Rural housing construction approval", "construction",
                HandlingClass.JOINT, Category.LIVELIHOOD, 20, 30, List.of(Level.TOWN), Level.TOWN,
                "乡镇人民政府", "《土地管理法》第六十二条；《乡村规划许可实施意见》",
                "一户一宅，符合村庄规划和用途管制", "受理 → 联合审查（涉农、建设）→ 审批 → 发证",
                free(), req("application", "农村宅基地和建房（规划许可）申请表"), req("id-card", "申请人居民身份证"),
                req("household-register", "户口簿"), req("site-plan", "建房设计图或通用图"),
                req("village-opinion", "村民小组及村委会意见"));
        joint.jointWindows = new ArrayList<>(List.of("agriculture"));
        items.add(joint);
        items.add(item("LB-001", "灵活就业人员社会保险登记", "Social insurance registration (flexible employment)",
                "labour-social-security", HandlingClass.IMMEDIATE, Category.LIVELIHOOD, 0, 5,
 List.of(Level.TOWN), Level.TOWN, "乡镇劳动保障所", "《社会保险法》第五十八条",
                "法定劳动年龄内的灵活就业人员", "申请 → 当场登记", free(),
                req("id-card", "居民身份证"), req("household-register", "户口簿")));
        items.add(item("XM-001", "企业投资项目备案", "Enterprise investment project filing", "comprehensive",
                HandlingClass.REPORT_UP, Category.PROJECT_INVESTMENT, 3, 5, List.of(Level.TOWN, Level.COUNTY), Level.COUNTY,
                "县发展和改革局", "《企业投资项目核准和备案管理条例》第十三条", "不属于核准目录的企业投资项目",
                "网上填报 → 受理 → 备案", free(),
                req("project-info", "项目基本情况（名称、地点、规模、内容、总投资）"), req("business-license", "营业执照")));
        return items;
    }
}
