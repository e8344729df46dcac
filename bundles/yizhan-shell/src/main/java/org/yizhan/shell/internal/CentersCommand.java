package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;

@Command(scope = "yizhan", name = "centers", description = "The county's network of centers 服务网络")
@Service
public class CentersCommand implements Action {

    @Reference
    NetworkService network;

    @Option(name = "--level", aliases = "-l", description = "Only this level: COUNTY, TOWN or VILLAGE")
    String level;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Code 代码");
        table.column("Name 名称");
        table.column("Level 层级");
        table.column("Parent 上级");
        int n = 0;
        for (CenterDTO c : network.centers()) {
            if (level != null && !c.level.name().equalsIgnoreCase(level)) {
                continue;
            }
            String parent = c.parentId == null ? "" : network.center(c.parentId).map(p -> p.code).orElse("");
            table.addRow().addContent(c.id, c.code, c.name, c.level, parent);
            n++;
        }
        table.print(System.out);
        System.out.println(n + " centers 个中心");
        return null;
    }
}
