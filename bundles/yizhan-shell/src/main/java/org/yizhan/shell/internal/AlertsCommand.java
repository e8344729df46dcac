package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.supervision.AlertDTO;
import org.yizhan.api.supervision.AlertPageDTO;
import org.yizhan.api.supervision.ScanDTO;
import org.yizhan.api.supervision.SupervisionService;

@Command(scope = "yizhan", name = "alerts", description = "E-supervision alerts: cases near (YELLOW) or past (RED) their promised date")
@Service
public class AlertsCommand implements Action {

    @Reference
    SupervisionService supervision;

    @Reference
    NetworkService network;

    @Option(name = "--center", aliases = "-c", description = "Center code: that center and those below it")
    String center;

    @Option(name = "--level", aliases = "-l", description = "RED or YELLOW")
    String level;

    @Option(name = "--scan", description = "Run a full scan first")
    boolean scan;

    @Override
    public Object execute() {
        if (scan) {
            ScanDTO s = supervision.scan(true);
            System.out.println("scan " + s.day + ": " + s.red + " red, " + s.yellow + " yellow, " + s.changed + " changed, "
                    + s.jointDefaults + " joint defaults, " + s.millis + " ms"
                    + (s.missingCalendarYears.isEmpty() ? "" : "; no calendar for " + s.missingCalendarYears));
        }
        Long c = center == null ? null : Centers.byCode(network, center).id;
        AlertPageDTO page = supervision.alerts(Centers.console(network), c, level == null ? null : level.toUpperCase(), null, 0, 200);
        ShellTable table = new ShellTable();
        table.column("Level 预警");
        table.column("Case 办件");
        table.column("Item 事项");
        table.column("Window 窗口");
        table.column("Status 状态");
        table.column("Promised 承诺日期");
        for (AlertDTO a : page.items) {
            table.addRow().addContent(a.level, a.number, a.itemName, a.windowType, a.status, a.promisedDate);
        }
        table.print(System.out);
        System.out.println(page.red + " red 红灯, " + page.yellow + " yellow 黄灯");
        return null;
    }
}
