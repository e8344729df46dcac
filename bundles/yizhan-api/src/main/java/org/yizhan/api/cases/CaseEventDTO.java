package org.yizhan.api.cases;

import java.util.Map;

/** One entry of a case's append-only, hash-chained history. */
public class CaseEventDTO {
    public int seq;
    public String at;
    public String actor;
    public String role;
    public Long centerId;
    public String action;
    public String from;
    public String to;
    public String reason;
    public Map<String, String> data;
    public String hash;
    public String prevHash;
}
