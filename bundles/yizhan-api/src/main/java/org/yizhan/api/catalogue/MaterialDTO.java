package org.yizhan.api.catalogue;

/** One material of an item's published list (R6), with its sample form if there is one. */
public class MaterialDTO {
    public String code;
    public String name;
    public boolean required;
    /** Where the sample form (样表) can be had, if any. */
    public String sample;

    public MaterialDTO() {
    }

    public MaterialDTO(String code, String name, boolean required) {
        this.code = code;
        this.name = name;
        this.required = required;
    }
}
