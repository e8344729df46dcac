package org.yizhan.api.network;

/** A kind of window the platform knows, from a window module or built in. */
public class WindowTypeDTO {
    public String type;
    public String name;
    public String nameEn;
    public boolean special;
    /** Standard windows of R2 are on at every town unless switched off. */
    public boolean standard;

    /** A standard window (R2): on wherever it is not switched off. */
    public static WindowTypeDTO standard(String type, String name, String nameEn) {
        WindowTypeDTO t = new WindowTypeDTO();
        t.type = type;
        t.name = name;
        t.nameEn = nameEn;
        t.standard = true;
        return t;
    }

    /** A special window (特色窗口): off until a town switches it on. */
    public static WindowTypeDTO special(String type, String name, String nameEn) {
        WindowTypeDTO t = new WindowTypeDTO();
        t.type = type;
        t.name = name;
        t.nameEn = nameEn;
        t.special = true;
        return t;
    }
}
