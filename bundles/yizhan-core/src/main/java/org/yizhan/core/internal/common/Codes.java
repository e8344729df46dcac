package org.yizhan.core.internal.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Lists of codes (materials, windows) as the database keeps them: comma-separated text. */
public final class Codes {

    private Codes() {
    }

    public static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.asList(csv.split(",")));
    }
}
