package org.yizhan.api.network;

import org.yizhan.api.Level;

/** The body of center creation and change; on change only the names may differ. */
public class CenterInput {
    public String code;
    public String name;
    public String nameEn;
    public Level level;
    /** The id of the center one level up; null for the county center. */
    public Long parentId;
}
