package org.yizhan.api.network;

/** A window (R2, R3) at one center: a counter for one line of business. */
public class WindowDTO {
    public String type;
    public String name;
    public String nameEn;
    /** Switched on at this center. */
    public boolean enabled;
    /** A special window (特色窗口): off until the town enables it. */
    public boolean special;
    /** Its window module is installed, so it can take cases. */
    public boolean available;
}
