package org.yizhan.core.internal.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.persistence.LockModeType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.alert.Thresholds;
import org.yizhan.core.internal.calendar.Calendars;
import org.yizhan.core.internal.entity.CaseEntity;

/**
 * A case's deadlines as e-supervision watches them: the yellow date and alert level every write
 * keeps current (R20, R23), and the deemed consent of joint windows whose deadline passed (R14).
 */
final class Deadlines {

    private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);

    private final Jpa jpa;
    private final NetworkService network;
    private final Calendars calendars;
    private final Thresholds thresholds;
    private final CaseRules rules;

    Deadlines(Jpa jpa, NetworkService network, Calendars calendars, Thresholds thresholds, CaseRules rules) {
        this.jpa = jpa;
        this.network = network;
        this.calendars = calendars;
        this.thresholds = thresholds;
        this.rules = rules;
    }

    /** Keeps the case's yellow date and alert level current with its promised date (R20). */
    void supervise(CaseState s, CaseEntity e, ItemDTO item, LocalDate today) {
        if (s.status == CaseStatus.RELAYING) {
            // R23: while it travels up, the transmit limit is what supervision watches
            e.setYellowDate(null);
            e.setAlertLevel(s.relayDue != null && s.relayDue.isBefore(today) ? Thresholds.RED : null);
            return;
        }
        if (s.promisedDate == null || s.acceptedAtMillis == null) {
            e.setYellowDate(null);
            e.setAlertLevel(null);
            return;
        }
        LocalDate accepted = rules.day(s.acceptedAtMillis);
        String code = network.center(s.decidingCenterId).map(c -> c.code).orElse("");
        LocalDate yellow = thresholds.yellowDate(code, calendars.calendarOf(s.decidingCenterId), accepted, s.promisedDate,
                item.promisedDays);
        e.setYellowDate(yellow.toString());
        e.setAlertLevel(Thresholds.level(s.status, s.promisedDate, yellow, today));
    }

    /**
     * R14: records the deemed consent of every joint window whose deadline has passed without
     * an opinion, as the platform ("system"); returns how many it recorded.
     */
    int applyJointDefaults(String number) {
        try {
            return jpa.tx(em -> {
                CaseEntity e = em.find(CaseEntity.class, number);
                if (e == null) {
                    return 0;
                }
                CaseState s = CaseMapper.read(e);
                ItemDTO item = rules.itemVersion(s);
                long now = System.currentTimeMillis();
                List<CaseEvent> events = CaseEngine.timeoutDefaults(s, rules.context(em, s, item, now));
                if (events.isEmpty()) {
                    return 0;
                }
                CaseRules.stamp(events, new Caller("system", Set.of(), s.decidingCenterId), now, null);
                rules.seal(s, events);
                CaseStore.save(em, s, e, events, now);
                em.lock(e, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                LOG.info("Case {}: deemed consent of {} joint window(s) after the deadline (R14) / 联办超时默认同意", number, events.size());
                return events.size();
            });
        } catch (RuntimeException e) {
            LOG.warn("Joint-review default for case {} not recorded this time: {}", number, e.toString());
            return 0;
        }
    }
}
