package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.CenterInput;
import org.yizhan.api.network.NetworkService;

@Command(scope = "yizhan", name = "center-rename", description = "Rename a center 中心改名")
@Service
public class CenterRenameCommand implements Action {

    @Reference
    NetworkService network;

    @Argument(index = 0, name = "code", description = "Center code", required = true)
    String code;

    @Argument(index = 1, name = "name", description = "New name", required = true)
    String name;

    @Option(name = "--name-en", description = "New English name")
    String nameEn;

    @Override
    public Object execute() {
        CenterDTO c = Centers.byCode(network, code);
        CenterInput in = new CenterInput();
        in.name = name;
        in.nameEn = nameEn;
        CenterDTO after = Commands.run(() -> network.updateCenter(Centers.console(network), c.id, in));
        System.out.println("Center " + after.code + " is now " + after.name + " / 已改名");
        return null;
    }
}
