package org.yizhan.core.internal.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.yizhan.api.relay.OutboxMessageDTO;
import org.yizhan.api.relay.RelayMessageDTO;
import org.yizhan.core.internal.common.EventData;
import org.yizhan.core.internal.entity.LedgerEntity;
import org.yizhan.core.internal.entity.OutboxEntity;

/** Writing to the outbox and the ledger, always inside the caller's transaction. */
public final class Outbox {

    private Outbox() {
    }

    public static RelayMessageDTO message(String kind, String caseNumber, String from, String to, Map<String, String> payload) {
        RelayMessageDTO m = new RelayMessageDTO();
        m.id = UUID.randomUUID().toString();
        m.kind = kind;
        m.caseNumber = caseNumber;
        m.fromCenter = from;
        m.toCenter = to;
        m.payload = payload;
        return m;
    }

    public static void enqueue(EntityManager em, RelayMessageDTO m, long changeTime) {
        long now = org.yizhan.core.internal.common.Now.scheduling(changeTime);
        OutboxEntity o = new OutboxEntity();
        o.setId(m.id);
        o.setKind(m.kind);
        o.setCaseNumber(m.caseNumber);
        o.setFromCenter(m.fromCenter);
        o.setToCenter(m.toCenter);
        o.setEvent(m.event);
        o.setCreatedAtMillis(now);
        o.setPayload(EventData.encode(m.payload));
        o.setRouteId(m.payload == null ? null : m.payload.get(org.yizhan.api.relay.IntegrationInbound.ROUTE_KEY));
        o.setState(OutboxMessageDTO.PENDING);
        o.setNextAttemptAtMillis(now);
        em.persist(o);
        m.createdAtMillis = now;
    }

    public static OutboxMessageDTO toDTO(OutboxEntity o) {
        RelayMessageDTO m = new RelayMessageDTO();
        m.id = o.getId();
        m.kind = o.getKind();
        m.caseNumber = o.getCaseNumber();
        m.fromCenter = o.getFromCenter();
        m.toCenter = o.getToCenter();
        m.event = o.getEvent();
        m.createdAtMillis = o.getCreatedAtMillis();
        m.payload = new LinkedHashMap<>(EventData.decode(o.getPayload()));
        OutboxMessageDTO d = new OutboxMessageDTO();
        d.message = m;
        d.state = o.getState();
        d.attempts = o.getAttempts();
        d.refusals = o.getRefusals();
        d.nextAttemptAtMillis = o.getNextAttemptAtMillis();
        d.sentAtMillis = o.getSentAtMillis();
        d.lastError = o.getLastError();
        d.route = o.getRouteId();
        return d;
    }

    /** A ledger entry; {@code zone} is the platform's, in which the day of the roster (R25) is counted. */
    public static LedgerEntity ledger(EntityManager em, long centerId, long now, java.time.ZoneId zone, String kind, String caseNumber, String itemCode,
                                      String visitor, String staff, String note) {
        LedgerEntity l = new LedgerEntity();
        l.setCenterId(centerId);
        l.setAtMillis(now);
        l.setKind(kind);
        l.setCaseNumber(caseNumber);
        l.setItemCode(itemCode);
        l.setVisitorName(visitor);
        l.setStaff(staff);
        l.setNote(note == null || note.length() <= 1000 ? note : note.substring(0, 1000));
        // R25: who of the village committee was on duty that day, as the room's roster says
        String day = java.time.LocalDate.ofInstant(java.time.Instant.ofEpochMilli(now), zone).toString();
        org.yizhan.core.internal.entity.RosterEntity duty = em.find(org.yizhan.core.internal.entity.RosterEntity.class,
                org.yizhan.core.internal.entity.RosterEntity.key(centerId, day));
        l.setOnDuty(duty == null ? null : duty.getName());
        em.persist(l);
        return l;
    }
}
