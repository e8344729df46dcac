package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "yizhan", name = "window-disable", description = "Switches a window off at a center, at once, no restart")
@Service
public class WindowDisableCommand extends WindowSwitch {

    @Override
    boolean enabled() {
        return false;
    }
}
