package org.yizhan.core.internal.calendar;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A center's own days: {@code etc/org.yizhan.calendar.center-<code>.cfg}. A village room's duty
 * days, a town's extra closure, appointment days on which a center works (R25, R26).
 */
@ObjectClassDefinition(name = "Yizhan center calendar 中心工作日调整",
        description = "Per-center changes to the official working days")
public @interface CenterCalendarConfig {

    @AttributeDefinition(name = "Center code 中心编码", description = "e.g. T1V1")
    String center();

    @AttributeDefinition(name = "Duty weekdays 值班日",
            description = "Only these weekdays are working days here, e.g. MON,WED,FRI (a village room's duty roster); empty: all official working days")
    String weekdays() default "";

    @AttributeDefinition(name = "Closed 停办日期", description = "Extra days off: YYYY-MM-DD or ranges, comma-separated")
    String closed() default "";

    @AttributeDefinition(name = "Open 预约办理日期",
            description = "Days the center works although officially off (appointments, weekend service): YYYY-MM-DD, comma-separated")
    String open() default "";
}
