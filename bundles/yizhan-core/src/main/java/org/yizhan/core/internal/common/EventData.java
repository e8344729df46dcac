package org.yizhan.core.internal.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The canonical text form of an event's data: sorted {@code key=value} lines, escaped. */
public final class EventData {

    private EventData() {
    }

    public static String encode(Map<String, String> data) {
        if (data == null || data.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(data).entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(escape(e.getKey())).append('=').append(escape(e.getValue()));
        }
        return sb.toString();
    }

    public static Map<String, String> decode(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return map;
        }
        for (String line : text.split("\n", -1)) {
            int eq = indexOfUnescaped(line, '=');
            if (eq < 0) {
                continue;
            }
            map.put(unescape(line.substring(0, eq)), unescape(line.substring(eq + 1)));
        }
        return map;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\=");
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int indexOfUnescaped(String s, char wanted) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == wanted) {
                return i;
            }
        }
        return -1;
    }
}
