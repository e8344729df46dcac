package org.yizhan.core.internal.people;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** {@link PeopleConfig} as the posts and appointment components read it; a change restarts them with it. */
@Component(service = PeopleSettings.class, configurationPid = PeopleConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PeopleConfig.class)
public class PeopleSettings {

    public final PeopleConfig config;

    /** "08:30-12:00,14:00-17:30" as [start, end) pairs. */
    public static java.util.List<java.time.LocalTime[]> hours(String spec) {
        java.util.List<java.time.LocalTime[]> list = new java.util.ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                String[] se = p.split("-");
                list.add(new java.time.LocalTime[] {java.time.LocalTime.parse(se[0].trim()), "24:00".equals(se[1].trim()) ? java.time.LocalTime.MAX : java.time.LocalTime.parse(se[1].trim())});
            }
        }
        return list;
    }

    @Activate
    public PeopleSettings(PeopleConfig config) {
        this.config = config;
    }
}
