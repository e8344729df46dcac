package org.yizhan.api.audit;

/** One entry of the audit log. */
public class AuditEventDTO {
    public long seq;
    /** ISO 8601 instant with offset. */
    public String at;
    public String actor;
    /** What happened: see {@link AuditService} for the kinds. */
    public String kind;
    /** What it happened to: a user name, a center code, a window, a route id. */
    public String target;
    public String detail;
    /** Where the actor came from: an IP address, "console" or "platform". */
    public String source;
    public String hash;
    public String prevHash;
}
