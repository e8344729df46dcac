package org.yizhan.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A kind of window the platform knows (R2), from a window module or built in. */
@Entity
@Table(name = "YZ_WINDOW_TYPE")
public class WindowTypeEntity {
    @Id
    @Column(length = 64)
    private String type;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(length = 200)
    private String nameEn;
    private boolean special;
    private boolean standard;
    /** A window module for it is installed now. */
    private boolean available;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public boolean isSpecial() {
        return special;
    }

    public void setSpecial(boolean special) {
        this.special = special;
    }

    public boolean isStandard() {
        return standard;
    }

    public void setStandard(boolean standard) {
        this.standard = standard;
    }

    public boolean isAvailable() {
        return available;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }
}
