package org.yizhan.api.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /cases/{number}/actions/{action}}. */
public class ActionDTO {
    public String reason;
    public List<String> materials = new ArrayList<>();
    public Map<String, String> data = new LinkedHashMap<>();
}
