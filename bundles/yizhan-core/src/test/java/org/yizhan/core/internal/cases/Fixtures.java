package org.yizhan.core.internal.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.yizhan.api.Caller;
import org.yizhan.api.Level;
import org.yizhan.api.cases.ActionDTO;
import org.yizhan.api.catalogue.Category;
import org.yizhan.api.catalogue.FeeDTO;
import org.yizhan.api.catalogue.HandlingClass;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.catalogue.MaterialDTO;
import org.yizhan.core.internal.calendar.WeekdayCalendar;
import org.yizhan.core.internal.calendar.WorkCalendar;

/** Plain objects for engine tests: items, callers, a context with a settable clock. */
final class Fixtures {

    /** A chain key for the tests, in a file of its own. */
    static final HistoryChain.Hasher CHAIN = chainKey();

    private static HistoryChain.Hasher chainKey() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("yizhan-chain");
            dir.toFile().deleteOnExit();
            return new org.yizhan.core.internal.ChainKeyFile(dir.resolve("yizhan-chain.key"))::hash;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final long TOWN = 11;
    static final long VILLAGE = 111;

    static final Caller CLERK = new Caller("clerk-T1", Set.of(Caller.CLERK), TOWN);
    static final Caller AGENT = new Caller("agent-T1V1", Set.of(Caller.VILLAGE_AGENT), VILLAGE);
    static final Caller TOWN_ADMIN = new Caller("town-admin-T1", Set.of(Caller.TOWN_ADMIN), TOWN);
    static final Caller SUPERVISOR = new Caller("supervisor", Set.of(Caller.SUPERVISOR), 1);

    private Fixtures() {
    }

    static ItemDTO item(String code, HandlingClass handling, int promisedDays, long feeFen, MaterialDTO... materials) {
        ItemDTO i = new ItemDTO();
        i.code = code;
        i.version = 1;
        i.name = code + " name";
        i.windowType = "civil-affairs";
        i.handlingClass = handling;
        i.category = Category.LIVELIHOOD;
        i.promisedDays = promisedDays;
        i.legalDays = promisedDays * 2;
        i.acceptLevels = new ArrayList<>(List.of(Level.VILLAGE, Level.TOWN));
        i.decideLevel = Level.TOWN;
        i.fee = new FeeDTO(feeFen == 0 ? "Free" : "CNY " + feeFen / 100, "basis", feeFen);
        i.materials = new ArrayList<>(List.of(materials));
        return i;
    }

    static MaterialDTO req(String code) {
        return new MaterialDTO(code, code, true);
    }

    static MaterialDTO opt(String code) {
        return new MaterialDTO(code, code, false);
    }

    /** A promised item with three required materials and one optional one. */
    static ItemDTO promised() {
        return item("P-1", HandlingClass.PROMISED, 10, 0, req("id-card"), req("household"), req("income"), opt("extra"));
    }

    static ItemDTO immediate() {
        return item("I-1", HandlingClass.IMMEDIATE, 0, 0, req("id-card"));
    }

    static ItemDTO withFee() {
        return item("F-1", HandlingClass.PROMISED, 5, 1000, req("id-card"));
    }

    static ItemDTO joint() {
        ItemDTO i = item("J-1", HandlingClass.JOINT, 20, 0, req("application"));
        i.jointWindows = new ArrayList<>(List.of("agriculture", "construction"));
        return i;
    }

    /** A context whose clock the test moves. */
    static final class Ctx implements CaseEngine.Context {
        ItemDTO item;
        ItemDTO current;
        LocalDate today = LocalDate.of(2026, 11, 23); // a Monday
        long now = 1_795_000_000_000L;
        final AtomicLong receipts = new AtomicLong();

        Ctx(ItemDTO item) {
            this.item = item;
            this.current = item;
        }

        @Override
        public ItemDTO item() {
            return item;
        }

        @Override
        public Optional<ItemDTO> currentItem() {
            return Optional.ofNullable(current);
        }

        @Override
        public WorkCalendar calendar() {
            return WeekdayCalendar.INSTANCE;
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
            return () -> "FP2026-" + String.format("%06d", receipts.incrementAndGet());
        }

        @Override
        public Optional<String> windowName(String type) {
            return Set.of("civil-affairs", "agriculture", "construction").contains(type) ? Optional.of(type + "-name")
                    : Optional.empty();
        }

        void advanceDays(int days) {
            today = today.plusDays(days);
            now += days * 86_400_000L;
        }
    }

    /** A new case state at the town, as the service would prepare it. */
    static CaseState newCase(ItemDTO item, long center, String... materials) {
        CaseState s = new CaseState();
        s.number = "T1-20261123-0001";
        s.lookupCode = "ABCDEFGH";
        s.itemCode = item.code;
        s.itemVersion = item.version;
        s.itemName = item.name;
        s.centerId = center;
        s.decidingCenterId = TOWN;
        s.windowType = item.windowType;
        s.handlingClass = item.handlingClass.name();
        s.applicantName = "张三";
        s.applicantIdType = "RESIDENT_ID";
        s.applicantIdNumber = "11010519491231002X";
        s.materials = new LinkedHashSet<>(List.of(materials));
        s.jointWindows = new ArrayList<>(item.jointWindows);
        s.firstInquiryStaff = "clerk-T1";
        return s;
    }

    static CaseEngine.Actor actor(Caller caller, CaseState s) {
        return new CaseEngine.Actor(caller, caller.centerId() == s.centerId, caller.centerId() == s.decidingCenterId,
                caller.centerId() == s.decidingCenterId || caller.centerId() == 1);
    }

    /** Opens a case and seals its events, as the service does. */
    static List<CaseEvent> open(CaseState s, Caller caller, Ctx ctx) {
        List<CaseEvent> events = CaseEngine.open(s, actor(caller, s), ctx);
        stampAndSeal(s, events, caller, ctx);
        return events;
    }

    static List<CaseEvent> act(CaseState s, Caller caller, Ctx ctx, org.yizhan.api.cases.CaseAction action, ActionDTO body) {
        List<CaseEvent> events = CaseEngine.act(s, action, body, actor(caller, s), ctx);
        stampAndSeal(s, events, caller, ctx);
        return events;
    }

    static void stampAndSeal(CaseState s, List<CaseEvent> events, Caller caller, Ctx ctx) {
        for (CaseEvent e : events) {
            e.atMillis = ctx.now;
            e.actor = caller.user();
            e.role = caller.mainRole();
            e.centerId = caller.centerId();
        }
        HistoryChain.seal(CHAIN, s, events);
    }

    static ActionDTO body(String reason, List<String> materials, Map<String, String> data) {
        ActionDTO b = new ActionDTO();
        b.reason = reason;
        b.materials = new ArrayList<>(materials);
        b.data = new java.util.LinkedHashMap<>(data);
        return b;
    }

    static ActionDTO empty() {
        return body(null, List.of(), Map.of());
    }
}
