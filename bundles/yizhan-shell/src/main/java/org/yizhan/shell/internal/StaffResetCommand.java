package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.yizhan.api.account.AccountService;
import org.yizhan.api.account.StaffDTO;
import org.yizhan.api.network.NetworkService;

@Command(scope = "yizhan", name = "staff-reset",
        description = "Give an account a new one-time password (also lifts a lock) 重置密码")
@Service
public class StaffResetCommand implements Action {

    @Reference
    AccountService accounts;

    @Reference
    NetworkService network;

    @Argument(index = 0, name = "username", required = true)
    String username;

    @Override
    public Object execute() {
        StaffDTO s = Commands.run(() -> accounts.resetPassword(Centers.console(network), username));
        System.out.println("One-time password of " + s.username + " (shown once) / 一次性密码（仅显示一次）: " + s.temporaryPassword);
        return null;
    }
}
