package org.yizhan.api.feedback;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rating of a finished case (R21): the level, optionally a level for each indicator
 * ({@code overall} 整体满意度, {@code efficiency} 服务效率, {@code quality} 服务水平,
 * {@code attitude} 服务态度) and a comment of at most 500 characters.
 */
public class RatingInput {
    public String level;
    public Map<String, String> indicators = new LinkedHashMap<>();
    public String comment;
}
