package org.yizhan.api.audit;

import java.util.List;

/** A page of the audit log, newest first. */
public class AuditPageDTO {
    public List<AuditEventDTO> items;
    public long total;
    public int page;
    public int size;
}
