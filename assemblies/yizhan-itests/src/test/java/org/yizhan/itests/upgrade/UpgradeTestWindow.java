package org.yizhan.itests.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

import org.yizhan.api.Level;
import org.yizhan.api.catalogue.Category;
import org.yizhan.api.catalogue.HandlingClass;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.network.WindowTypeDTO;
import org.yizhan.api.window.ItemBuilder;
import org.yizhan.api.window.WindowModule;

/**
 * A window module packed into test bundles of two versions that differ in one time limit
 * (window.properties in the bundle): what an upgrade of a real module does to the catalogue.
 */
public class UpgradeTestWindow implements WindowModule {

    @Override
    public String id() {
        return "upgrade-test";
    }

    @Override
    public List<WindowTypeDTO> windowTypes() {
        WindowTypeDTO t = new WindowTypeDTO();
        t.type = "upgrade-test";
        t.name = "升级测试窗口";
        t.nameEn = "Upgrade test window";
        t.standard = true;
        return List.of(t);
    }

    @Override
    public List<ItemDTO> items() {
        Properties p = new Properties();
        try (InputStream in = UpgradeTestWindow.class.getResourceAsStream("/window.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int days = Integer.parseInt(p.getProperty("promisedDays"));
        return List.of(ItemBuilder.item("UP-001", "升级测试事项", "Upgrade test item").window("upgrade-test")
                .handling(HandlingClass.PROMISED).category(Category.LIVELIHOOD).days(days, 30)
                .acceptAt(Level.TOWN).decideAt(Level.TOWN).body("测试").basis("测试").conditions("测试").procedure("测试")
                .required("form", "申请表").build());
    }
}
