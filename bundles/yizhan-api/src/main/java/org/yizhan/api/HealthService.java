package org.yizhan.api;

import org.osgi.annotation.versioning.ProviderType;

/** Reports whether the platform and its database answer. Never throws. */
@ProviderType
public interface HealthService {
    HealthDTO check();
}
