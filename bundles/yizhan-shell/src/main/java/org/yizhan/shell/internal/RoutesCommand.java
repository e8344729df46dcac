package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.IntegrationRouteDTO;
import org.yizhan.api.relay.RelayAdmin;

@Command(scope = "yizhan", name = "routes", description = "Integrators' route files: each route's state, exchanges, failures and last error; suspend or resume one")
@Service
public class RoutesCommand implements Action {

    @Reference
    RelayAdmin relay;

    @Reference
    NetworkService network;

    @Option(name = "--suspend", description = "Suspend this route (its file stays)")
    String suspend;

    @Option(name = "--resume", description = "Resume this route")
    String resume;

    @Option(name = "--backfill", description = "Give this route the case events since --since, each once")
    String backfill;

    @Option(name = "--since", description = "With --backfill: the first day, e.g. 2026-11-01")
    String since;

    @Override
    public Object execute() {
        if (backfill != null) {
            if (since == null) {
                System.err.println("--backfill needs --since YYYY-MM-DD");
                return null;
            }
            int n = relay.backfill(Centers.console(network), backfill, java.time.LocalDate.parse(since));
            System.out.println(backfill + ": " + n + " case events since " + since + " written 已补发");
        }
        if (suspend != null) {
            System.out.println(suspend + ": " + relay.setRouteRunning(Centers.console(network), suspend, false).state);
        }
        if (resume != null) {
            System.out.println(resume + ": " + relay.setRouteRunning(Centers.console(network), resume, true).state);
        }
        ShellTable table = new ShellTable();
        table.column("File 文件");
        table.column("Route 路由");
        table.column("State 状态");
        table.column("Exchanges 交换");
        table.column("Failures 失败");
        table.column("Last error 最近错误");
        for (IntegrationRouteDTO f : relay.integrationRoutes(Centers.console(network))) {
            if (f.error != null) {
                table.addRow().addContent(f.file, "-", "NOT LOADED 未加载", "", "", (f.line == null ? "" : "line " + f.line + ": ") + f.error);
            }
            for (IntegrationRouteDTO.RouteState r : f.routes) {
                table.addRow().addContent(f.file, r.id, r.state, r.exchanges, r.failures, r.lastError == null ? "" : r.lastError);
            }
        }
        table.print(System.out);
        return null;
    }
}
