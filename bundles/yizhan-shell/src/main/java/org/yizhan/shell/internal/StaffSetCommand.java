package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.yizhan.api.account.AccountService;
import org.yizhan.api.account.StaffDTO;
import org.yizhan.api.account.StaffInput;
import org.yizhan.api.network.NetworkService;

@Command(scope = "yizhan", name = "staff-set", description = "Change an account: center, roles, windows, active 修改人员账号")
@Service
public class StaffSetCommand implements Action {

    @Reference
    AccountService accounts;

    @Reference
    NetworkService network;

    @Argument(index = 0, name = "username", required = true)
    String username;

    @Option(name = "--name", description = "Display name")
    String name;

    @Option(name = "--center", aliases = "-c", description = "Center code")
    String center;

    @Option(name = "--roles", aliases = "-r", description = "Comma-separated roles")
    String roles;

    @Option(name = "--windows", aliases = "-w", description = "Comma-separated window types")
    String windows;

    @Option(name = "--active", description = "true or false")
    String active;

    @Override
    public Object execute() {
        StaffInput in = new StaffInput();
        in.name = name;
        in.centerId = center == null ? null : Centers.byCode(network, center).id;
        in.roles = roles == null ? null : StaffAddCommand.list(roles);
        in.windows = windows == null ? null : StaffAddCommand.list(windows);
        in.active = active == null ? null : Boolean.valueOf(active);
        StaffDTO s = Commands.run(() -> accounts.update(Centers.console(network), username, in));
        System.out.println(s.username + ": " + String.join(",", s.roles) + (s.active ? "" : " (inactive 停用)") + " / 已修改");
        return null;
    }
}
