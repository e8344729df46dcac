package org.yizhan.api.relay;

import java.util.ArrayList;
import java.util.List;

/** The outbox at a glance, for operators and supervision. */
public class RelayStatusDTO {
    public long pending;
    public long dead;
    public long sent;
    /** Cases still travelling up (status RELAYING). */
    public long relaying;
    public Long oldestPendingAtMillis;
    public List<TransportDTO> transports = new ArrayList<>();
}
