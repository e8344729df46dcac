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
}
