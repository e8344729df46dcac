package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.yizhan.api.account.AccountService;
import org.yizhan.api.account.StaffDTO;
import org.yizhan.api.network.NetworkService;

@Command(scope = "yizhan", name = "staff-list", description = "Staff accounts 人员账号")
@Service
public class StaffListCommand implements Action {

    @Reference
    AccountService accounts;

    @Reference
    NetworkService network;

    @Option(name = "--center", aliases = "-c", description = "Only the staff of this center (code)")
    String center;

    @Override
    public Object execute() {
        Long centerId = center == null ? null : Centers.byCode(network, center).id;
        ShellTable table = new ShellTable();
        table.column("User 用户名");
        table.column("Name 姓名");
        table.column("Center 中心");
        table.column("Roles 角色");
        table.column("Windows 窗口");
        table.column("State 状态");
        for (StaffDTO s : Commands.run(() -> accounts.staff(Centers.console(network), centerId))) {
            String state = !s.active ? "inactive 停用" : s.lockedUntil != null ? "locked until " + s.lockedUntil
                    : s.mustChangePassword ? "must change password 待改密" : "active 正常";
            table.addRow().addContent(s.username, s.name, network.center(s.centerId).map(c -> c.code).orElse("?"),
                    String.join(",", s.roles), String.join(",", s.windows), state);
        }
        table.print(System.out);
        return null;
    }
}
