package org.yizhan.core.internal.alert;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.core.internal.calendar.WorkCalendar;

/** When a case turns yellow (R20), per center; and the alert level of a case on a day. */
@Component(service = Thresholds.class, configurationPid = SupervisionConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SupervisionConfig.class)
public class Thresholds {

    public static final String YELLOW = "YELLOW";
    public static final String RED = "RED";

    private record Threshold(int daysLeft, double share) {
    }

    private final Threshold defaults;
    private final Map<String, Threshold> byCenter = new HashMap<>();
    private final int scanIntervalSeconds;

    @Activate
    public Thresholds(SupervisionConfig config) {
        this.defaults = new Threshold(config.yellowDaysLeft(), config.yellowShareUsed());
        this.scanIntervalSeconds = Math.max(1, config.scanIntervalSeconds());
        for (String part : config.centerThresholds().split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            String[] kv = p.split("=");
            String[] v = kv[1].split("/");
            byCenter.put(kv[0].trim(), new Threshold(Integer.parseInt(v[0].trim()), Double.parseDouble(v[1].trim())));
        }
    }

    public int scanIntervalSeconds() {
        return scanIntervalSeconds;
    }

    /**
     * The day a case turns yellow: its center's working days left before the promised date, or
     * its share of the promised working days used, whichever comes first.
     */
    public LocalDate yellowDate(String centerCode, WorkCalendar cal, LocalDate accepted, LocalDate promised, int promisedDays) {
        Threshold t = byCenter.getOrDefault(centerCode, defaults);
        LocalDate byDaysLeft = promised;
        for (int left = t.daysLeft(); left > 0; ) {
            byDaysLeft = byDaysLeft.minusDays(1);
            if (cal.isWorkingDay(byDaysLeft)) {
                left--;
            }
        }
        LocalDate byShare = cal.addWorkingDays(accepted, (int) Math.ceil(t.share() * Math.max(0, promisedDays)));
        LocalDate yellow = byDaysLeft.isBefore(byShare) ? byDaysLeft : byShare;
        return yellow.isBefore(accepted) ? accepted : yellow;
    }

    /** The clock runs only while a case is accepted or in review. */
    public static boolean clockRunning(CaseStatus status) {
        return status == CaseStatus.ACCEPTED || status == CaseStatus.IN_REVIEW;
    }

    public static String level(CaseStatus status, LocalDate promised, LocalDate yellow, LocalDate today) {
        if (!clockRunning(status) || promised == null) {
            return null;
        }
        if (today.isAfter(promised)) {
            return RED;
        }
        return yellow != null && !today.isBefore(yellow) ? YELLOW : null;
    }
}
