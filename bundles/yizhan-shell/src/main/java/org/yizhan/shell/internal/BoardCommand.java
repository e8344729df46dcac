package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.people.BoardDTO;
import org.yizhan.api.people.PeopleService;
import org.yizhan.api.people.PresenceDTO;

@Command(scope = "yizhan", name = "board", description = "Who is at which window of a center, who is away and where (R17, R18)")
@Service
public class BoardCommand implements Action {

    @Reference
    PeopleService people;

    @Reference
    NetworkService network;

    @Argument(index = 0, name = "center", description = "Center code, e.g. T1", required = true)
    String center;

    @Override
    public Object execute() {
        BoardDTO b = people.board(Centers.byCode(network, center).id);
        ShellTable table = new ShellTable();
        table.column("Window 窗口");
        table.column("Served by 当前办理");
        table.column("A 岗");
        table.column("B 岗");
        int unstaffed = 0;
        for (BoardDTO.Window w : b.windows) {
            table.addRow().addContent(w.windowName + " " + w.windowType, w.staffed ? w.servedBy : "- nobody 无人在岗 -", shown(w.a),
                    String.join(", ", w.b.stream().map(BoardCommand::shown).toList()));
            unstaffed += w.staffed ? 0 : 1;
        }
        table.print(System.out);
        System.out.println(b.centerName + ": " + b.windows.size() + " windows 窗口, " + unstaffed + " unstaffed 无人在岗"
                + (b.onDuty == null ? "" : ", on duty today 今日值班 " + b.onDuty));
        return null;
    }

    private static String shown(PresenceDTO p) {
        return p.name + ("PRESENT".equals(p.status) ? "" : " (" + p.whereaboutsZh + (p.until == null ? "" : " → " + p.until) + ")");
    }
}
