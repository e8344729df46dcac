package org.yizhan.api;

/** The three levels of the network (R1). Ordered from the bottom up. */
public enum Level {
    VILLAGE, TOWN, COUNTY;

    /** True when this level is strictly above {@code other}. */
    public boolean above(Level other) {
        return ordinal() > other.ordinal();
    }
}
