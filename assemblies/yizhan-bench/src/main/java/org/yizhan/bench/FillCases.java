package org.yizhan.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fills a stopped distribution's Derby database with N open cases for the supervision benchmark:
 * promised dates spread from 30 days ago to 60 days ahead, yellow dates three days before, ten
 * deciding centers, five windows. Columns are read from the table itself, so the rows fit the
 * schema OpenJPA made.
 *
 * <pre>
 * java -cp ... org.yizhan.bench.FillCases DERBY_DIR ROWS
 * </pre>
 */
public final class FillCases {

    private static final long[] CENTERS = {1, 11, 12, 13, 111, 112, 121, 122, 131, 132};
    private static final String[] WINDOWS = {"civil-affairs", "family-planning", "agriculture", "construction", "tea-industry"};

    public static void main(String[] args) throws Exception {
        String dir = args[0];
        int rows = Integer.parseInt(args[1]);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + dir)) {
            c.setAutoCommit(false);
            List<String> columns = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getColumns(null, null, "YZ_CASE", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                    types.add(rs.getInt("DATA_TYPE"));
                }
            }
            if (columns.isEmpty()) {
                throw new IllegalStateException("no YZ_CASE table in " + dir + ": start the distribution once first");
            }
            String sql = "INSERT INTO YZ_CASE (" + String.join(",", columns) + ") VALUES ("
                    + "?,".repeat(columns.size() - 1) + "?)";
            Random random = new Random(42);
            LocalDate today = LocalDate.now();
            long now = System.currentTimeMillis();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < rows; i++) {
                    LocalDate promised = today.plusDays(random.nextInt(91) - 30);
                    long center = CENTERS[random.nextInt(CENTERS.length)];
                    for (int k = 0; k < columns.size(); k++) {
                        String col = columns.get(k);
                        Object v = switch (col) {
                            case "NUMBER" -> "BENCH-" + i;
                            case "LOOKUPCODE" -> "BENCH";
                            case "ITEMCODE" -> "MZ-002";
                            case "ITEMNAME" -> "临时救助申请";
                            case "ITEMVERSION" -> 1;
                            case "CENTERID", "DECIDINGCENTERID" -> center;
                            case "WINDOWTYPE" -> WINDOWS[random.nextInt(WINDOWS.length)];
                            case "HANDLINGCLASS" -> "PROMISED";
                            case "STATUS" -> random.nextInt(10) == 0 ? "PAUSED" : (random.nextBoolean() ? "ACCEPTED" : "IN_REVIEW");
                            case "PROMISEDDATE" -> promised.toString();
                            case "YELLOWDATE" -> promised.minusDays(3).toString();
                            case "ACCEPTEDATMILLIS", "CREATEDATMILLIS", "UPDATEDATMILLIS" -> now - random.nextInt(60) * 86_400_000L;
                            case "APPLICANTNAME" -> "压测";
                            case "URGENT" -> random.nextInt(20) == 0;
                            default -> null;
                        };
                        int type = types.get(k);
                        if (v == null) {
                            switch (type) {
                                case Types.INTEGER, Types.SMALLINT, Types.BIGINT, Types.BOOLEAN, Types.BIT -> ps.setObject(k + 1, 0, type == Types.BOOLEAN ? Types.BOOLEAN : Types.INTEGER);
                                default -> ps.setNull(k + 1, type);
                            }
                        } else {
                            ps.setObject(k + 1, v);
                        }
                    }
                    ps.addBatch();
                    if (i % 5000 == 4999) {
                        ps.executeBatch();
                        c.commit();
                    }
                    if (i % 100_000 == 99_999) {
                        System.out.printf(Locale.ROOT, "  %,d cases%n", i + 1);
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            // as after any bulk import: give the optimizer statistics for the new rows
            String schema;
            try (ResultSet rs = c.createStatement().executeQuery("VALUES CURRENT SCHEMA")) {
                rs.next();
                schema = rs.getString(1);
            }
            long s0 = System.nanoTime();
            try (var call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(?, 'YZ_CASE', NULL)")) {
                call.setString(1, schema);
                call.execute();
            }
            c.commit();
            System.out.printf(Locale.ROOT, "index statistics updated in %.1f s%n", (System.nanoTime() - s0) / 1e9);
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true");
            } catch (SQLException expected) {
                // a clean shutdown answers with an exception
            }
        }
        System.out.printf(Locale.ROOT, "filled %,d open cases in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
    }
}
