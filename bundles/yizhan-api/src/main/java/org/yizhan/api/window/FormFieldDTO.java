package org.yizhan.api.window;

import java.util.ArrayList;
import java.util.List;

/** One field of an item's application form; its value arrives in the case's {@code attributes}. */
public class FormFieldDTO {
    public static final String TEXT = "TEXT";
    public static final String NUMBER = "NUMBER";
    public static final String DATE = "DATE";
    public static final String CHOICE = "CHOICE";

    public String name;
    public String label;
    public String labelEn;
    /** TEXT, NUMBER, DATE or CHOICE. */
    public String type = TEXT;
    public boolean required;
    /** For CHOICE fields. */
    public List<String> choices = new ArrayList<>();

    public FormFieldDTO() {
    }

    public FormFieldDTO(String name, String label, String labelEn, String type, boolean required) {
        this.name = name;
        this.label = label;
        this.labelEn = labelEn;
        this.type = type;
        this.required = required;
    }
}
