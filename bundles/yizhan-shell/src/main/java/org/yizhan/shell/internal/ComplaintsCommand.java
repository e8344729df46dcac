package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.yizhan.api.feedback.ComplaintDTO;
import org.yizhan.api.feedback.ComplaintService;
import org.yizhan.api.network.NetworkService;

@Command(scope = "yizhan", name = "complaints", description = "Complaints (R22) and their due dates; personal data is not shown")
@Service
public class ComplaintsCommand implements Action {

    @Reference
    ComplaintService complaints;

    @Reference
    NetworkService network;

    @Option(name = "--center", aliases = "-c", description = "Center code: that center and those below it")
    String center;

    @Option(name = "--status", aliases = "-s", description = "RECEIVED, REFERRED, ANSWERED or CLOSED")
    String status;

    @Override
    public Object execute() {
        Long c = center == null ? null : Centers.byCode(network, center).id;
        ShellTable table = new ShellTable();
        table.column("Complaint 投诉");
        table.column("Category 类别");
        table.column("Form 形式");
        table.column("Center 中心");
        table.column("Window 窗口");
        table.column("Status 状态");
        table.column("Due 答复期限");
        table.column("Alert 预警");
        int red = 0;
        int n = 0;
        for (ComplaintDTO d : complaints.list(Centers.console(network), c, status == null ? null : status.toUpperCase())) {
            table.addRow().addContent(d.number, d.categoryZh + " " + d.category, d.form, Centers.code(network, d.centerId),
                    d.windowType == null ? "" : d.windowType, d.status, d.dueDate.dueDate, d.alertLevel == null ? "" : d.alertLevel);
            red += "RED".equals(d.alertLevel) ? 1 : 0;
            n++;
        }
        table.print(System.out);
        System.out.println(n + " complaints 投诉, " + red + " past their due date 已超期");
        return null;
    }
}
