package org.yizhan.core.internal.entity;

import javax.persistence.*;


/** An appointment (R26); name and phone are masked once it is over. */
@Entity
@Table(name = "YZ_APPOINTMENT", indexes = {@Index(name = "YZ_APPT_DAY", columnList = "centerId,onDay")})
public class AppointmentEntity {
    @Id @Column(length = 12)
    private String code;
    private long centerId;
    @Column(nullable = false, length = 64)
    private String windowType;
    @Column(length = 40)
    private String itemCode;
    @Column(nullable = false, length = 10)
    private String onDay;
    @Column(nullable = false, length = 16)
    private String slotStart;
    @Column(nullable = false, length = 16)
    private String slotEnd;
    private boolean urgent;
    @Column(nullable = false, length = 10)
    private String status;
    @Column(length = 50)
    private String name;
    @Column(length = 20)
    private String phone;
    private long bookedAtMillis;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public long getCenterId() {
        return centerId;
    }

    public void setCenterId(long centerId) {
        this.centerId = centerId;
    }

    public String getWindowType() {
        return windowType;
    }

    public void setWindowType(String windowType) {
        this.windowType = windowType;
    }

    public String getItemCode() {
        return itemCode;
    }

    public void setItemCode(String itemCode) {
        this.itemCode = itemCode;
    }

    public String getOnDay() {
        return onDay;
    }

    public void setOnDay(String onDay) {
        this.onDay = onDay;
    }

    public String getSlotStart() {
        return slotStart;
    }

    public void setSlotStart(String slotStart) {
        this.slotStart = slotStart;
    }

    public String getSlotEnd() {
        return slotEnd;
    }

    public void setSlotEnd(String slotEnd) {
        this.slotEnd = slotEnd;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public void setUrgent(boolean urgent) {
        this.urgent = urgent;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public long getBookedAtMillis() {
        return bookedAtMillis;
    }

    public void setBookedAtMillis(long bookedAtMillis) {
        this.bookedAtMillis = bookedAtMillis;
    }
}
