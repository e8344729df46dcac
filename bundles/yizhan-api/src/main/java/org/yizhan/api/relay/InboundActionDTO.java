package org.yizhan.api.relay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a departmental system decided, handed to {@code direct:yizhan-case-action} by an
 * integrator's route: the case, the action (opinion, pause, resume, approve, deny, supplement,
 * start-review), its reason and data as the REST API takes them, and the department that decided.
 */
public class InboundActionDTO {
    public String caseNumber;
    public String action;
    public String reason;
    public Map<String, String> data = new LinkedHashMap<>();
    public java.util.List<String> materials = new java.util.ArrayList<>();
    public String department;
}
