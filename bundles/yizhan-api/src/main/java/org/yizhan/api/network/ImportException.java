package org.yizhan.api.network;

import java.util.List;

import org.yizhan.api.YizhanException;

/** 400: an import refused whole, with every bad line and field. Nothing was changed. */
public class ImportException extends YizhanException {
    private static final long serialVersionUID = 1L;

    /** One bad field of one line (1 is the header line). */
    public record LineError(int line, String field, String message, String messageZh) {
    }

    private final List<LineError> lines;

    public ImportException(List<LineError> lines) {
        super(BAD_INPUT, lines.size() + " line(s) of the file are wrong; nothing was imported",
                "文件中有 " + lines.size() + " 处错误，未导入任何内容", lines.isEmpty() ? null : lines.get(0).field(),
                null, null, null);
        this.lines = List.copyOf(lines);
    }

    public List<LineError> lines() {
        return lines;
    }
}
