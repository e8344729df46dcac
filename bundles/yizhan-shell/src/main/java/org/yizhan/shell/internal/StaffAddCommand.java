package org.yizhan.shell.internal;

import java.util.Arrays;
import java.util.List;

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

@Command(scope = "yizhan", name = "staff-add",
        description = "Create a staff account; prints its one-time password once 新建人员账号")
@Service
public class StaffAddCommand implements Action {

    @Reference
    AccountService accounts;

    @Reference
    NetworkService network;

    @Argument(index = 0, name = "username", description = "User name, e.g. clerk-T4", required = true)
    String username;

    @Argument(index = 1, name = "name", description = "Display name, e.g. 李娜", required = true)
    String name;

    @Option(name = "--center", aliases = "-c", description = "Center code", required = true)
    String center;

    @Option(name = "--roles", aliases = "-r", description = "Comma-separated: county-admin, town-admin, supervisor, clerk, village-agent, relay", required = true)
    String roles;

    @Option(name = "--windows", aliases = "-w", description = "Comma-separated window types this person serves")
    String windows;

    @Override
    public Object execute() {
        StaffInput in = new StaffInput();
        in.username = username;
        in.name = name;
        in.centerId = Centers.byCode(network, center).id;
        in.roles = list(roles);
        in.windows = windows == null ? List.of() : list(windows);
        StaffDTO s = Commands.run(() -> accounts.create(Centers.console(network), in));
        System.out.println("Account " + s.username + " created. One-time password (shown once, must be changed at first sign-in) / "
                + "一次性密码（仅显示一次，首次登录须修改）: " + s.temporaryPassword);
        return null;
    }

    static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
