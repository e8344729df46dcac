package org.yizhan.core.internal.stats;

import java.util.Set;

import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.network.NetworkService;

/** The centers a staff member's lists cover: theirs and below, narrowed to one of them on request. */
public final class Visibility {

    private Visibility() {
    }

    public static Set<Long> centers(NetworkService network, Caller caller, Long center) {
        Set<Long> mine = network.subtree(caller.centerId());
        if (center == null) {
            return mine;
        }
        Set<Long> wanted = network.subtree(center);
        if (wanted.isEmpty()) {
            throw YizhanException.badInput("center", "No center " + center, "中心不存在：" + center);
        }
        if (!mine.containsAll(wanted)) {
            throw YizhanException.forbidden("Center " + center + " is outside your centers", "该中心不在您的管辖范围内");
        }
        return wanted;
    }
}
