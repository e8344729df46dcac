package org.yizhan.core.internal.feedback;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.YizhanException;
import org.yizhan.api.feedback.AssessmentDTO;
import org.yizhan.api.feedback.AssessmentDTO.Row;
import org.yizhan.api.feedback.AssessmentService;
import org.yizhan.api.network.NetworkService;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.cases.CaseNotes;
import org.yizhan.core.internal.entity.AssessmentEntity;
import org.yizhan.core.internal.network.WindowTypes;
import org.yizhan.core.internal.stats.Tallies;

/**
 * Quarterly and yearly assessments of windows and centers (R28): on-time rate, completion rate,
 * satisfaction rate and bad ratings rectified in time, weighted as etc/org.yizhan.feedback.cfg
 * says, less points for each upheld complaint; ranked and published. A period that has ended is
 * computed once and stored: later events never change its published numbers.
 */
@Component(service = AssessmentService.class, configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class AssessmentServiceImpl implements AssessmentService {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentServiceImpl.class);
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Jpa jpa;
    private final NetworkService network;
    private final WindowTypes windowTypes;
    private final ZoneId zone;
    private final Map<String, Double> weights = new LinkedHashMap<>();
    private final double penalty;

    @Activate
    public AssessmentServiceImpl(@Reference Jpa jpa, @Reference NetworkService network, @Reference WindowTypes windowTypes,
                                 @Reference FeedbackSettings settings, PlatformConfig platform) {
        FeedbackConfig config = settings.config;
        this.jpa = jpa;
        this.network = network;
        this.windowTypes = windowTypes;
        this.zone = ZoneId.of(platform.zone());
        weights.put("onTime", Math.max(0, config.weight_onTime()));
        weights.put("completion", Math.max(0, config.weight_completion()));
        weights.put("satisfaction", Math.max(0, config.weight_satisfaction()));
        weights.put("rectification", Math.max(0, config.weight_rectification()));
        weights.put("upheldComplaint", Math.max(0, config.penalty_upheldComplaint()));
        this.penalty = weights.get("upheldComplaint");
    }

    @Override
    public AssessmentDTO assessment(String period) {
        LocalDate[] range = range(period);
        LocalDate today = LocalDate.now(zone);
        if (!range[1].isBefore(today)) {
            return compute(period.trim(), range, false);
        }
        AssessmentEntity stored = jpa.read(em -> em.find(AssessmentEntity.class, period.trim()));
        if (stored != null) {
            return read(stored.getBody());
        }
        AssessmentDTO a = compute(period.trim(), range, true);
        try {
            jpa.run(em -> {
                AssessmentEntity e = new AssessmentEntity();
                e.setPeriodKey(a.period);
                e.setFrozenAtMillis(System.currentTimeMillis());
                e.setBody(write(a));
                em.persist(e);
            });
            LOG.info("Assessment {} frozen: {} windows, {} centers / 考核结果已固定", a.period, a.windows.size(), a.centers.size());
            return a;
        } catch (RuntimeException e) {
            if (!CaseNotes.isConflict(e)) {
                throw e;
            }
            // another request froze it first: theirs is the one published
            return read(jpa.read(em -> em.find(AssessmentEntity.class, a.period)).getBody());
        }
    }

    /** [first day, last day] of 2026-Q4 or 2026. */
    static LocalDate[] range(String period) {
        Matcher m = period == null ? null : PERIOD.matcher(period.trim());
        if (m == null || !m.matches()) {
            throw YizhanException.badInput("period", "period is a quarter (2026-Q4) or a year (2026)", "考核期间格式为 2026-Q4 或 2026");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2100) {
            throw YizhanException.badInput("period", "period's year must be between 2000 and 2100", "考核年份须在 2000 至 2100 之间");
        }
        if (m.group(2) == null) {
            return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
        }
        int q = Integer.parseInt(m.group(2));
        LocalDate from = LocalDate.of(year, (q - 1) * 3 + 1, 1);
        return new LocalDate[] {from, from.plusMonths(3).minusDays(1)};
    }

    private AssessmentDTO compute(String period, LocalDate[] range, boolean frozen) {
        String from = range[0].toString();
        String to = range[1].toString();
        long fromMillis = range[0].atStartOfDay(zone).toInstant().toEpochMilli();
        long toMillis = range[1].plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
        Map<String, Row> windows = new TreeMap<>();
        Map<Long, Row> centers = new TreeMap<>();
        jpa.read(em -> {
            for (Tallies.Row t : Tallies.cases(em, fromMillis, toMillis, null)) {
                for (Row r : rows(windows, centers, t)) {
                    r.accepted += t.counts()[0];
                    r.completed += t.counts()[1];
                    r.onTime += t.counts()[2];
                }
            }
            for (Tallies.Row t : Tallies.ratings(em, from, to, null)) {
                for (Row r : rows(windows, centers, t)) {
                    r.ratings += t.counts()[0];
                    r.satisfied += t.counts()[1];
                }
            }
            for (Tallies.Row t : Tallies.rectifications(em, from, to)) {
                for (Row r : rows(windows, centers, t)) {
                    r.badRatings += t.counts()[0];
                    r.rectifiedInTime += t.counts()[1];
                }
            }
            for (Tallies.Row t : Tallies.upheldComplaints(em, from, to)) {
                for (Row r : rows(windows, centers, t)) {
                    r.upheldComplaints += t.counts()[0];
                }
            }
            return null;
        });
        AssessmentDTO a = new AssessmentDTO();
        a.period = period;
        a.from = from;
        a.to = to;
        a.frozen = frozen;
        a.computedAt = Instant.now().toString();
        a.weights = new LinkedHashMap<>(weights);
        a.windows.addAll(ranked(windows.values()));
        a.centers.addAll(ranked(centers.values()));
        return a;
    }

    /** The rows a tally counts in: its window's (when it names one) and its center's. */
    private List<Row> rows(Map<String, Row> windows, Map<Long, Row> centers, Tallies.Row t) {
        List<Row> list = new ArrayList<>(2);
        list.add(centers.computeIfAbsent(t.centerId(), id -> row(id, null)));
        if (t.windowType() != null) {
            list.add(windows.computeIfAbsent(String.format("%019d/%s", t.centerId(), t.windowType()), k -> row(t.centerId(), t.windowType())));
        }
        return list;
    }

    private Row row(long centerId, String windowType) {
        Row r = new Row();
        r.centerId = centerId;
        r.centerName = network.center(centerId).map(c -> c.name).orElse(Long.toString(centerId));
        r.windowType = windowType;
        r.windowName = windowType == null ? null : windowTypes.windowType(windowType).map(w -> w.name).orElse(windowType);
        return r;
    }

    /**
     * Rates from the counts (a component with nothing to count is full marks: nothing went
     * wrong), the weighted score out of 100 less the points per upheld complaint, and the rank:
     * best first, equal scores share a rank.
     */
    private List<Row> ranked(java.util.Collection<Row> rows) {
        double total = weights.get("onTime") + weights.get("completion") + weights.get("satisfaction") + weights.get("rectification");
        for (Row r : rows) {
            r.completionRate = share(r.completed, r.accepted);
            r.onTimeRate = share(r.onTime, r.completed);
            r.satisfactionRate = share(r.satisfied, r.ratings);
            r.rectificationRate = share(r.rectifiedInTime, r.badRatings);
            double weighted = total == 0 ? 0 : 100 * (weights.get("onTime") * r.onTimeRate + weights.get("completion") * r.completionRate
                    + weights.get("satisfaction") * r.satisfactionRate + weights.get("rectification") * r.rectificationRate) / total;
            r.score = Math.round(Math.max(0, Math.min(100, weighted - penalty * r.upheldComplaints)) * 10) / 10.0;
        }
        List<Row> list = new ArrayList<>(rows);
        list.sort(Comparator.comparingDouble((Row r) -> -r.score).thenComparingLong(r -> r.centerId)
                .thenComparing(r -> r.windowType == null ? "" : r.windowType));
        for (int i = 0; i < list.size(); i++) {
            list.get(i).rank = i > 0 && list.get(i).score == list.get(i - 1).score ? list.get(i - 1).rank : i + 1;
        }
        return list;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 1.0 : Math.round(10000.0 * part / whole) / 10000.0;
    }

    @Override
    public String csv(String period) {
        AssessmentDTO a = assessment(period);
        StringWriter out = new StringWriter();
        out.write('\uFEFF');   // a byte-order mark: spreadsheet programs then read the Chinese names as UTF-8
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("period", "scope", "rank", "centerId", "centerName",
                "windowType", "windowName", "score", "onTimeRate", "completionRate", "satisfactionRate", "rectificationRate",
                "accepted", "completed", "onTime", "ratings", "satisfied", "badRatings", "rectifiedInTime", "upheldComplaints",
                "frozen").build())) {
            for (String scope : List.of("window", "center")) {
                for (Row r : "window".equals(scope) ? a.windows : a.centers) {
                    csv.printRecord(a.period, scope, r.rank, r.centerId, r.centerName, r.windowType, r.windowName, r.score, r.onTimeRate,
                            r.completionRate, r.satisfactionRate, r.rectificationRate, r.accepted, r.completed, r.onTime, r.ratings,
                            r.satisfied, r.badRatings, r.rectifiedInTime, r.upheldComplaints, a.frozen);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static String write(AssessmentDTO a) {
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AssessmentDTO read(String json) {
        try {
            return JSON.readValue(json, AssessmentDTO.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored assessment: " + e.getOriginalMessage(), e);
        }
    }

}
