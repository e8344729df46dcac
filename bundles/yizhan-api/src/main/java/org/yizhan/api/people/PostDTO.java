package org.yizhan.api.people;

import java.util.ArrayList;
import java.util.List;

/** A window's post at a center (A/B 岗, R17): one A holder and ordered B stand-ins, staff of that center. */
public class PostDTO {
    public String windowType;
    /** The A holder's user name. */
    public String a;
    /** The B stand-ins' user names, in the order they stand in. */
    public List<String> b = new ArrayList<>();
    /** R4: the window's chief representative (首席代表), if it has one: a staff member of the center. */
    public String chief;
}
