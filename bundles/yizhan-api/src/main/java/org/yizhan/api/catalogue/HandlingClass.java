package org.yizhan.api.catalogue;

/** The handling classes of R7 (六制). */
public enum HandlingClass {
    /** 即办件: finished at the window when materials are complete (R9). */
    IMMEDIATE,
    /** 承诺件: finished within the promised working days. */
    PROMISED,
    /** 联办件: several windows, one lead window (R15). */
    JOINT,
    /** 上报件: decided by a higher level; the lower level checks and proxies. */
    REPORT_UP,
    /** 控制件: an explicit yes or no with reasons. */
    CONTROLLED
}
