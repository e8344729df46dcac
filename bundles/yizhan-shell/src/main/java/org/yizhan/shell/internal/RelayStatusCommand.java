package org.yizhan.shell.internal;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.yizhan.api.Caller;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.IntegrationRouteDTO;
import org.yizhan.api.relay.OutboxMessageDTO;
import org.yizhan.api.relay.RelayAdmin;
import org.yizhan.api.relay.RelayService;
import org.yizhan.api.relay.RelayStatusDTO;
import org.yizhan.api.relay.TransportDTO;

@Command(scope = "yizhan", name = "relay-status",
        description = "Relay 报送: the outbox, transports per center, dead letters and integrators' route files")
@Service
public class RelayStatusCommand implements Action {

    @Reference
    RelayService relay;

    @Reference(optional = true)
    RelayAdmin admin;

    @Reference
    NetworkService network;

    @Option(name = "--dead", aliases = "-d", description = "List the dead letters")
    boolean dead;

    @Override
    public Object execute() {
        Caller caller = Centers.console(network);
        RelayStatusDTO s = relay.status(caller);
        System.out.println("outbox 发件箱: " + s.pending + " pending 待发, " + s.dead + " dead 死信, " + s.sent + " delivered 已送达"
                + (s.oldestPendingAtMillis == null ? "" : ", oldest pending since " + Instant.ofEpochMilli(s.oldestPendingAtMillis)));
        System.out.println("cases travelling up 报送中: " + s.relaying);
        if (admin == null) {
            System.out.println("relay feature not installed: nothing is dispatched (feature:install yizhan-relay)");
        } else {
            ShellTable t = new ShellTable();
            t.column("Center 中心");
            t.column("Transport 报送方式");
            t.column("Pending 待发");
            t.column("Dead 死信");
            for (TransportDTO d : admin.transports(caller)) {
                t.addRow().addContent(d.centerCode, d.transport, d.pending, d.dead);
            }
            t.addRow().addContent("(others 其余)", "local", "", "");
            t.print(System.out);
            for (IntegrationRouteDTO r : admin.integrationRoutes(caller)) {
                System.out.println("route file " + r.file + ": " + (r.error == null ? r.routeIds : "NOT LOADED" + (r.line == null ? "" : " (line " + r.line + ")") + ": " + r.error
                        + (r.routeIds.isEmpty() ? "" : " (still running: " + r.routeIds + ")")));
            }
        }
        if (dead) {
            ShellTable t = new ShellTable();
            t.column("Id");
            t.column("Kind 类型");
            t.column("Case 办件");
            t.column("To 发往");
            t.column("Attempts 次数");
            t.column("Last error 最后错误");
            for (OutboxMessageDTO m : relay.deadLetters(caller, 200, null)) {
                t.addRow().addContent(m.message.id, m.message.kind + (m.message.event == null ? "" : "/" + m.message.event),
                        m.message.caseNumber, m.route != null ? "route " + m.route : m.message.toCenter == null ? "integration" : m.message.toCenter, m.attempts, m.lastError);
            }
            t.print(System.out);
        }
        return null;
    }
}
