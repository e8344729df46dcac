package org.yizhan.core.internal.relay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.yizhan.api.relay.OutboxMessageDTO;
import org.yizhan.api.relay.RelayMessageDTO;
import org.yizhan.core.internal.cases.CaseState;
import org.yizhan.core.internal.cases.EventData;
import org.yizhan.core.internal.cases.IdNumbers;
import org.yizhan.core.internal.entity.LedgerEntity;
import org.yizhan.core.internal.entity.OutboxEntity;

/** Writing to the outbox and the ledger, always inside the caller's transaction. */
public final class Relay {

    private Relay() {
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

    /** A case event for integrators: what a departmental system needs to act, no full identity number. */
    public static RelayMessageDTO event(CaseState s, String event, String center, String decidingCenter, String reason) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("number", s.number);
        p.put("status", s.status.name());
        p.put("itemCode", s.itemCode);
        p.put("itemVersion", Integer.toString(s.itemVersion));
        p.put("itemName", s.itemName);
        p.put("windowType", s.windowType);
        p.put("center", center);
        p.put("decidingCenter", decidingCenter);
        p.put("applicantName", IdNumbers.maskName(s.applicantName));
        p.put("applicantIdNumber", IdNumbers.mask(s.applicantIdNumber));
        if (s.promisedDate != null) {
            p.put("promisedDate", s.promisedDate.toString());
        }
        p.put("urgent", Boolean.toString(s.urgent));
        if (reason != null) {
            p.put("reason", reason);
        }
        RelayMessageDTO m = message(RelayMessageDTO.EVENT, s.number, center, null, p);
        m.event = event;
        return m;
    }

    public static void enqueue(EntityManager em, RelayMessageDTO m, long now) {
        OutboxEntity o = new OutboxEntity();
        o.setId(m.id);
        o.setKind(m.kind);
        o.setCaseNumber(m.caseNumber);
        o.setFromCenter(m.fromCenter);
        o.setToCenter(m.toCenter);
        o.setEvent(m.event);
        o.setCreatedAtMillis(now);
        o.setPayload(EventData.encode(m.payload));
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
        return d;
    }

    public static LedgerEntity ledger(EntityManager em, long centerId, long now, String kind, String caseNumber, String itemCode,
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
        em.persist(l);
        return l;
    }
}
