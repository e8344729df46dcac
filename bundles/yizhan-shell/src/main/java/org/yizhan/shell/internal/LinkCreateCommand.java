package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.LinkDTO;
import org.yizhan.api.relay.RelayLinks;

@Command(scope = "yizhan", name = "link-create",
        description = "Generate the key of the relay link between a center here and its parent or child elsewhere 生成报送链路密钥")
@Service
public class LinkCreateCommand implements Action {

    @Reference
    RelayLinks links;

    @Reference
    NetworkService network;

    @Argument(index = 0, name = "here", description = "Code of the center in this container, e.g. T1", required = true)
    String local;

    @Argument(index = 1, name = "there", description = "Code of its parent or child in the other container, e.g. T1V1", required = true)
    String peer;

    @Override
    public Object execute() {
        LinkDTO link = links.create(Centers.console(network), local, peer);
        System.out.println("Link " + link.localCenter + " > " + link.peerCenter + " created, key fingerprint " + link.fingerprint
                + " / 链路已生成");
        System.out.println("On the container of " + link.peerCenter + ", run this once (the key is not shown again) / 请在对方节点执行：");
        System.out.println("yizhan:link-import " + link.token);
        return null;
    }
}
