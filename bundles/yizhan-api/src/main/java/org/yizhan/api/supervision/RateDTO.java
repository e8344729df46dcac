package org.yizhan.api.supervision;

/** Completion and on-time rates of one window at one deciding center over a period (R20). */
public class RateDTO {
    public long centerId;
    public String windowType;
    /** Cases accepted in the period. */
    public long accepted;
    /** Of those, decided (approved or denied). */
    public long completed;
    /** Of the completed, decided by the promised date. */
    public long onTime;
    public double completionRate;
    public double onTimeRate;
    /** Ratings given in the period to this window's cases (R21), and of those, not bad ones. */
    public long ratings;
    public long satisfied;
    /** Satisfied (非常满意, 满意, 基本满意) of the ratings that count; 0 with no ratings (R20). */
    public double satisfactionRate;
}
