package org.yizhan.api.calendar;

public class WorkingDaysDTO {
    public int workingDays;
    public boolean estimated;
}
