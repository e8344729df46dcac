package org.yizhan.core.internal.feedback;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@link FeedbackConfig} as the ratings, complaints and assessment components read it; a change
 * to etc/org.yizhan.feedback.cfg restarts this component and, with it, theirs.
 */
@Component(service = FeedbackSettings.class, configurationPid = FeedbackConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FeedbackConfig.class)
public class FeedbackSettings {

    final FeedbackConfig config;

    @Activate
    public FeedbackSettings(FeedbackConfig config) {
        this.config = config;
    }
}
