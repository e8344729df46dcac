package org.yizhan.api.network;

import org.yizhan.api.Level;

/** A center of the network (R1): the county center, a town center or a village room. */
public class CenterDTO {
    public long id;
    public String code;
    public String name;
    public String nameEn;
    public Level level;
    /** The center one level up; null for the county center. */
    public Long parentId;
    /** Present (true) only for a closed center: it takes no new cases; its cases stay readable. */
    public Boolean closed;
}
