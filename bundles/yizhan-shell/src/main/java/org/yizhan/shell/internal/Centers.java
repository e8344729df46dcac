package org.yizhan.shell.internal;

import org.yizhan.api.Caller;
import org.yizhan.api.Level;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;

import java.util.Set;

/** Console helpers: centers by code, and who the console acts as. */
final class Centers {

    private Centers() {
    }

    static CenterDTO byCode(NetworkService network, String code) {
        return network.centerByCode(code).orElseThrow(() ->
                new IllegalArgumentException("No center with code " + code + " / 无此中心：" + code));
    }

    /** The console is the county administrators' tool: it acts with county-admin rights. */
    static Caller console(NetworkService network) {
        long county = network.centers().stream().filter(c -> c.level == Level.COUNTY).map(c -> c.id).findFirst().orElse(0L);
        return new Caller("console", Set.of(Caller.COUNTY_ADMIN), county);
    }
}
