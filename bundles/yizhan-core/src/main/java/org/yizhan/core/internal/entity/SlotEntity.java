package org.yizhan.core.internal.entity;

import javax.persistence.*;


/** How many appointments a slot holds (R26), counted under a row lock so a slot is never overbooked. */
@Entity
@Table(name = "YZ_SLOT")
public class SlotEntity {
    @Id @Column(length = 120)
    private String slotKey;
    private int booked;
    private int urgentBooked;

    public String getSlotKey() {
        return slotKey;
    }

    public void setSlotKey(String slotKey) {
        this.slotKey = slotKey;
    }

    public int getBooked() {
        return booked;
    }

    public void setBooked(int booked) {
        this.booked = booked;
    }

    public int getUrgentBooked() {
        return urgentBooked;
    }

    public void setUrgentBooked(int urgentBooked) {
        this.urgentBooked = urgentBooked;
    }
}
