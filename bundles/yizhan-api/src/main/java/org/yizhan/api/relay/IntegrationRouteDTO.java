package org.yizhan.api.relay;

import java.util.ArrayList;
import java.util.List;

/** A route file of an integrator and what became of it. */
public class IntegrationRouteDTO {
    public String file;
    public List<String> routeIds = new ArrayList<>();
    /** Null when loaded; else why it was not. */
    public String error;
    /** With an error: the line of the file it is on, where known (a parse error, the route at fault). */
    public Integer line;
    /** Each route of the file: its state (Started, Suspended, ...), exchanges, failures and the last error. */
    public List<RouteState> routes = new ArrayList<>();

    public static class RouteState {
        public String id;
        public String state;
        public long exchanges;
        public long failures;
        public String lastError;
    }
}
