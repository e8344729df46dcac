package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.RelayService;

@Command(scope = "yizhan", name = "relay-replay", description = "Put dead letters back in the outbox 重放死信")
@Service
public class RelayReplayCommand implements Action {

    @Reference
    RelayService relay;

    @Reference
    NetworkService network;

    @Argument(index = 0, name = "id", description = "The dead letter's id (see yizhan:relay-status --dead)", required = false)
    String id;

    @Option(name = "--all", aliases = "-a", description = "Replay every dead letter")
    boolean all;

    @Option(name = "--route", aliases = "-r", description = "With --all: only the dead letters of this integrator's route 仅该集成路由的死信")
    String route;

    @Override
    public Object execute() {
        if (all == (id != null) || (route != null && !all)) {
            throw new IllegalArgumentException("Give a dead letter's id or --all / 请指定死信编号或 --all");
        }
        if (all) {
            System.out.println(relay.replayAll(Centers.console(network), route) + " dead letters" + (route == null ? "" : " of route " + route)
                    + " replayed 已重放");
        } else if (relay.replay(Centers.console(network), id)) {
            System.out.println("dead letter " + id + " replayed 已重放");
        } else {
            throw new IllegalArgumentException("No dead letter " + id + " / 没有该死信");
        }
        return null;
    }
}
