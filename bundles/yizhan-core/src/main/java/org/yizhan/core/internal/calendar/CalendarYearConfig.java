package org.yizhan.core.internal.calendar;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One year of the official calendar: {@code etc/org.yizhan.calendar-<year>.cfg}. Dropping such a
 * file into etc/ of a running container adds the year at once.
 */
@ObjectClassDefinition(name = "Yizhan official calendar year 法定节假日安排",
        description = "Statutory holidays and make-up working days (调休) of one year, from the State Council notice")
public @interface CalendarYearConfig {

    @AttributeDefinition(name = "Year 年份")
    int year();

    @AttributeDefinition(name = "Holidays 放假日期",
            description = "Days off that would otherwise be working days or weekends: YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, comma-separated")
    String holidays() default "";

    @AttributeDefinition(name = "Make-up working days 调休上班日期",
            description = "Weekend days that are working days: YYYY-MM-DD, comma-separated")
    String workdays() default "";

    @AttributeDefinition(name = "Source 依据", description = "The notice the data comes from")
    String source() default "";
}
