package org.yizhan.core.internal.cases;

import java.util.Map;

/** One history event as the engine makes it; sealed with seq and hashes by {@link HistoryChain}. */
public final class CaseEvent {
    public int seq;
    public long atMillis;
    public String actor;
    public String role;
    public Long centerId;
    public String action;
    public String from;
    public String to;
    public String reason;
    public Map<String, String> data;
    public String hash;
    public String prevHash;

    public CaseEvent() {
    }

    public CaseEvent(String action, String from, String to, String reason, Map<String, String> data) {
        this.action = action;
        this.from = from;
        this.to = to;
        this.reason = reason;
        this.data = data;
    }
}
