package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;

@Command(scope = "yizhan", name = "center-close", description = "Close a center with no open cases 撤销中心")
@Service
public class CenterCloseCommand implements Action {

    @Reference
    NetworkService network;

    @Argument(index = 0, name = "code", description = "Center code", required = true)
    String code;

    @Override
    public Object execute() {
        CenterDTO c = Centers.byCode(network, code);
        Commands.run(() -> network.closeCenter(Centers.console(network), c.id));
        System.out.println("Center " + c.code + " " + c.name + " closed / 已撤销");
        return null;
    }
}
