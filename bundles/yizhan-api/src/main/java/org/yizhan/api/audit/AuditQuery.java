package org.yizhan.api.audit;

import java.time.LocalDate;

/** Filters of the audit log; null means any. Days are counted in the platform's zone, both ends included. */
public record AuditQuery(LocalDate from, LocalDate to, String actor, String kind, int page, int size) {
}
