package org.yizhan.api.catalogue;

import java.util.ArrayList;
import java.util.List;

import org.yizhan.api.Level;

/**
 * A service item as published in the catalogue (R6), in one version (R29). Window modules
 * describe their items with it; the catalogue answers with it.
 */
public class ItemDTO {
    public String code;
    public int version;
    public String name;
    public String nameEn;
    public String windowType;
    public HandlingClass handlingClass;
    public Category category;
    /** The promised time limit, in working days (承诺时限); 0 for immediate items. */
    public int promisedDays;
    /** The legal time limit, in working days (法定时限). */
    public int legalDays;
    /** The levels whose centers may accept the item. */
    public List<Level> acceptLevels = new ArrayList<>();
    /** The level whose center decides. */
    public Level decideLevel;
    /** 实施主体 */
    public String implementingBody;
    /** 设定依据 */
    public String legalBasis;
    /** 申请条件 */
    public String conditions;
    /** 办理流程 */
    public String procedure;
    /** 咨询电话 / 地址 */
    public String contact;
    public FeeDTO fee;
    public List<MaterialDTO> materials = new ArrayList<>();
    /** For joint items (R15): the other windows that give an opinion; the lead is {@link #windowType}. */
    public List<String> jointWindows = new ArrayList<>();
    /** R4: the window's chief representative may approve it on the spot when the materials are complete. */
    public boolean chiefOnTheSpot;
}
