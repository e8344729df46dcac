package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.yizhan.api.feedback.FeedbackService;
import org.yizhan.api.feedback.RectificationDTO;
import org.yizhan.api.network.NetworkService;

@Command(scope = "yizhan", name = "rectifications", description = "Rectifications of bad ratings (R21) and their due dates")
@Service
public class RectificationsCommand implements Action {

    @Reference
    FeedbackService feedback;

    @Reference
    NetworkService network;

    @Option(name = "--center", aliases = "-c", description = "Center code: that center and those below it")
    String center;

    @Option(name = "--status", aliases = "-s", description = "OPEN, VERIFIED, RECTIFIED, VISITED, CLOSED, APPEALED or ANNULLED")
    String status;

    @Override
    public Object execute() {
        Long c = center == null ? null : Centers.byCode(network, center).id;
        ShellTable table = new ShellTable();
        table.column("Id 编号");
        table.column("Case 办件");
        table.column("Rating 评价");
        table.column("Center 中心");
        table.column("Window 窗口");
        table.column("Status 状态");
        table.column("Due 整改期限");
        table.column("Alert 预警");
        int n = 0;
        for (RectificationDTO r : feedback.rectifications(Centers.console(network), c, status == null ? null : status.toUpperCase())) {
            table.addRow().addContent(r.id, r.caseNumber, r.level.zh() + " " + r.level, Centers.code(network, r.decidingCenterId),
                    r.windowType, r.status, r.due.dueDate, r.alertLevel == null ? "" : r.alertLevel);
            n++;
        }
        table.print(System.out);
        System.out.println(n + " rectifications 差评整改");
        return null;
    }
}
