package org.yizhan.core.internal.people;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.yizhan.people.cfg}: opening hours and appointment slots (R17, R26). */
@ObjectClassDefinition(name = "Yizhan people at the windows 窗口人员与预约",
        description = "Opening hours, during which an unstaffed window is an alert, and the appointment slots")
public @interface PeopleConfig {
    String PID = "org.yizhan.people";

    @AttributeDefinition(name = "Opening hours 办公时间",
            description = "On working days, e.g. 08:30-12:00,14:00-17:30 (the county's time); a window nobody of its post serves then is an alert")
    String openingHours() default "08:30-12:00,14:00-17:30";

    @AttributeDefinition(name = "Slot minutes 预约时段长度")
    int appointments_slotMinutes() default 30;

    @AttributeDefinition(name = "Slot hours 预约时段", description = "When slots are offered; extended hours go here, e.g. 08:30-12:00,14:00-19:00")
    String appointments_hours() default "08:30-12:00,14:00-17:30";

    @AttributeDefinition(name = "Places per slot 每时段名额")
    int appointments_capacity() default 4;

    @AttributeDefinition(name = "Urgent share 急件预留比例",
            description = "The share of each slot's places kept for urgent items (R27), e.g. 0.25")
    double appointments_urgentShare() default 0.25;

    @AttributeDefinition(name = "Days ahead 可预约天数")
    int appointments_daysAhead() default 30;
}
