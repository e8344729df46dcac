package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.yizhan.api.account.AccountService;
import org.yizhan.api.account.StaffDTO;

@Command(scope = "yizhan", name = "bootstrap",
        description = "First start of a production install: create the county center and the first county admin "
                + "(prints a one-time password); refused once any account exists 创建首个管理员")
@Service
public class BootstrapCommand implements Action {

    @Reference
    AccountService accounts;

    @Option(name = "--county-code", description = "Code of the county center, e.g. C", required = true)
    String countyCode;

    @Option(name = "--county-name", description = "Name of the county center, e.g. 青山县政务服务中心", required = true)
    String countyName;

    @Option(name = "--admin", description = "User name of the first county admin", required = true)
    String admin;

    @Override
    public Object execute() {
        StaffDTO s = Commands.run(() -> accounts.bootstrap(countyCode, countyName, admin, null, Centers.consoleUser()));
        System.out.println("County admin " + s.username + " created. One-time password (shown once; change it at first sign-in) / "
                + "首个县级管理员已创建，一次性密码（仅显示一次，首次登录须修改）: " + s.temporaryPassword);
        return null;
    }
}
