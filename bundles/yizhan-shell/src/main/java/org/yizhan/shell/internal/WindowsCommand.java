package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.network.WindowDTO;
import org.yizhan.api.window.ModuleDTO;
import org.yizhan.api.window.WindowService;

@Command(scope = "yizhan", name = "windows", description = "Installed window modules, or the windows of one center (--center)")
@Service
public class WindowsCommand implements Action {

    @Reference
    WindowService windows;

    @Reference
    NetworkService network;

    @Option(name = "--center", aliases = "-c", description = "Center code, e.g. T1: its windows and their switches")
    String center;

    @Override
    public Object execute() {
        if (center != null) {
            CenterDTO c = Centers.byCode(network, center);
            ShellTable table = new ShellTable();
            table.column("Window 窗口");
            table.column("Name 名称");
            table.column("Enabled 开启");
            table.column("Special 特色");
            table.column("Installed 已安装");
            for (WindowDTO w : network.windows(c.id)) {
                table.addRow().addContent(w.type, w.name + " " + w.nameEn, w.enabled, w.special, w.available);
            }
            System.out.println(c.code + " " + c.name);
            table.print(System.out);
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Module 模块");
        table.column("Bundle");
        table.column("Version 版本");
        table.column("Windows 窗口");
        table.column("Items 事项");
        for (ModuleDTO m : windows.modules()) {
            table.addRow().addContent(m.id, m.bundle, m.version, String.join(",", m.windowTypes), String.join(",", m.items));
        }
        table.print(System.out);
        return null;
    }
}
