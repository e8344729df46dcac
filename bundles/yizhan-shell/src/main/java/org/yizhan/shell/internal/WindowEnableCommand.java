package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "yizhan", name = "window-enable", description = "Switches a window on at a center, at once, no restart")
@Service
public class WindowEnableCommand extends WindowSwitch {

    @Override
    boolean enabled() {
        return true;
    }
}
