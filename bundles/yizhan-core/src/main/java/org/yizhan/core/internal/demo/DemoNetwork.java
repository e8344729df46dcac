package org.yizhan.core.internal.demo;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Level;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.network.NetworkServiceImpl;

/**
 * In demo mode, the demo county network of the v1 contract: county C, towns T1–T3, villages
 * TnV1 and TnV2, and each demo user's center. Existing centers are left alone.
 */
@Component(immediate = true, service = DemoNetwork.class, configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class DemoNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(DemoNetwork.class);

    /** id, code, name, English name, level, parent id. */
    record DemoCenter(long id, String code, String name, String nameEn, Level level, Long parentId) {
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

    /** The contract's centers, plus {@code extra} more villages per town for load tests (TnV3, TnV4, ...). */
    static List<DemoCenter> centers(int extra) {
        List<DemoCenter> all = new java.util.ArrayList<>(CENTERS);
        for (int t = 1; t <= 3; t++) {
            for (int v = 3; v < 3 + extra; v++) {
                String name = EXTRA_NAMES[(t * 3 + v) % EXTRA_NAMES.length];
                all.add(new DemoCenter(1000L * t + v, "T" + t + "V" + v, name + v + "村便民服务室",
                        "Village " + v + " Service Room", Level.VILLAGE, 10L + t));
            }
        }
        return all;
    }

    @Activate
    public DemoNetwork(PlatformConfig config, @Reference NetworkServiceImpl network) {
        if (!config.demo()) {
            return;
        }
        int created = 0;
        for (DemoCenter c : centers(config.demoExtraVillagesPerTown())) {
            if (network.centerByCode(c.code()).isEmpty()) {
                network.createCenter(c.id(), c.code(), c.name(), c.nameEn(), c.level(), c.parentId());
                created++;
            }
        }
        for (DemoUsers.DemoUser u : DemoUsers.users(config.demoExtraVillagesPerTown())) {
            long center = network.centerByCode(u.centerCode()).orElseThrow().id;
            if (network.staffCenter(u.name()).isEmpty()) {
                network.assignStaff(u.name(), center, u.name());
            }
        }
        // 桃源乡 (T3) grows tea: it runs the tea-industry special window and its villages take its cases.
        for (String code : List.of("T3", "T3V1", "T3V2")) {
            network.presetWindow(network.centerByCode(code).orElseThrow().id, "tea-industry", true);
        }
        LOG.info("Demo mode 演示模式: demo county network ready ({} centers created)", created);
    }
}
