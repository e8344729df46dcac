package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.yizhan.api.Level;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.CenterInput;
import org.yizhan.api.network.NetworkService;

@Command(scope = "yizhan", name = "center-add", description = "Create a center under its parent (R1) 新建中心")
@Service
public class CenterAddCommand implements Action {

    @Reference
    NetworkService network;

    @Argument(index = 0, name = "code", description = "New center's code, e.g. T4", required = true)
    String code;

    @Argument(index = 1, name = "name", description = "Its name, e.g. 白石镇便民服务中心", required = true)
    String name;

    @Option(name = "--level", aliases = "-l", description = "COUNTY, TOWN or VILLAGE", required = true)
    String level;

    @Option(name = "--parent", aliases = "-p", description = "Code of the center one level up")
    String parent;

    @Option(name = "--name-en", description = "English name")
    String nameEn;

    @Override
    public Object execute() {
        CenterInput in = new CenterInput();
        in.code = code;
        in.name = name;
        in.nameEn = nameEn;
        in.level = Level.valueOf(level.toUpperCase(java.util.Locale.ROOT));
        in.parentId = parent == null ? null : Centers.byCode(network, parent).id;
        CenterDTO c = Commands.run(() -> network.createCenter(Centers.console(network), in));
        System.out.println("Center " + c.code + " " + c.name + " created (id " + c.id + ") / 已新建中心");
        return null;
    }
}
