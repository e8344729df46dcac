package org.yizhan.core.internal.alert;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.yizhan.supervision.cfg}: when cases turn yellow, and how often the scan runs. */
@ObjectClassDefinition(name = "Yizhan e-supervision 电子监察", description = "Deadline alerts (R20) and joint-review defaults (R14)")
public @interface SupervisionConfig {
    String PID = "org.yizhan.supervision";

    @AttributeDefinition(name = "Yellow: working days left 剩余工作日预警",
            description = "A case turns yellow this many working days before its promised date")
    int yellowDaysLeft() default 3;

    @AttributeDefinition(name = "Yellow: share of time used 用时比例预警",
            description = "...or once this share of its promised working days has passed (0-1), whichever comes first")
    double yellowShareUsed() default 0.8;

    @AttributeDefinition(name = "Per-center thresholds 各中心阈值",
            description = "CODE=daysLeft/share, comma-separated, e.g. T1=2/0.7, T2V1=1/0.9")
    String centerThresholds() default "";

    @AttributeDefinition(name = "Scan interval (s) 扫描间隔秒数")
    int scanIntervalSeconds() default 300;
}
