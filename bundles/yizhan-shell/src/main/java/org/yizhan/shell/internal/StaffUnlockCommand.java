package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.yizhan.api.account.AccountService;
import org.yizhan.api.network.NetworkService;

@Command(scope = "yizhan", name = "staff-unlock", description = "Lift the lock after failed sign-ins 解除锁定")
@Service
public class StaffUnlockCommand implements Action {

    @Reference
    AccountService accounts;

    @Reference
    NetworkService network;

    @Argument(index = 0, name = "username", required = true)
    String username;

    @Override
    public Object execute() {
        Commands.run(() -> accounts.unlock(Centers.console(network), username));
        System.out.println(username + " unlocked / 已解除锁定");
        return null;
    }
}
