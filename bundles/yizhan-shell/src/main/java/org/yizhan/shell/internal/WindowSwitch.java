package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.network.WindowDTO;

/** yizhan:window-enable and yizhan:window-disable: switch a window at a center, at once, no restart. */
abstract class WindowSwitch implements Action {

    @Reference
    NetworkService network;

    @Argument(index = 0, name = "center", description = "Center code, e.g. T3", required = true)
    String center;

    @Argument(index = 1, name = "window", description = "Window type, e.g. tea-industry", required = true)
    String window;

    abstract boolean enabled();

    @Override
    public Object execute() {
        CenterDTO c = Centers.byCode(network, center);
        WindowDTO w = network.setWindowEnabled(Centers.console(network), c.id, window, enabled());
        System.out.println(c.code + " " + c.name + ": " + w.type + " " + w.name + " "
                + (w.enabled ? "enabled 已开启" : "disabled 已关闭") + (w.available ? "" : " (module not installed 模块未安装)"));
        return null;
    }
}
