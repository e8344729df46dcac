package org.yizhan.core.internal.supervision;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.TypedQuery;

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
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.calendar.CalendarServiceImpl;
import org.yizhan.core.internal.cases.CaseServiceImpl;
import org.yizhan.core.internal.entity.CaseEntity;
import org.yizhan.core.internal.network.NetworkServiceImpl;

/**
 * E-supervision (R20): a scheduler that raises and clears yellow and red alerts with no one
 * watching — a few set-based UPDATE statements over the indexed promised and yellow dates, so a
 * scan never loads cases into memory — records the deemed consent of joint windows past their
 * deadline (R14), and warns when the calendar of a needed year is missing. Also answers the
 * alert list and the completion and on-time rates.
 */
@Component(service = {SupervisionService.class, SupervisionServiceImpl.class}, immediate = true,
        configurationPid = PlatformConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class SupervisionServiceImpl implements SupervisionService {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisionServiceImpl.class);
    private static final List<String> RUNNING = List.of(CaseStatus.ACCEPTED.name(), CaseStatus.IN_REVIEW.name());
    private static final String RUNNING_SQL = "('" + CaseStatus.ACCEPTED.name() + "','" + CaseStatus.IN_REVIEW.name() + "')";

    private final Jpa jpa;
    private final NetworkServiceImpl network;
    private final CaseServiceImpl cases;
    private final CalendarServiceImpl calendars;
    private final ZoneId zone;
    private final ScheduledExecutorService scheduler;
    /** The day of the last full pass; the scans in between only look at days since the last scan. */
    private volatile LocalDate reconciled;
    private volatile LocalDate lastScan;

    @Activate
    public SupervisionServiceImpl(@Reference NetworkServiceImpl network, @Reference CaseServiceImpl cases,
                                  @Reference CalendarServiceImpl calendars, @Reference Thresholds thresholds,
                                  PlatformConfig config) {
        this.network = network;
        this.cases = cases;
        this.calendars = calendars;
        this.jpa = network.jpa();
        this.zone = ZoneId.of(config.zone());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "yizhan-supervision");
            t.setDaemon(true);
            return t;
        });
        int every = thresholds.scanIntervalSeconds();
        scheduler.scheduleWithFixedDelay(this::scheduledScan, every, every, TimeUnit.SECONDS);
        LOG.info("E-supervision scan every {} s / 电子监察扫描已启动", every);
    }

    @Deactivate
    void stop() {
        scheduler.shutdownNow();
    }

    private void scheduledScan() {
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
     * the incremental scan looks at exactly those days since the last scan (index ranges, a few
     * rows). The full pass — after a start and once a day — sets every level from the dates,
     * whatever happened to the rows meanwhile (a restore, a change made in the database).
     */
    public ScanDTO scan(boolean full) {
        long t0 = System.nanoTime();
        LocalDate todayDate = LocalDate.now(zone);
        String today = todayDate.toString();
        LocalDate last = lastScan;
        String since = (last == null || last.isAfter(todayDate) ? todayDate : last).minusDays(1).toString();
        ScanDTO r = new ScanDTO();
        r.day = today;
        r.full = full;
        // Plain SQL on purpose: JPQL bulk updates go through "WHERE number IN (SELECT ...)" and bump
        // the optimistic-lock version, which made the scan read the whole table on Derby.
        r.changed = jpa.tx(em -> {
            int n;
            if (full) {
                n = em.createNativeQuery("UPDATE YZ_CASE SET ALERTLEVEL = NULL WHERE ALERTLEVEL IS NOT NULL"
                        + " AND STATUS NOT IN " + RUNNING_SQL).executeUpdate();
                n += em.createNativeQuery("UPDATE YZ_CASE SET ALERTLEVEL = 'RED' WHERE PROMISEDDATE < ?1 AND STATUS IN "
                        + RUNNING_SQL + " AND (ALERTLEVEL IS NULL OR ALERTLEVEL <> 'RED')").setParameter(1, today).executeUpdate();
                n += em.createNativeQuery("UPDATE YZ_CASE SET ALERTLEVEL = 'YELLOW' WHERE YELLOWDATE <= ?1 AND PROMISEDDATE >= ?1"
                        + " AND STATUS IN " + RUNNING_SQL + " AND (ALERTLEVEL IS NULL OR ALERTLEVEL <> 'YELLOW')")
                        .setParameter(1, today).executeUpdate();
                n += em.createNativeQuery("UPDATE YZ_CASE SET ALERTLEVEL = NULL WHERE YELLOWDATE > ?1 AND STATUS IN "
                        + RUNNING_SQL + " AND ALERTLEVEL IS NOT NULL").setParameter(1, today).executeUpdate();
            } else {
                n = em.createNativeQuery("UPDATE YZ_CASE SET ALERTLEVEL = 'RED' WHERE PROMISEDDATE >= ?1 AND PROMISEDDATE < ?2"
                                + " AND STATUS IN " + RUNNING_SQL + " AND (ALERTLEVEL IS NULL OR ALERTLEVEL <> 'RED')")
                        .setParameter(1, since).setParameter(2, today).executeUpdate();
                n += em.createNativeQuery("UPDATE YZ_CASE SET ALERTLEVEL = 'YELLOW' WHERE YELLOWDATE >= ?1 AND YELLOWDATE <= ?2"
                                + " AND PROMISEDDATE >= ?2 AND STATUS IN " + RUNNING_SQL + " AND ALERTLEVEL IS NULL")
                        .setParameter(1, since).setParameter(2, today).executeUpdate();
            }
            return (long) n;
        });
        String jointQuery = "SELECT c.number FROM CaseEntity c WHERE c.jointDeadline < :today"
                + (full ? "" : " AND c.jointDeadline >= :since") + " AND c.status IN :running";
        List<String> joint = jpa.read(em -> {
            var q = em.createQuery(jointQuery, String.class).setParameter("running", RUNNING).setParameter("today", today);
            if (!full) {
                q.setParameter("since", since);
            }
            return q.getResultList();
        });
        for (String number : joint) {
            r.jointDefaults += cases.applyJointDefaults(number);
        }
        if (full) {
            jpa.read(em -> {
                r.red = em.createQuery("SELECT COUNT(c) FROM CaseEntity c WHERE c.alertLevel = 'RED'", Long.class).getSingleResult();
                r.yellow = em.createQuery("SELECT COUNT(c) FROM CaseEntity c WHERE c.alertLevel = 'YELLOW'", Long.class)
                        .getSingleResult();
                return null;
            });
        }
        r.missingCalendarYears.addAll(calendars.status().missingYears);
        r.millis = (System.nanoTime() - t0) / 1_000_000;
        lastScan = todayDate;
        if (full) {
            reconciled = todayDate;
        }
        if (full || r.changed > 0 || r.jointDefaults > 0) {
            LOG.info("E-supervision {} scan {}: {} alert levels changed, {} joint defaults in {} ms{} / 电子监察扫描",
                    full ? "full" : "incremental", today, r.changed, r.jointDefaults, r.millis,
                    full ? " (" + r.red + " red, " + r.yellow + " yellow)" : "");
        }
        if (!r.missingCalendarYears.isEmpty()) {
            LOG.warn("No official calendar for {}: promised dates in it are estimated; add etc/org.yizhan.calendar-<year>.cfg"
                    + " / 缺少法定节假日安排", r.missingCalendarYears);
        }
        return r;
    }

    @Override
    public AlertPageDTO alerts(Caller caller, Long center, String level, String window, int page, int size) {
        if (level != null && !Set.of(Thresholds.RED, Thresholds.YELLOW).contains(level)) {
            throw YizhanException.badInput("level", "level must be RED or YELLOW", "level 须为 RED 或 YELLOW");
        }
        List<Long> centers = new ArrayList<>(visible(caller, center));
        StringBuilder where = new StringBuilder(" WHERE c.alertLevel IS NOT NULL AND (c.centerId IN :centers OR c.decidingCenterId IN :centers)");
        if (level != null) {
            where.append(" AND c.alertLevel = :level");
        }
        if (window != null) {
            where.append(" AND c.windowType = :window");
        }
        String w = where.toString();
        int pageSize = size <= 0 ? 50 : Math.min(size, 500);
        return jpa.read(em -> {
            AlertPageDTO p = new AlertPageDTO();
            TypedQuery<CaseEntity> q = em.createQuery("SELECT c FROM CaseEntity c" + w
                    + " ORDER BY c.alertLevel ASC, c.urgent DESC, c.promisedDate ASC", CaseEntity.class);
            TypedQuery<Object[]> counts = em.createQuery("SELECT c.alertLevel, COUNT(c) FROM CaseEntity c" + w
                    + " GROUP BY c.alertLevel", Object[].class);
            for (TypedQuery<?> t : List.of(q, counts)) {
                t.setParameter("centers", centers);
                if (level != null) {
                    t.setParameter("level", level);
                }
                if (window != null) {
                    t.setParameter("window", window);
                }
            }
            for (Object[] row : counts.getResultList()) {
                if (Thresholds.RED.equals(row[0])) {
                    p.red = (Long) row[1];
                } else {
                    p.yellow = (Long) row[1];
                }
            }
            p.total = p.red + p.yellow;
            p.page = Math.max(0, page);
            p.size = pageSize;
            for (CaseEntity e : q.setFirstResult(p.page * pageSize).setMaxResults(pageSize).getResultList()) {
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
                p.items.add(a);
            }
            return p;
        });
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
            List<RateDTO> rates = new ArrayList<>();
            for (Object[] row : em.createQuery("SELECT c.decidingCenterId, c.windowType, COUNT(c),"
                            + " SUM(CASE WHEN c.decidedAtMillis IS NOT NULL THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN c.onTime = TRUE THEN 1 ELSE 0 END)"
                            + " FROM CaseEntity c WHERE c.acceptedAtMillis BETWEEN :from AND :to AND c.decidingCenterId IN :centers"
                            + " GROUP BY c.decidingCenterId, c.windowType ORDER BY c.decidingCenterId, c.windowType", Object[].class)
                    .setParameter("from", fromMillis).setParameter("to", toMillis).setParameter("centers", centers).getResultList()) {
                RateDTO r = new RateDTO();
                r.centerId = ((Number) row[0]).longValue();
                r.windowType = (String) row[1];
                r.accepted = ((Number) row[2]).longValue();
                r.completed = row[3] == null ? 0 : ((Number) row[3]).longValue();
                r.onTime = row[4] == null ? 0 : ((Number) row[4]).longValue();
                r.completionRate = r.accepted == 0 ? 0 : (double) r.completed / r.accepted;
                r.onTimeRate = r.completed == 0 ? 0 : (double) r.onTime / r.completed;
                rates.add(r);
            }
            return rates;
        });
    }

    private Set<Long> visible(Caller caller, Long center) {
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
