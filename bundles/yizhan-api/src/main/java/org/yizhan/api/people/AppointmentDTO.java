package org.yizhan.api.people;

/** An appointment; the public sees its own with the code, staff the day's list (names and phones masked once it is over). */
public class AppointmentDTO {
    public String code;
    public long centerId;
    public String windowType;
    public String itemCode;
    public String slotStart;
    public String slotEnd;
    public boolean urgent;
    /** BOOKED, CANCELLED, ARRIVED, NO_SHOW. */
    public String status;
    public String name;
    public String phone;
}
