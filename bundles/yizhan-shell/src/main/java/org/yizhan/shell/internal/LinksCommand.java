package org.yizhan.shell.internal;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.LinkDTO;
import org.yizhan.api.relay.RelayLinks;

@Command(scope = "yizhan", name = "links", description = "The relay links of this container, or remove one 报送链路")
@Service
public class LinksCommand implements Action {

    @Reference
    RelayLinks links;

    @Reference
    NetworkService network;

    @Option(name = "--remove", description = "Remove the link <here> <there>: messages over it are refused from then on")
    boolean remove;

    @Argument(index = 0, name = "here", required = false)
    String local;

    @Argument(index = 1, name = "there", required = false)
    String peer;

    @Override
    public Object execute() {
        if (remove) {
            if (local == null || peer == null || !links.remove(Centers.console(network), local, peer)) {
                throw new IllegalArgumentException("No link " + local + " > " + peer + " / 没有该链路");
            }
            System.out.println("Link " + local + " > " + peer + " removed / 链路已删除");
            return null;
        }
        System.out.printf("%-10s %-10s %-18s %s%n", "HERE 本端", "THERE 对端", "FINGERPRINT 指纹", "CREATED 生成时间");
        for (LinkDTO l : links.links(Centers.console(network))) {
            System.out.printf("%-10s %-10s %-18s %s%n", l.localCenter, l.peerCenter, l.fingerprint, Instant.ofEpochMilli(l.createdAtMillis));
        }
        return null;
    }
}
