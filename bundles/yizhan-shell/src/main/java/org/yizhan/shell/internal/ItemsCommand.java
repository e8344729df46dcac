package org.yizhan.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.yizhan.api.catalogue.CatalogueService;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.network.NetworkService;

@Command(scope = "yizhan", name = "items", description = "The service-item catalogue, or the items open at one center (--center)")
@Service
public class ItemsCommand implements Action {

    @Reference
    CatalogueService catalogue;

    @Reference
    NetworkService network;

    @Option(name = "--center", aliases = "-c", description = "Center code, e.g. T1V1")
    String center;

    @Override
    public Object execute() {
        List<ItemDTO> items = center == null ? catalogue.items() : catalogue.itemsAt(Centers.byCode(network, center).id);
        ShellTable table = new ShellTable();
        table.column("Code 编码");
        table.column("Ver 版本");
        table.column("Name 名称");
        table.column("Window 窗口");
        table.column("Class 类型");
        table.column("Days 承诺时限");
        table.column("Accept 受理");
        table.column("Decide 决定");
        for (ItemDTO i : items) {
            table.addRow().addContent(i.code, i.version, i.name, i.windowType, i.handlingClass, i.promisedDays,
                    i.acceptLevels, i.decideLevel);
        }
        table.print(System.out);
        return null;
    }
}
