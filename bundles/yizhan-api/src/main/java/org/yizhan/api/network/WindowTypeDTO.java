package org.yizhan.api.network;

/** A kind of window the platform knows, from a window module or built in. */
public class WindowTypeDTO {
    public String type;
    public String name;
    public String nameEn;
    public boolean special;
    /** Standard windows of R2 are on at every town unless switched off. */
    public boolean standard;
}
