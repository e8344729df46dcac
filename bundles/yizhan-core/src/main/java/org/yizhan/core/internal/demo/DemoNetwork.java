package org.yizhan.core.internal.demo;

import java.util.ArrayList;
import java.util.List;

import org.yizhan.api.Level;

/**
 * The demo county network of the v1 contract: county C, towns T1–T3, villages TnV1 and TnV2
 * (plus extra villages per town for load tests). Loaded by {@code PlatformSetup} in demo mode.
 */
public final class DemoNetwork {

    /** id, code, name, English name, level, parent id. */
    public record DemoCenter(long id, String code, String name, String nameEn, Level level, Long parentId) {
    }

    static final List<DemoCenter> CENTERS = List.of(
            new DemoCenter(1, "C", "青山县政务服务中心", "Qingshan County Administrative Service Center", Level.COUNTY, null),
            new DemoCenter(11, "T1", "柳河镇便民服务中心", "Liuhe Town Service Center", Level.TOWN, 1L),
            new DemoCenter(12, "T2", "石桥镇便民服务中心", "Shiqiao Town Service Center", Level.TOWN, 1L),
            new DemoCenter(13, "T3", "桃源乡便民服务中心", "Taoyuan Township Service Center", Level.TOWN, 1L),
            new DemoCenter(111, "T1V1", "东湾村便民服务室", "Dongwan Village Service Room", Level.VILLAGE, 11L),
            new DemoCenter(112, "T1V2", "杨柳村便民服务室", "Yangliu Village Service Room", Level.VILLAGE, 11L),
            new DemoCenter(121, "T2V1", "石门村便民服务室", "Shimen Village Service Room", Level.VILLAGE, 12L),
            new DemoCenter(122, "T2V2", "龙泉村便民服务室", "Longquan Village Service Room", Level.VILLAGE, 12L),
            new DemoCenter(131, "T3V1", "桃花村便民服务室", "Taohua Village Service Room", Level.VILLAGE, 13L),
            new DemoCenter(132, "T3V2", "竹林村便民服务室", "Zhulin Village Service Room", Level.VILLAGE, 13L));

    private static final String[] EXTRA_NAMES = {"白沙", "青石", "柏树", "新田", "黄泥", "枫林", "长岭", "双溪"};

    /** 桃源乡 (T3) grows tea: it runs the tea-industry special window and its villages take its cases. */
    /** The standard windows every demo town runs; each gets a post, A clerk-Tn and B clerk-Tn-b (R17). */
    public static final java.util.List<String> TOWN_WINDOWS = java.util.List.of("civil-affairs", "agriculture", "family-planning",
            "disabled-federation", "medical-care", "labour-social-security", "construction", "sci-tech-info", "convenience",
            "legal-consultation");

    public static final List<String> TEA_CENTERS = List.of("T3", "T3V1", "T3V2");

    private DemoNetwork() {
    }

    /** The contract's centers, plus {@code extra} more villages per town for load tests (TnV3, TnV4, ...). */
    public static List<DemoCenter> centers(int extra) {
        List<DemoCenter> all = new ArrayList<>(CENTERS);
        for (int t = 1; t <= 3; t++) {
            for (int v = 3; v < 3 + extra; v++) {
                String name = EXTRA_NAMES[(t * 3 + v) % EXTRA_NAMES.length];
                all.add(new DemoCenter(1000L * t + v, "T" + t + "V" + v, name + v + "村便民服务室",
                        "Village " + v + " Service Room", Level.VILLAGE, 10L + t));
            }
        }
        return all;
    }
}
