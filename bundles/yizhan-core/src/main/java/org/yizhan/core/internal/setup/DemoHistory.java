package org.yizhan.core.internal.setup;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.Level;
import org.yizhan.api.YizhanException;
import org.yizhan.api.calendar.CalendarService;
import org.yizhan.api.cases.ActionDTO;
import org.yizhan.api.cases.ApplicantDTO;
import org.yizhan.api.cases.CaseAction;
import org.yizhan.api.cases.CaseDTO;
import org.yizhan.api.cases.CaseService;
import org.yizhan.api.cases.NewCaseDTO;
import org.yizhan.api.catalogue.CatalogueService;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.catalogue.MaterialDTO;
import org.yizhan.api.feedback.ComplaintInput;
import org.yizhan.api.feedback.ComplaintService;
import org.yizhan.api.feedback.FeedbackService;
import org.yizhan.api.feedback.RatingInput;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.NewLedgerEntryDTO;
import org.yizhan.api.relay.RelayService;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.common.IdNumbers;
import org.yizhan.core.internal.common.Now;

/**
 * Demo mode's lived-in county: the weeks before today as the demo's staff would have worked
 * them, so the queue, e-supervision, rates, the ledger and the public's ratings show a real day.
 * Every case is made through the platform's own services, each step dated on the day it would
 * have happened ({@link Now#at}): created at a window with complete materials or with one
 * missing (the one-time notice, then the supplement), reviewed, paused for a site inspection,
 * extended by the town, approved, denied, not accepted, withdrawn, delivered; some still open
 * past their promised date (so alerts show), some urgent; village rooms' consultations in their
 * ledgers; ratings of finished cases, a few bad ones with their rectification; complaints from
 * the web. The last days' village cases are relayed to their towns as they would be today and
 * decided there. The same seed gives the same county every time (the dates follow today).
 *
 * <p>Runs once, in the background after the demo network is ready, on a database with no
 * cases, when {@code demoHistoryDays} (etc/org.yizhan.platform.cfg) is above 0; it logs its
 * progress and what it made.
 */
@Component(service = {}, immediate = true, configurationPid = PlatformConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class DemoHistory {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);
    private static final long SEED = 20_261_203L;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
            "何", "林", "罗", "高"};
    private static final String[] GIVEN = {"建国", "秀英", "桂兰", "海燕", "志强", "丽华", "春生", "玉梅", "永红", "德明", "小芳", "国庆",
            "金花", "文军", "淑珍", "明亮", "红梅", "立新", "翠萍", "长青"};
    private static final String[] CONSULTATIONS = {"咨询低保申请条件", "询问合作医疗报销进度", "了解农机购置补贴", "咨询生育登记所需材料",
            "询问茶园改造补助", "咨询建房审批流程", "了解残疾人两项补贴"};

    private final CaseService cases;
    private final CatalogueService catalogue;
    private final NetworkService network;
    private final CalendarService calendar;
    private final FeedbackService feedback;
    private final ComplaintService complaints;
    private final RelayService relay;
    private final org.yizhan.api.supervision.SupervisionService supervision;
    private final Jpa jpa;
    private final ZoneId zone;
    private final int days;
    /** Its own thread, only in a demo that is to be made (a production container starts none). */
    private final ScheduledExecutorService worker;
    private volatile boolean stopped;
    private final org.yizhan.core.internal.Cluster cluster;

    @Activate
    public DemoHistory(PlatformConfig config, @Reference PlatformSetup setup, @Reference CaseService cases,
                       @Reference CatalogueService catalogue, @Reference NetworkService network, @Reference CalendarService calendar,
                       @Reference FeedbackService feedback, @Reference ComplaintService complaints, @Reference RelayService relay,
                       @Reference org.yizhan.api.supervision.SupervisionService supervision, @Reference Jpa jpa,
                       @Reference org.yizhan.core.internal.Cluster cluster) {
        this.cluster = cluster;
        this.cases = cases;
        this.catalogue = catalogue;
        this.network = network;
        this.calendar = calendar;
        this.feedback = feedback;
        this.complaints = complaints;
        this.relay = relay;
        this.supervision = supervision;
        this.jpa = jpa;
        this.zone = ZoneId.of(config.zone());
        this.days = Math.min(Math.max(config.demoHistoryDays(), 0), 90);
        if (config.demo() && days > 0 && setup.demoReady()) {
            worker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "yizhan-demo-history");
                t.setDaemon(true);
                return t;
            });
            worker.schedule(() -> waitForWindows(System.nanoTime() + TimeUnit.MINUTES.toNanos(3)), 0, TimeUnit.SECONDS);
        } else {
            worker = null;
        }
    }

    @Deactivate
    void stop() {
        stopped = true;
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /** The window modules arrive after the core: the history waits for their items (every 2 s, at most 3 minutes). */
    private void waitForWindows(long deadline) {
        if (stopped) {
            return;
        }
        Set<String> windows = new HashSet<>();
        catalogue.items().forEach(i -> windows.add(i.windowType));
        if (windows.containsAll(List.of("civil-affairs", "agriculture", "family-planning"))) {
            try {
                // several nodes started together in demo mode on one database: one makes it, the others then find its cases
                cluster.exclusive("demo-history", this::make);
            } catch (RuntimeException e) {
                LOG.warn("Demo history stopped part way / 演示历史数据生成中断: {}", e.toString());
            }
        } else if (System.nanoTime() < deadline) {
            worker.schedule(() -> waitForWindows(deadline), 2, TimeUnit.SECONDS);
        } else {
            LOG.info("Demo history not made: the window modules did not arrive within 3 minutes / 窗口模块未就绪，未生成演示历史");
        }
    }

    private record Staff(Caller clerk, Caller admin) {
    }

    private record Finished(String number, long at) {
    }

    private final Map<String, Integer> made = new java.util.TreeMap<>();
    private final Set<String> refusedItems = new HashSet<>();
    private int serial;

    private void make() {
        long existing = jpa.read(em -> em.createQuery("SELECT COUNT(c) FROM CaseEntity c", Long.class).getSingleResult());
        if (existing > 0) {
            LOG.debug("Demo history: the database has cases already; nothing made");
            return;
        }
        long t0 = System.nanoTime();
        LOG.info("Demo history: making the last {} days of the demo county / 正在生成最近 {} 天的演示办件", days, days);
        Random random = new Random(SEED);
        Map<String, CenterDTO> centers = new HashMap<>();
        network.centers().forEach(c -> centers.put(c.code, c));
        Map<String, Staff> staff = new HashMap<>();
        Caller countyAdmin = caller("admin", Caller.COUNTY_ADMIN, centers.get("C"));
        staff.put("C", new Staff(caller("clerk-C", Caller.CLERK, centers.get("C")), countyAdmin));
        for (String town : List.of("T1", "T2", "T3")) {
            CenterDTO c = centers.get(town);
            staff.put(town, new Staff(caller("clerk-" + town, Caller.CLERK, c), caller("town-admin-" + town, Caller.TOWN_ADMIN, c)));
        }
        LocalDate today = LocalDate.now(zone);
        List<Finished> finished = new ArrayList<>();
        for (int ago = days; ago >= 1 && !stopped; ago--) {
            LocalDate day = today.minusDays(ago);
            if (!workingDay(centers.get("C").id, day)) {
                continue;
            }
            int perDay = 12 + random.nextInt(10);
            for (int i = 0; i < perDay && !stopped; i++) {
                String code = pick(random, "C", "C", "T1", "T1", "T1", "T2", "T2", "T3", "T3");
                oneCase(random, centers.get(code), staff.get(code), day, today, finished);
            }
            for (String room : List.of("T1V1", "T1V2", "T2V1", "T3V1")) {
                if (random.nextInt(3) == 0 && centers.containsKey(room)) {
                    consultation(random, centers.get(room), day);
                }
            }
        }
        rate(random, finished, staff);
        complain(random, centers, today);
        relayed(random, centers, staff, today);
        // e-supervision's full pass now, rather than at its next daily one: the late cases are red and yellow at once
        supervision.scan(true);
        LOG.info("Demo history ready in {} s: {} / 演示历史数据已生成", (System.nanoTime() - t0) / 1_000_000_000L, made);
    }

    /** One case at a town or the county, from its creation on {@code day} to where it would be today. */
    private void oneCase(Random random, CenterDTO center, Staff staff, LocalDate day, LocalDate today, List<Finished> finished) {
        List<ItemDTO> items = new ArrayList<>();
        for (ItemDTO i : catalogue.itemsAt(center.id)) {
            // decided where it is taken (the relayed ones are the village rooms' below)
            if (!refusedItems.contains(i.code) && i.jointWindows.isEmpty() && i.acceptLevels.contains(center.level)
                    && (i.decideLevel == null || i.decideLevel == center.level)) {
                items.add(i);
            }
        }
        if (items.isEmpty()) {
            return;
        }
        ItemDTO item = items.get(random.nextInt(items.size()));
        Caller clerk = staff.clerk();
        NewCaseDTO req = new NewCaseDTO();
        req.itemCode = item.code;
        req.centerId = center.id;
        req.applicant = applicant(random);
        req.urgent = random.nextInt(12) == 0 ? Boolean.TRUE : null;
        List<String> required = item.materials.stream().filter(m -> m.required).map(m -> m.code).toList();
        req.materials = new ArrayList<>(required);
        boolean missing = !required.isEmpty() && random.nextInt(6) == 0;
        if (missing) {
            req.materials.remove(random.nextInt(req.materials.size()));
        }
        long[] last = {at(day, 9, random)};
        CaseDTO c;
        try {
            c = Now.at(last[0], () -> cases.create(clerk, req));
        } catch (YizhanException refused) {
            // an item with its own conditions (an attribute, a date) the demo does not fill in: left out from now on
            refusedItems.add(item.code);
            LOG.debug("Demo history: {} left out ({})", item.code, refused.getMessage());
            return;
        }
        count("created");
        String n = c.number;
        int fate = random.nextInt(100);
        LocalDate d = day;
        if (c.status == org.yizhan.api.cases.CaseStatus.APPROVED) {
            // an immediate item, approved at the window (R9): handed over the same day, mostly
            long when = next(last, at(day, 9, random));
            if (fate < 90 && act(clerk, n, CaseAction.DELIVER, new ActionDTO(), when)) {
                count("delivered");
                finished.add(new Finished(n, when));
            } else {
                count("approved");
            }
            return;
        }
        if (missing) {
            if (fate < 20) {
                count("awaiting supplement");
                return;
            }
            if (fate < 35) {
                LocalDate told = later(center, d, 1, today);
                long when = next(last, at(told == null ? d : told, 10, random));
                ActionDTO notAccept = reason("申请人无法补齐材料");
                notAccept.data.put("kind", "INCOMPLETE");
                if (act(clerk, n, CaseAction.NOT_ACCEPT, notAccept, when)) {
                    count("not accepted");
                    finished.add(new Finished(n, when));
                }
                return;
            }
            d = later(center, d, 1 + random.nextInt(2), today);
            if (d == null) {
                count("awaiting supplement");
                return;
            }
            ActionDTO supplement = new ActionDTO();
            supplement.materials = new ArrayList<>(required);
            if (!act(clerk, n, CaseAction.SUPPLEMENT, supplement, next(last, at(d, 9, random)))) {
                return;
            }
        }
        if (fate < 3) {
            act(clerk, n, CaseAction.WITHDRAW, reason("申请人撤回申请"), next(last, at(d, 14, random)));
            count("withdrawn");
            return;
        }
        // work starts within a day or two; the decision comes within the promised days, a few later (overdue, or still open)
        LocalDate review = later(center, d, random.nextInt(2), today);
        if (review == null || !act(clerk, n, CaseAction.START_REVIEW, new ActionDTO(), next(last, at(review, 10, random)))) {
            count("accepted");
            return;
        }
        LocalDate decision = later(center, review, Math.max(0, Math.min(item.promisedDays, 1 + random.nextInt(Math.max(1, item.promisedDays)))
                + (random.nextInt(10) == 0 ? 3 + random.nextInt(4) : 0)), today);
        if (fate >= 3 && fate < 8) {
            ActionDTO pause = reason("现场核查");
            pause.data.put("kind", "SITE_INSPECTION");
            if (!act(clerk, n, CaseAction.PAUSE, pause, next(last, at(review, 15, random)))) {
                return;
            }
            LocalDate resume = later(center, review, 2 + random.nextInt(3), today);
            if (resume == null || !act(clerk, n, CaseAction.RESUME, new ActionDTO(), next(last, at(resume, 9, random)))) {
                count("paused");
                return;
            }
            decision = later(center, resume, 1, today);
        }
        if (fate >= 8 && fate < 11 && staff.admin() != null) {
            ActionDTO extend = reason("需补充调查");
            LocalDate newDate = (decision == null ? today : decision).plusDays(7);
            extend.data.put("newPromisedDate", newDate.toString());
            if (act(staff.admin(), n, CaseAction.EXTEND, extend, next(last, at(review, 16, random)))) {
                count("extended");
            }
        }
        if (decision == null) {
            count("in review");
            return;
        }
        if (fate >= 11 && fate < 17) {
            long when = next(last, at(decision, 11, random));
            if (act(clerk, n, CaseAction.DENY, reason("经审核不符合条件"), when)) {
                count("denied");
                finished.add(new Finished(n, when));
            }
            return;
        }
        if (!act(clerk, n, CaseAction.APPROVE, new ActionDTO(), next(last, at(decision, 11, random)))) {
            count("in review");
            return;
        }
        LocalDate delivery = later(center, decision, random.nextInt(3), today);
        if (delivery == null || fate >= 94) {
            count("approved");
            return;
        }
        long when = next(last, at(delivery, 15, random));
        if (act(clerk, n, CaseAction.DELIVER, new ActionDTO(), when)) {
            count("delivered");
            finished.add(new Finished(n, when));
        } else {
            count("approved");
        }
    }

    /** A village room's last days: cases taken there today are relayed to the town and decided there, the reply coming back. */
    private void relayed(Random random, Map<String, CenterDTO> centers, Map<String, Staff> staff, LocalDate today) {
        List<String[]> sent = new ArrayList<>();
        for (String room : List.of("T1V1", "T2V1", "T3V1")) {
            CenterDTO c = centers.get(room);
            if (c == null) {
                continue;
            }
            Caller agent = caller("agent-" + room, Caller.VILLAGE_AGENT, c);
            List<ItemDTO> items = catalogue.itemsAt(c.id).stream()
                    .filter(i -> !refusedItems.contains(i.code) && i.jointWindows.isEmpty() && i.acceptLevels.contains(Level.VILLAGE)
                            && i.decideLevel == Level.TOWN).toList();
            for (int k = 0; k < 3 && !items.isEmpty(); k++) {
                ItemDTO item = items.get(random.nextInt(items.size()));
                NewCaseDTO req = new NewCaseDTO();
                req.itemCode = item.code;
                req.centerId = c.id;
                req.applicant = applicant(random);
                req.materials = new ArrayList<>(item.materials.stream().filter(m -> m.required).map(m -> m.code).toList());
                try {
                    sent.add(new String[] {cases.create(agent, req).number, room.substring(0, 2)});
                    count("relayed from village rooms");
                } catch (YizhanException refused) {
                    LOG.debug("Demo history: {} at {} left out ({})", item.code, room, refused.getMessage());
                }
            }
        }
        // the relay brings them to their towns within seconds; each town decides two of three, the reply goes back
        List<String[]> toDecide = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (i % 3 != 2) {
                toDecide.add(sent.get(i));
            }
        }
        worker.schedule(() -> decideRelayed(staff, toDecide, System.nanoTime() + TimeUnit.SECONDS.toNanos(90)), 1, TimeUnit.SECONDS);
    }

    /** Decides the relayed cases that have reached their towns; looks again every second for the rest, for at most 90 s. */
    private void decideRelayed(Map<String, Staff> staff, List<String[]> waiting, long deadline) {
        List<String[]> still = new ArrayList<>();
        for (String[] c : waiting) {
            Caller clerk = staff.get(c[1]).clerk();
            try {
                if (cases.get(clerk, c[0]).status != org.yizhan.api.cases.CaseStatus.ACCEPTED) {
                    still.add(c);
                    continue;
                }
                cases.act(clerk, c[0], CaseAction.START_REVIEW, new ActionDTO());
                cases.act(clerk, c[0], CaseAction.APPROVE, new ActionDTO());
                count("relayed and decided at the town");
            } catch (YizhanException notThereYet) {
                still.add(c);
            }
        }
        if (!still.isEmpty() && !stopped && System.nanoTime() < deadline) {
            worker.schedule(() -> decideRelayed(staff, still, deadline), 1, TimeUnit.SECONDS);
        } else {
            LOG.info("Demo history: village cases relayed and decided / 村级代办件已报送并办理: {}", made);
        }
    }

    /** Half of the finished cases rated at the window; most satisfied, a few not (each opening a rectification). */
    private void rate(Random random, List<Finished> finished, Map<String, Staff> staff) {
        for (Finished f : finished) {
            String n = f.number();
            if (stopped || random.nextBoolean()) {
                continue;
            }
            int r = random.nextInt(100);
            String level = r < 62 ? "VERY_SATISFIED" : r < 86 ? "SATISFIED" : r < 94 ? "BASICALLY_SATISFIED" : r < 98 ? "DISSATISFIED" : "VERY_DISSATISFIED";
            RatingInput in = new RatingInput();
            in.level = level;
            for (String aspect : List.of("efficiency", "quality", "attitude")) {
                in.indicators.put(aspect, level);
            }
            in.comment = r >= 94 ? "等待时间太长" : null;
            String center = n.substring(0, n.indexOf('-'));
            Staff s = staff.get(center);
            if (s == null) {
                continue;
            }
            try {
                // rated at the window right after the case was finished
                Now.at(f.at() + 120_000L, () -> feedback.rate(s.clerk(), n, in));
                count(r >= 94 ? "rated, badly" : "rated");
            } catch (RuntimeException refused) {
                LOG.debug("Demo history: {} not rated ({})", n, refused.toString());
            }
        }
    }

    private void complain(Random random, Map<String, CenterDTO> centers, LocalDate today) {
        String[][] texts = {{"ATTITUDE", "T1", "窗口工作人员态度生硬，解释不耐心。"}, {"RULES", "T2", "办理时要求提供清单以外的证明材料。"},
                {"OTHER", "C", "希望增加午间办理时段。"}};
        for (String[] t : texts) {
            ComplaintInput in = new ComplaintInput();
            in.category = t[0];
            in.centerId = centers.get(t[1]).id;
            in.text = t[2];
            in.complainant = new ComplaintInput.Complainant();
            in.complainant.name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            in.complainant.phone = "139" + String.format("%08d", random.nextInt(100_000_000));
            try {
                complaints.file(in);
                count("complaints");
            } catch (YizhanException refused) {
                LOG.debug("Demo history: complaint not filed ({})", refused.getMessage());
            }
        }
    }

    private void consultation(Random random, CenterDTO room, LocalDate day) {
        NewLedgerEntryDTO e = new NewLedgerEntryDTO();
        e.centerId = room.id;
        e.visitorName = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        e.note = CONSULTATIONS[random.nextInt(CONSULTATIONS.length)];
        try {
            Now.at(at(day, 9, random), () -> relay.consultation(caller("agent-" + room.code, Caller.VILLAGE_AGENT, room), e));
            count("ledger consultations");
        } catch (YizhanException refused) {
            LOG.debug("Demo history: consultation at {} not recorded ({})", room.code, refused.getMessage());
        }
    }

    private boolean act(Caller who, String number, CaseAction action, ActionDTO body, long at) {
        try {
            Now.at(at, () -> cases.act(who, number, action, body));
            return true;
        } catch (YizhanException refused) {
            LOG.debug("Demo history: {} {} refused ({})", action, number, refused.getMessage());
            return false;
        }
    }

    private void count(String what) {
        made.merge(what, 1, Integer::sum);
    }

    /** The working day {@code n} working days after {@code from} at this center, or null when that is after today. */
    private LocalDate later(CenterDTO center, LocalDate from, int n, LocalDate today) {
        LocalDate d = n == 0 ? from : LocalDate.parse(calendar.due(center.id, from, n).due);
        return d.isBefore(today) ? d : null;
    }

    /** As the center's calendar says: weekends and holidays are not, make-up days are. */
    private boolean workingDay(long center, LocalDate day) {
        return LocalDate.parse(calendar.due(center, day.minusDays(1), 1).due).equals(day);
    }

    /** A case's next step: at {@code planned}, or a few minutes after its last one when that was later the same day. */
    private static long next(long[] last, long planned) {
        last[0] = Math.max(planned, last[0] + 300_000L);
        return last[0];
    }

    /** A moment of that day from {@code hour} on, within the working hours. */
    private long at(LocalDate day, int hour, Random random) {
        LocalTime time = LocalTime.of(Math.min(hour + random.nextInt(3), 17), random.nextInt(60), random.nextInt(60));
        return ZonedDateTime.of(day, time, zone).toInstant().toEpochMilli();
    }

    private ApplicantDTO applicant(Random random) {
        ApplicantDTO a = new ApplicantDTO();
        a.name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        a.idType = ApplicantDTO.RESIDENT_ID;
        // a resident identity number of the county's region code, with its check digit
        String first17 = String.format("522701%04d%02d%02d%03d", 1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28), ++serial % 1000);
        a.idNumber = first17 + IdNumbers.checkDigit(first17);
        a.phone = "138" + String.format("%08d", random.nextInt(100_000_000));
        return a;
    }

    private static ActionDTO reason(String reason) {
        ActionDTO a = new ActionDTO();
        a.reason = reason;
        return a;
    }

    private static Caller caller(String user, String role, CenterDTO center) {
        return new Caller(user, Set.of(role), center.id, "demo");
    }

    private static String pick(Random random, String... codes) {
        return codes[random.nextInt(codes.length)];
    }
}
