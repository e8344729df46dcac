package org.yizhan.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A named counter (case numbers per center and day, fee receipts per year). */
@Entity
@Table(name = "YZ_COUNTER")
public class CounterEntity {
    @Id
    @Column(length = 64)
    private String name;
    private long nextValue;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public long getNextValue() {
        return nextValue;
    }

    public void setNextValue(long nextValue) {
        this.nextValue = nextValue;
    }
}
