package org.yizhan.api.relay;

import java.util.ArrayList;
import java.util.List;

/** A route file of an integrator and what became of it. */
public class IntegrationRouteDTO {
    public String file;
    public List<String> routeIds = new ArrayList<>();
    /** Null when loaded; else why it was not. */
    public String error;
}
