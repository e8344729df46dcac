package org.yizhan.api.cases;

/** Filters of {@code GET /cases}. Null means any. */
public class CaseQuery {
    public Long center;
    public CaseStatus status;
    public String window;
    public int page;
    public int size = 20;
    /** Only the caller's windows now (R17): those whose post they hold as A, or stand in for as B while A is away. */
    public boolean mine;
    /** Only the cases the caller took first and owns the follow-through for (R16). */
    public boolean owned;
}
