package org.yizhan.core.internal.entity;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class ItemMaterial {
    @Column(length = 64)
    private String code;
    @Column(length = 200)
    private String name;
    private boolean required;
    @Column(length = 500)
    private String sample;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public String getSample() {
        return sample;
    }

    public void setSample(String sample) {
        this.sample = sample;
    }
}
