package org.yizhan.api.window;

import java.util.ArrayList;
import java.util.List;

/** An installed window module. */
public class ModuleDTO {
    public String id;
    public String bundle;
    public String version;
    public List<String> windowTypes = new ArrayList<>();
    public List<String> items = new ArrayList<>();
}
