package org.yizhan.core.internal.network;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.yizhan.api.Level;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.ImportException;
import org.yizhan.api.network.ImportException.LineError;

/**
 * Reads and checks a network file ({@code code,name,nameEn,level,parentCode}, UTF-8, header row)
 * against the centers that exist, with Apache Commons CSV. Every line is checked before anything
 * is written: the result is either a plan of creations and renames, or every bad line and field.
 * Parents may come before or after their children in the file.
 */
final class CenterImport {

    static final List<String> HEADER = List.of("code", "name", "nameEn", "level", "parentCode");
    static final int MAX_LINES = 20_000;

    /** One line of the file, checked. */
    record Row(int line, String code, String name, String nameEn, Level level, String parentCode) {
    }

    /** What applying the file will do: new centers (parents first) and renames of existing ones. */
    record Plan(List<Row> create, List<Row> rename, int unchanged) {
    }

    private CenterImport() {
    }

    static Plan plan(String csv, Map<String, CenterDTO> existing, Map<Long, CenterDTO> byId) {
        List<LineError> errors = new ArrayList<>();
        List<Row> rows = parse(csv == null ? "" : csv, errors);
        Map<String, Row> inFile = new HashMap<>();
        for (Row r : rows) {
            if (r.code() == null) {
                continue;
            }
            Row first = inFile.putIfAbsent(r.code(), r);
            if (first != null) {
                errors.add(new LineError(r.line(), "code", "Duplicate code " + r.code() + " (first on line " + first.line() + ")",
                        "代码重复：" + r.code() + "（首次出现在第 " + first.line() + " 行）"));
            }
        }
        List<Row> create = new ArrayList<>();
        List<Row> rename = new ArrayList<>();
        int unchanged = 0;
        for (Row r : rows) {
            if (r.code() == null || r.level() == null || inFile.get(r.code()) != r) {
                continue;
            }
            // the parent: none for the county, else one level up, in the database or in the file
            Level parentLevel = null;
            String parentCode = r.parentCode();
            if (r.level() == Level.COUNTY) {
                if (parentCode != null) {
                    errors.add(new LineError(r.line(), "parentCode", "The county center has no parent (R1)", "县级中心没有上级（R1）"));
                    continue;
                }
            } else if (parentCode == null) {
                errors.add(new LineError(r.line(), "parentCode", "A " + r.level() + " center needs a parent (R1)",
                        "除县级中心外，每个中心须有上级（R1）"));
                continue;
            } else {
                CenterDTO p = existing.get(parentCode);
                Row pf = inFile.get(parentCode);
                parentLevel = p != null ? p.level : pf != null ? pf.level() : null;
                if (parentLevel == null) {
                    errors.add(new LineError(r.line(), "parentCode", "Unknown parent " + parentCode, "上级中心不存在：" + parentCode));
                    continue;
                }
                if (p != null && Boolean.TRUE.equals(p.closed)) {
                    errors.add(new LineError(r.line(), "parentCode", "The parent " + parentCode + " is closed", "上级中心已撤销：" + parentCode));
                    continue;
                }
                if (parentLevel.ordinal() != r.level().ordinal() + 1) {
                    errors.add(new LineError(r.line(), "level", "A " + r.level() + " cannot be under the " + parentLevel + " " + parentCode + " (R1)",
                            "层级错误：" + r.level() + " 不能隶属于 " + parentLevel + " " + parentCode + "（R1）"));
                    continue;
                }
            }
            CenterDTO now = existing.get(r.code());
            if (now == null) {
                if (r.level() == Level.COUNTY && existing.values().stream().anyMatch(c -> c.level == Level.COUNTY)) {
                    errors.add(new LineError(r.line(), "level", "There is already a county center; a network has one (R1)",
                            "已有县级中心，一个网络只有一个县级中心（R1）"));
                    continue;
                }
                create.add(r);
                continue;
            }
            String nowParent = now.parentId == null ? null : byId.get(now.parentId).code;
            if (now.level != r.level() || !java.util.Objects.equals(nowParent, parentCode)) {
                errors.add(new LineError(r.line(), now.level != r.level() ? "level" : "parentCode",
                        "Center " + r.code() + " exists as a " + now.level + " under " + nowParent + "; an import only adds and renames",
                        "中心 " + r.code() + " 已存在（" + now.level + "，上级 " + nowParent + "）；导入只能新增和改名"));
                continue;
            }
            if (Boolean.TRUE.equals(now.closed)) {
                errors.add(new LineError(r.line(), "code", "Center " + r.code() + " is closed", "中心已撤销：" + r.code()));
                continue;
            }
            if (r.name().equals(now.name) && java.util.Objects.equals(r.nameEn(), now.nameEn)) {
                unchanged++;
            } else {
                rename.add(r);
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(1, "body", "The file has no centers", "文件中没有中心"));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(LineError::line));
            throw new ImportException(errors);
        }
        // parents before children
        create.sort(java.util.Comparator.comparing((Row r) -> -r.level().ordinal()).thenComparingInt(Row::line));
        return new Plan(create, rename, unchanged);
    }

    private static List<Row> parse(String csv, List<LineError> errors) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        List<Row> rows = new ArrayList<>();
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            if (!header.equals(HEADER)) {
                errors.add(new LineError(1, "header", "The header must be " + String.join(",", HEADER) + ", not " + String.join(",", header),
                        "表头须为 " + String.join(",", HEADER)));
                return rows;
            }
            for (CSVRecord rec : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (rows.size() >= MAX_LINES) {
                    errors.add(new LineError(line, "body", "At most " + MAX_LINES + " centers in one file", "单个文件最多 " + MAX_LINES + " 个中心"));
                    break;
                }
                rows.add(row(line, rec, errors));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            errors.add(new LineError(1, "body", "Not a valid CSV file: " + e.getMessage(), "不是有效的 CSV 文件"));
        }
        return rows;
    }

    private static Row row(int line, CSVRecord rec, List<LineError> errors) {
        if (rec.size() != HEADER.size()) {
            errors.add(new LineError(line, "body", "Expected " + HEADER.size() + " fields, found " + rec.size(),
                    "应有 " + HEADER.size() + " 个字段，实有 " + rec.size() + " 个"));
            return new Row(line, null, null, null, null, null);
        }
        String code = rec.get("code");
        String name = rec.get("name");
        String nameEn = rec.get("nameEn");
        String levelText = rec.get("level");
        String parent = rec.get("parentCode");
        boolean ok = true;
        if (!Centers.CODE.matcher(code).matches()) {
            errors.add(new LineError(line, "code", "code: 1-32 letters, digits, '_' or '-'", "代码须为 1-32 个字母、数字、_ 或 -"));
            ok = false;
        }
        if (name.isEmpty() || name.length() > 100) {
            errors.add(new LineError(line, "name", name.isEmpty() ? "The name is empty" : "The name has more than 100 characters",
                    name.isEmpty() ? "名称为空" : "名称超过 100 个字符"));
            ok = false;
        }
        if (nameEn.length() > 200) {
            errors.add(new LineError(line, "nameEn", "The English name has more than 200 characters", "英文名称超过 200 个字符"));
            ok = false;
        }
        Level level = null;
        try {
            level = Level.valueOf(levelText.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new LineError(line, "level", "level must be COUNTY, TOWN or VILLAGE, not '" + levelText + "'",
                    "level 须为 COUNTY、TOWN 或 VILLAGE"));
            ok = false;
        }
        if (!ok) {
            return new Row(line, null, null, null, null, null);
        }
        return new Row(line, code, name, nameEn.isEmpty() ? null : nameEn, level, parent.isEmpty() ? null : parent);
    }
}
