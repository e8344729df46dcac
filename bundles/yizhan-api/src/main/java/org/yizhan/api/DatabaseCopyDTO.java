package org.yizhan.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a database copy did: rows per table, as counted on both sides after the copy. */
public class DatabaseCopyDTO {
    /** The source's product (e.g. Apache Derby) and the target's. */
    public String from;
    public String to;
    /** The target's URL (never its password). */
    public String url;
    public Map<String, Long> rows = new LinkedHashMap<>();
    public long millis;
}
