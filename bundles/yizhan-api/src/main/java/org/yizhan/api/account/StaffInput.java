package org.yizhan.api.account;

import java.util.List;

/** The body of staff creation and change; on change, a null field keeps its value. */
public class StaffInput {
    public String username;
    public String name;
    public Long centerId;
    public List<String> roles;
    public List<String> windows;
    public Boolean active;
}
