package org.yizhan.api.cases;

/** Filters of {@code GET /cases}. Null means any. */
public class CaseQuery {
    public Long center;
    public CaseStatus status;
    public String window;
    public int page;
    public int size = 20;
}
