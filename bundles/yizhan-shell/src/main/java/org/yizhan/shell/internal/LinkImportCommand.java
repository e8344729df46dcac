package org.yizhan.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.LinkDTO;
import org.yizhan.api.relay.RelayLinks;

@Command(scope = "yizhan", name = "link-import", description = "Take the key yizhan:link-create printed on the other side 导入报送链路密钥")
@Service
public class LinkImportCommand implements Action {

    @Reference
    RelayLinks links;

    @Reference
    NetworkService network;

    @Argument(index = 0, name = "token", description = "The whole yizhan-link:1:... token", required = true)
    String token;

    @Override
    public Object execute() {
        LinkDTO link = links.importLink(Centers.console(network), token);
        System.out.println("Link " + link.localCenter + " > " + link.peerCenter + " imported, key fingerprint " + link.fingerprint
                + " (the same on both sides) / 链路已导入");
        return null;
    }
}
