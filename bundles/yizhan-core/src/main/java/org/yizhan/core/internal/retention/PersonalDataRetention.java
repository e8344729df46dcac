package org.yizhan.core.internal.retention;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.audit.AuditService;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.Cluster;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.common.IdNumbers;
import org.yizhan.core.internal.entity.CaseEntity;
import org.yizhan.core.internal.entity.ComplaintEntity;
import org.yizhan.core.internal.entity.LedgerEntity;

/**
 * Keeps citizens' personal data no longer than the county decided ({@code
 * retention.personalDataDays} in etc/org.yizhan.platform.cfg): once a case has been closed that
 * many days, its applicant's name, identity number and phone are masked in place, as the public
 * lookup shows them (张**, 110***********123X, 138****5678), and so are the names in ledger
 * entries as old, and the complainant's name and phone of complaints closed as long ago. The case, its history (which holds no personal data, so its chain still
 * verifies), its figures and its ledger entries stay. Masking cannot be undone. Runs on Karaf's
 * scheduler, in batches, and writes one audit event per pass that changed something.
 */
@Component(immediate = true, configurationPid = PlatformConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class PersonalDataRetention {
    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataRetention.class);
    static final int BATCH = 500;
    /** The closed states, as a JPQL list: {@code ('DELIVERED', 'NOT_ACCEPTED', 'WITHDRAWN')}. */
    private static final String CLOSED = Stream.of(CaseStatus.DELIVERED, CaseStatus.NOT_ACCEPTED, CaseStatus.WITHDRAWN)
            .map(st -> "'" + st.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    private final Jpa jpa;
    private final AuditService audit;
    private final int days;
    private final ServiceRegistration<Runnable> schedule;
    private final Cluster cluster;

    @Activate
    public PersonalDataRetention(@Reference Jpa jpa, @Reference AuditService audit, PlatformConfig config, BundleContext context,
                                 @Reference Cluster cluster) {
        this.cluster = cluster;
        this.jpa = jpa;
        this.audit = audit;
        this.days = config.retention_personalDataDays();
        if (days <= 0) {
            schedule = null;
            LOG.info("Personal data of closed cases is kept (retention.personalDataDays = 0) / 已结案件个人信息不自动清除");
            return;
        }
        Dictionary<String, Object> job = new Hashtable<>();
        job.put("scheduler.name", "yizhan-retention");
        job.put("scheduler.period", (long) Math.max(1, config.retention_intervalSeconds()));
        job.put("scheduler.concurrent", Boolean.FALSE);
        schedule = context.registerService(Runnable.class, this::scheduledPass, job);
        LOG.info("Personal data of cases closed more than {} days ago is masked, checked every {} s / 已结案件个人信息保留 {} 天",
                days, config.retention_intervalSeconds(), days);
    }

    @Deactivate
    void stop() {
        if (schedule != null) {
            schedule.unregister();
        }
    }

    private void scheduledPass() {
        if (!cluster.runsScheduledWork()) {
            return;     // another node sharing the database runs it
        }
        try {
            pass(System.currentTimeMillis() - TimeUnit.DAYS.toMillis(days));
        } catch (RuntimeException e) {
            LOG.warn("Personal data retention pass failed; next one as scheduled / 个人信息清除失败: {}", e.toString());
        }
    }

    /** Masks what is past the cutoff; answers how many cases, ledger entries and complaints were masked. */
    int[] pass(long cutoffMillis) {
        int cases = maskInBatches("SELECT c FROM CaseEntity c WHERE c.status IN " + CLOSED + " AND c.updatedAtMillis < :cutoff"
                + " AND c.applicantIdNumber NOT LIKE '%*%'", CaseEntity.class, cutoffMillis, c -> {
                    c.setApplicantName(IdNumbers.maskName(c.getApplicantName()));
                    c.setApplicantIdNumber(masked(IdNumbers.mask(c.getApplicantIdNumber())));
                    c.setApplicantPhone(IdNumbers.maskPhone(c.getApplicantPhone()));
                });
        int entries = maskInBatches("SELECT l FROM LedgerEntity l WHERE l.atMillis < :cutoff"
                + " AND l.visitorName IS NOT NULL AND l.visitorName NOT LIKE '%*%'", LedgerEntity.class, cutoffMillis,
                l -> l.setVisitorName(IdNumbers.maskName(l.getVisitorName())));
        // complaints closed (followed up) as long ago: the complainant's name and phone
        String cutoffDay = java.time.LocalDate.ofInstant(java.time.Instant.ofEpochMilli(cutoffMillis), java.time.ZoneOffset.UTC).toString();
        int complaints = maskInBatches("SELECT c FROM ComplaintEntity c WHERE c.status = 'CLOSED' AND c.closedDay < :cutoff"
                + " AND c.complainantName NOT LIKE '%*%'", ComplaintEntity.class, cutoffDay, c -> {
                    c.setComplainantName(masked(IdNumbers.maskName(c.getComplainantName())));
                    c.setComplainantPhone(IdNumbers.maskPhone(c.getComplainantPhone()));
                });
        if (cases + entries + complaints > 0) {
            audit.record("platform", AuditService.PERSONAL_DATA_MASKED, "retention",
                    cases + " closed cases, " + entries + " ledger entries, " + complaints + " closed complaints older than " + days
                            + " days", "platform");
            LOG.info("Personal data masked: {} closed cases, {} ledger entries, {} closed complaints older than {} days / 已按保留期限脱敏",
                    cases, entries, complaints, days);
        }
        return new int[] {cases, entries, complaints};
    }

    /**
     * Masks the rows a query finds, {@link #BATCH} per transaction, until none is left; a masked
     * row no longer matches the query, so each batch finds new ones. Answers how many.
     */
    private <T> int maskInBatches(String jpql, Class<T> type, Object cutoff, Consumer<T> mask) {
        int total = 0;
        int batch;
        do {
            batch = jpa.tx(em -> {
                List<T> due = em.createQuery(jpql, type).setParameter("cutoff", cutoff).setMaxResults(BATCH).getResultList();
                due.forEach(mask);
                return due.size();
            });
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    /** A masked identity number always holds a '*', which marks it done (even a very short one). */
    private static String masked(String id) {
        return id == null || id.isEmpty() ? "*" : id.contains("*") ? id : "*" + id.substring(1);
    }
}
