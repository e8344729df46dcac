package org.yizhan.core.internal.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.persistence.EntityManager;

import org.yizhan.api.Caller;
import org.yizhan.api.Level;
import org.yizhan.api.catalogue.CatalogueService;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.core.internal.calendar.Calendars;
import org.yizhan.core.internal.calendar.WorkCalendar;
import org.yizhan.core.internal.network.WindowTypes;

/**
 * What {@link CaseEngine} is given to decide with: the item version a case was taken under, the
 * deciding center's calendar, who the caller is to the case; and what the platform adds to the
 * events it makes (who, when, where, and a village room's receipt).
 */
final class CaseRules {

    private static final String VILLAGE_RECEIPT_NOTE = "承办单：申请人有权查询办理进度、对办理结果提出异议和投诉；"
            + "应如实提供材料，按告知补正。 The applicant may follow the case, object to the result and complain; "
            + "materials must be true and completed as told (R12).";

    private final NetworkService network;
    private final WindowTypes windowTypes;
    private final CatalogueService catalogue;
    private final Calendars calendars;
    private final ZoneId zone;
    private final int jointReviewDays;
    private final HistoryChain.Hasher chain;
    private final java.util.function.Supplier<org.yizhan.core.internal.people.Posts> posts;

    CaseRules(NetworkService network, WindowTypes windowTypes, CatalogueService catalogue, Calendars calendars, ZoneId zone,
              int jointReviewDays, HistoryChain.Hasher chain, java.util.function.Supplier<org.yizhan.core.internal.people.Posts> posts) {
        this.chain = chain;
        this.posts = posts;
        this.network = network;
        this.windowTypes = windowTypes;
        this.catalogue = catalogue;
        this.calendars = calendars;
        this.zone = zone;
        this.jointReviewDays = jointReviewDays;
    }

    ZoneId zone() {
        return zone;
    }

    /** Continues the case's history chain with the new events, under the installation's chain key. */
    void seal(CaseState s, List<CaseEvent> events) {
        HistoryChain.seal(chain, s, events);
    }

    HistoryChain.Hasher chain() {
        return chain;
    }

    LocalDate day(long millis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone);
    }

    /** The item version the case was taken under (R29): later versions never change an open case. */
    ItemDTO itemVersion(CaseState s) {
        return catalogue.item(s.itemCode, s.itemVersion).orElseThrow(() -> new IllegalStateException(
                "Item " + s.itemCode + " v" + s.itemVersion + " of case " + s.number + " is missing"));
    }

    /** Where the caller stands; whether they are the window's chief representative is asked only for an item that allows it (R4). */
    CaseEngine.Actor actor(Caller caller, CaseState s, ItemDTO item) {
        return actor(caller, s.centerId, s.decidingCenterId, s.windowType, item);
    }

    CaseEngine.Actor actor(Caller caller, long centerId, long decidingCenterId, String windowType, ItemDTO item) {
        Set<Long> mine = network.subtree(caller.centerId());
        org.yizhan.core.internal.people.Posts p = posts.get();
        boolean chief = p != null && item.chiefOnTheSpot && caller.has(Caller.CLERK) && caller.centerId() == decidingCenterId
                && p.isChief(caller.centerId(), windowType, caller.user());
        return new CaseEngine.Actor(caller, caller.centerId() == centerId, caller.centerId() == decidingCenterId,
                mine.contains(decidingCenterId), chief);
    }

    CaseEngine.Context context(EntityManager em, CaseState s, ItemDTO item, long now) {
        WorkCalendar cal = calendars.calendarOf(s.decidingCenterId);
        LocalDate today = day(now);
        return new CaseEngine.Context() {
            @Override
            public ItemDTO item() {
                return item;
            }

            @Override
            public Optional<ItemDTO> currentItem() {
                return catalogue.item(s.itemCode);
            }

            @Override
            public WorkCalendar calendar() {
                return cal;
            }

            @Override
            public LocalDate today() {
                return today;
            }

            @Override
            public long nowMillis() {
                return now;
            }

            @Override
            public Supplier<String> receiptNumbers() {
                return () -> "FP" + today.getYear() + "-" + String.format("%06d", CaseStore.next(em, "FEE-" + today.getYear()));
            }

            @Override
            public Optional<String> windowName(String type) {
                return windowTypes.windowType(type).map(t -> t.name);
            }

            @Override
            public int jointReviewDays() {
                return jointReviewDays;
            }
        };
    }

    /**
     * R17: a clerk who stands in for the A holder of the case's window at their center (A away,
     * they the first present B) acts with A's authority, and each event says so ({@code actingFor}).
     */
    void actingFor(List<CaseEvent> events, Caller caller, String windowType) {
        markActing(events, acting(caller, windowType));
    }

    /** Whom a clerk acts for at this window now (R17), if anyone. */
    Optional<String> acting(Caller caller, String windowType) {
        org.yizhan.core.internal.people.Posts p = posts.get();
        if (p == null || !caller.has(Caller.CLERK)) {
            return Optional.empty();
        }
        return p.actingFor(caller.centerId(), windowType, caller.user());
    }

    static void markActing(List<CaseEvent> events, Optional<String> acting) {
        acting.ifPresent(a -> {
            for (CaseEvent ev : events) {
                ev.data = new LinkedHashMap<>(ev.data == null ? java.util.Map.of() : ev.data);
                ev.data.put("actingFor", a);
            }
        });
    }

    /** The windows that are the caller's now (R17), or null when no posts are kept. */
    List<String> windowsOf(Caller caller) {
        org.yizhan.core.internal.people.Posts p = posts.get();
        return p == null ? List.of() : p.windowsOf(caller.centerId(), caller.user());
    }

    /** Who did it, when and at which center; and R12: a receipt issued in a village room states the applicant's rights and duties. */
    static void stamp(List<CaseEvent> events, Caller caller, long now, CenterDTO at) {
        for (CaseEvent ev : events) {
            ev.atMillis = now;
            ev.actor = caller.user();
            ev.role = caller.mainRole();
            ev.centerId = caller.centerId();
            if (at != null && at.level == Level.VILLAGE && "accept".equals(ev.action)) {
                ev.data = new LinkedHashMap<>(ev.data);
                ev.data.put("rightsAndDuties", VILLAGE_RECEIPT_NOTE);
            }
        }
    }
}
