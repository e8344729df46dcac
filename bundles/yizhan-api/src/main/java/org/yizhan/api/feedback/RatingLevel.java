package org.yizhan.api.feedback;

/** The five levels of a rating (好差评, R21), best first. */
public enum RatingLevel {
    VERY_SATISFIED("非常满意"), SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), DISSATISFIED("不满意"),
    VERY_DISSATISFIED("非常不满意");

    private final String zh;

    RatingLevel(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** A bad rating (差评): verified and rectified within its time limit, with a return visit. */
    public boolean bad() {
        return this == DISSATISFIED || this == VERY_DISSATISFIED;
    }
}
