package org.yizhan.core.internal.supervision;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.persistence.TypedQuery;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.supervision.AlertDTO;
import org.yizhan.api.supervision.AlertPageDTO;
import org.yizhan.api.supervision.RateDTO;
import org.yizhan.api.supervision.ScanDTO;
import org.yizhan.api.supervision.SupervisionService;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.Cluster;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.alert.Thresholds;
import org.yizhan.api.calendar.CalendarService;
import org.yizhan.core.internal.cases.JointReview;
import org.yizhan.core.internal.entity.CaseEntity;
import org.yizhan.core.internal.stats.Tallies;
import org.yizhan.core.internal.stats.Visibility;
import org.yizhan.api.network.NetworkService;

/**
 * E-supervision (R20): a scheduler that raises and clears yellow and red alerts with no one
 * watching — a few set-based UPDATE statements over the indexed promised and yellow dates, so a
 * scan never loads cases into memory — records the deemed consent of joint windows past their
 * deadline (R14), and warns when the calendar of a needed year is missing. Also answers the
 * alert list and the completion and on-time rates.
 */
@Component(service = SupervisionService.class, immediate = true,
        configurationPid = PlatformConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class SupervisionServiceImpl implements SupervisionService {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisionServiceImpl.class);
    private static final List<String> RUNNING = List.of(CaseStatus.ACCEPTED.name(), CaseStatus.IN_REVIEW.name());

    private final Jpa jpa;
    private final NetworkService network;
    private final JointReview cases;
    /** The posts of the windows (R17): a window nobody of its post serves during opening hours is an alert. */
    @org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile org.yizhan.core.internal.people.Posts posts;
    private final CalendarService calendars;
    private final ZoneId zone;
    private final ServiceRegistration<Runnable> schedule;
    /** The day of the last full pass; the scans in between only look at days since the last scan. */
    private volatile LocalDate reconciled;
    private volatile LocalDate lastScan;
    /** The day and the missing calendar years last warned of. */
    private volatile String warnedMissing;
    private final Cluster cluster;

    @Activate
    public SupervisionServiceImpl(@Reference Jpa jpa, @Reference NetworkService network, @Reference JointReview cases,
                                  @Reference CalendarService calendars, @Reference Thresholds thresholds,
                                  PlatformConfig config, BundleContext context, @Reference Cluster cluster) {
        this.cluster = cluster;
        this.network = network;
        this.cases = cases;
        this.calendars = calendars;
        this.jpa = jpa;
        this.zone = ZoneId.of(config.zone());
        int every = thresholds.scanIntervalSeconds();
        // Karaf's scheduler runs it (its whiteboard: a Runnable with a period); never two at once
        Dictionary<String, Object> job = new Hashtable<>();
        job.put("scheduler.name", "yizhan-supervision");
        job.put("scheduler.period", (long) every);
        job.put("scheduler.concurrent", Boolean.FALSE);
        this.schedule = context.registerService(Runnable.class, this::scheduledScan, job);
        LOG.info("E-supervision scan every {} s / 电子监察扫描已启动", every);
    }

    @Deactivate
    void stop() {
        schedule.unregister();
    }

    private void scheduledScan() {
        if (!cluster.runsScheduledWork()) {
            return;     // another node sharing the database runs it
        }
        try {
            LocalDate today = LocalDate.now(zone);
            if (!today.equals(reconciled)) {
                scan(true);     // once a day (and after a start): every case, whatever happened to it meanwhile
            } else {
                scan(false);
            }
        } catch (RuntimeException e) {
            LOG.warn("E-supervision scan failed; next one as scheduled / 电子监察扫描失败: {}", e.toString());
        }
    }

    @Override
    public ScanDTO scan() {
        return scan(false);
    }

    /**
     * A scan. Every write to a case already sets its alert level for the day it is written, so
     * between days a case's level changes only when a day reaches its yellow or promised date:
     * the incremental scan looks at exactly those days since the last scan. The full pass — after
     * a start and once a day — sets every level from the dates, whatever happened to the rows
     * meanwhile (a restore, a change made in the database), and clears levels left on closed
     * cases. Each statement is an exact range of a (status, alertLevel, date) index that holds only
     * rows whose level is wrong, so a pass costs what it changes, not the size of the table.
     */
    public ScanDTO scan(boolean full) {
        long t0 = System.nanoTime();
        LocalDate todayDate = LocalDate.now(zone);
        String today = todayDate.toString();
        LocalDate last = lastScan;
        String since = full ? null : (last == null || last.isAfter(todayDate) ? todayDate : last).minusDays(1).toString();
        ScanDTO r = new ScanDTO();
        r.day = today;
        r.full = full;
        // Plain SQL on purpose: JPQL bulk updates go through "WHERE number IN (SELECT ...)" and bump
        // the optimistic-lock version, which made the scan read the whole table on Derby.
        r.changed = jpa.tx(em -> {
            long n = 0;
            String from = since == null ? "" : " AND %s >= '" + since + "'";
            for (String status : RUNNING) {
                String run = "UPDATE YZ_CASE SET ALERTLEVEL = %s WHERE STATUS = '" + status + "' AND ";
                // overdue: red (R20)
                for (String level : new String[] {"ALERTLEVEL IS NULL", "ALERTLEVEL = 'YELLOW'"}) {
                    n += update(em, String.format(run, "'RED'") + level + " AND PROMISEDDATE < ?1"
                            + String.format(from, "PROMISEDDATE"), today);
                }
                // near the promised date: yellow. The overdue ones are red by now (the statement
                // above), so the full pass needs no condition on the promised date, and without one
                // Derby walks the short yellow-date range instead of every open case's promised date.
                n += update(em, String.format(run, "'YELLOW'") + "ALERTLEVEL IS NULL AND YELLOWDATE <= ?1"
                        + (since == null ? "" : String.format(from, "YELLOWDATE") + " AND PROMISEDDATE >= ?1"), today);
                if (full) {
                    // a promised date moved later (extension, pause) by a write that did not set the level
                    n += update(em, String.format(run, "CASE WHEN YELLOWDATE <= ?1 THEN 'YELLOW' ELSE NULL END")
                            + "ALERTLEVEL = 'RED' AND PROMISEDDATE >= ?1", today);
                    n += update(em, String.format(run, "NULL") + "ALERTLEVEL = 'YELLOW' AND YELLOWDATE > ?1", today);
                }
            }
            // R23: a case accepted in a village room that has not reached its deciding center in time
            n += update(em, "UPDATE YZ_CASE SET ALERTLEVEL = 'RED' WHERE STATUS = 'RELAYING' AND ALERTLEVEL IS NULL"
                    + " AND RELAYDUE < ?1", today);
            if (full) {
                for (CaseStatus status : CaseStatus.values()) {
                    if (!RUNNING.contains(status.name()) && status != CaseStatus.RELAYING) {
                        for (String level : new String[] {Thresholds.RED, Thresholds.YELLOW}) {
                            n += em.createNativeQuery("UPDATE YZ_CASE SET ALERTLEVEL = NULL WHERE STATUS = '" + status.name()
                                    + "' AND ALERTLEVEL = '" + level + "'").executeUpdate();
                        }
                    }
                }
            }
            return n;
        });
        long tUpdates = System.nanoTime();
        List<String> joint = jpa.read(em -> {
            List<String> due = new ArrayList<>();
            for (String status : RUNNING) {
                var q = em.createQuery("SELECT c.number FROM CaseEntity c WHERE c.status = :status AND c.jointDeadline < :today"
                        + (full ? "" : " AND c.jointDeadline >= :since"), String.class)
                        .setParameter("status", status).setParameter("today", today);
                if (!full) {
                    q.setParameter("since", since);
                }
                due.addAll(q.getResultList());
            }
            return due;
        });
        for (String number : joint) {
            r.jointDefaults += cases.applyJointDefaults(number);
        }
        long tJoint = System.nanoTime();
        if (full) {
            jpa.read(em -> {
                r.red = em.createQuery("SELECT COUNT(c) FROM CaseEntity c WHERE c.alertLevel = 'RED'", Long.class).getSingleResult();
                r.yellow = em.createQuery("SELECT COUNT(c) FROM CaseEntity c WHERE c.alertLevel = 'YELLOW'", Long.class)
                        .getSingleResult();
                return null;
            });
        }
        long tCounts = System.nanoTime();
        r.missingCalendarYears.addAll(calendars.status().missingYears);
        r.millis = (System.nanoTime() - t0) / 1_000_000;
        lastScan = todayDate;
        if (full) {
            reconciled = todayDate;
        }
        if (full || r.changed > 0 || r.jointDefaults > 0) {
            LOG.info("E-supervision {} scan {}: {} alert levels changed, {} joint defaults in {} ms (levels {} ms, joint {} ms,"
                            + " counts {} ms){} / 电子监察扫描", full ? "full" : "incremental", today, r.changed, r.jointDefaults, r.millis,
                    (tUpdates - t0) / 1_000_000, (tJoint - tUpdates) / 1_000_000, (tCounts - tJoint) / 1_000_000,
                    full ? " (" + r.red + " red, " + r.yellow + " yellow)" : "");
        }
        // a real reminder, but once a day (and when the missing years change), not at every scan
        String missing = todayDate + " " + r.missingCalendarYears;
        if (!r.missingCalendarYears.isEmpty() && !missing.equals(warnedMissing)) {
            warnedMissing = missing;
            LOG.warn("No official calendar for {}: promised dates in it are estimated; add etc/org.yizhan.calendar-<year>.cfg"
                    + " / 缺少法定节假日安排", r.missingCalendarYears);
        }
        return r;
    }

    private static int update(javax.persistence.EntityManager em, String sql, String today) {
        return em.createNativeQuery(sql).setParameter(1, today).executeUpdate();
    }

    @Override
    public AlertPageDTO alerts(Caller caller, Long center, String level, String window, int page, int size) {
        if (level != null && !Set.of(Thresholds.RED, Thresholds.YELLOW).contains(level)) {
            throw YizhanException.badInput("level", "level must be RED or YELLOW", "level 须为 RED 或 YELLOW");
        }
        List<Long> centers = new ArrayList<>(visible(caller, center));
        int pageSize = size <= 0 ? 50 : Math.min(size, 500);
        AlertPageDTO p = new AlertPageDTO();
        p.page = Math.max(0, page);
        p.size = pageSize;
        // The list is ordered red before yellow, urgent first (R27), then by promised date: four
        // segments (level, urgent), each an ordered range of the YZ_CASE_ALERTS index. Counting a
        // segment reads only that index; the page is read from the segments it falls in, so the
        // first page never sorts all the alerts of the county.
        String w = " WHERE c.alertLevel = :level AND c.urgent = :urgent AND (c.decidingCenterId IN :centers OR c.centerId IN :centers)"
                + (window == null ? "" : " AND c.windowType = :window");
        return jpa.read(em -> {
            long skip = (long) p.page * pageSize;
            for (String l : List.of(Thresholds.RED, Thresholds.YELLOW)) {
                for (boolean urgent : new boolean[] {true, false}) {
                    if (level != null && !level.equals(l)) {
                        continue;
                    }
                    TypedQuery<Long> count = bind(em.createQuery("SELECT COUNT(c) FROM CaseEntity c" + w, Long.class),
                            l, urgent, centers, window);
                    long n = count.getSingleResult();
                    if (Thresholds.RED.equals(l)) {
                        p.red += n;
                    } else {
                        p.yellow += n;
                    }
                    int want = pageSize - p.items.size();
                    if (want > 0 && skip < n) {
                        TypedQuery<CaseEntity> q = bind(em.createQuery("SELECT c FROM CaseEntity c" + w
                                + " ORDER BY c.promisedDate ASC, c.number ASC", CaseEntity.class), l, urgent, centers, window);
                        for (CaseEntity e : q.setFirstResult((int) skip).setMaxResults(want).getResultList()) {
                            p.items.add(alert(e));
                        }
                        skip = 0;
                    } else {
                        skip = Math.max(0, skip - n);
                    }
                }
            }
            p.total = p.red + p.yellow;
            long[] rect = Tallies.rectificationAlerts(em, centers, LocalDate.now(zone).toString());
            long[] complaints = Tallies.complaintAlerts(em, centers, LocalDate.now(zone).toString());
            p.rectificationsRed = rect[0];
            p.rectificationsYellow = rect[1];
            p.complaintsRed = complaints[0];
            p.complaintsYellow = complaints[1];
            org.yizhan.core.internal.people.Posts kept = posts;
            if (kept != null) {
                for (String[] gap : kept.unstaffed(new java.util.HashSet<>(centers))) {
                    AlertPageDTO.UnstaffedWindow u = new AlertPageDTO.UnstaffedWindow();
                    u.centerId = Long.parseLong(gap[0]);
                    u.windowType = gap[1];
                    p.unstaffedWindows.add(u);
                }
            }
            p.relayDeadLetters = em.createQuery("SELECT COUNT(o) FROM OutboxEntity o WHERE o.state = 'DEAD'", Long.class)
                    .getSingleResult();
            return p;
        });
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> q, String level, boolean urgent, List<Long> centers, String window) {
        q.setParameter("level", level).setParameter("urgent", urgent).setParameter("centers", centers);
        if (window != null) {
            q.setParameter("window", window);
        }
        return q;
    }

    private static AlertDTO alert(CaseEntity e) {
        AlertDTO a = new AlertDTO();
        a.number = e.getNumber();
        a.level = e.getAlertLevel();
        a.itemCode = e.getItemCode();
        a.itemName = e.getItemName();
        a.windowType = e.getWindowType();
        a.centerId = e.getCenterId();
        a.decidingCenterId = e.getDecidingCenterId();
        a.status = e.getStatus();
        a.promisedDate = e.getPromisedDate();
        a.urgent = e.isUrgent();
        return a;
    }

    @Override
    public List<RateDTO> rates(Caller caller, LocalDate from, LocalDate to, Long center) {
        if (to.isBefore(from)) {
            throw YizhanException.badInput("to", "to must not be before from", "结束日期不能早于开始日期");
        }
        List<Long> centers = new ArrayList<>(visible(caller, center));
        long fromMillis = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long toMillis = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
        return jpa.read(em -> {
            java.util.Map<String, RateDTO> byWindow = new java.util.TreeMap<>();
            for (Tallies.Row row : Tallies.cases(em, fromMillis, toMillis, centers)) {
                RateDTO r = rate(byWindow, row);
                r.accepted = row.counts()[0];
                r.completed = row.counts()[1];
                r.onTime = row.counts()[2];
            }
            for (Tallies.Row row : Tallies.ratings(em, from.toString(), to.toString(), centers)) {
                RateDTO r = rate(byWindow, row);
                r.ratings = row.counts()[0];
                r.satisfied = row.counts()[1];
            }
            List<RateDTO> rates = new ArrayList<>(byWindow.values());
            for (RateDTO r : rates) {
                r.completionRate = r.accepted == 0 ? 0 : (double) r.completed / r.accepted;
                r.onTimeRate = r.completed == 0 ? 0 : (double) r.onTime / r.completed;
                r.satisfactionRate = r.ratings == 0 ? 0 : (double) r.satisfied / r.ratings;
            }
            return rates;
        });
    }

    /** The rate of a row's center and window, made on first sight; ordered by center, then window. */
    private static RateDTO rate(java.util.Map<String, RateDTO> byWindow, Tallies.Row row) {
        return byWindow.computeIfAbsent(String.format("%019d/%s", row.centerId(), row.windowType()), k -> {
            RateDTO r = new RateDTO();
            r.centerId = row.centerId();
            r.windowType = row.windowType();
            return r;
        });
    }

    private Set<Long> visible(Caller caller, Long center) {
        return Visibility.centers(network, caller, center);
    }
}
