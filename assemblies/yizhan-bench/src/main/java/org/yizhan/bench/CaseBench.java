package org.yizhan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The plain-JDBC floor of the case benchmark: N threads insert the rows one accepted case makes
 * (its center's counter, the case, two history events) in one transaction each, with plain
 * JDBC into an embedded Derby database with the platform's durability (every commit synced).
 * case-bench.sh runs it right after driving the distribution over HTTP and compares the two.
 *
 * <pre>
 * java -cp ... org.yizhan.bench.CaseBench [threads] [seconds]
 * </pre>
 */
public final class CaseBench {

    private static final String[][] CLIENTS = {
            {"clerk-T1", "11", "MZ-001"}, {"clerk-T2", "12", "MZ-001"}, {"clerk-T3", "13", "MZ-001"},
            {"agent-T1V1", "111", "MZ-001"}, {"agent-T1V2", "112", "MZ-001"}, {"agent-T2V1", "121", "MZ-001"},
            {"agent-T2V2", "122", "MZ-001"}, {"agent-T3V1", "131", "MZ-001"}, {"agent-T3V2", "132", "MZ-001"},
            {"clerk-C", "1", "XM-001"}};

    record Result(String name, long ops, long failures, double seconds, long[] latenciesNanos) {
        double rate() {
            return ops / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, i)] / 1e6;
        }
    }

    interface Op {
        /** Does one case; true when it succeeded. */
        boolean run(int client, long seq) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmup = Math.max(3, seconds / 5);
        Path derbyHome = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "floor-");
        String jdbcUrl = "jdbc:derby:" + derbyHome.resolve("db") + ";create=true";
        createSchema(jdbcUrl);
        ThreadLocal<Connection> connections = connections(jdbcUrl);
        Op jdbc = (client, seq) -> jdbcCase(connections.get(), client, seq);
        run("JDBC (warm-up)", clients, warmup, jdbc);
        Result j = run("plain JDBC, same rows", clients, seconds, jdbc);
        print(j);
        // One line for the script to read: rate p50 p99 failures.
        System.out.printf(Locale.ROOT, "FLOOR %.1f %.2f %.2f %d%n", j.rate(), j.percentileMillis(50), j.percentileMillis(99),
                j.failures());
        shutdownDerby();
        deleteTree(derbyHome);
    }

    static Result run(String name, int clients, int seconds, Op op) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong failures = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        AtomicInteger seq = new AtomicInteger();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] lat = new long[2_000_000];
            perThread.add(lat);
            final int client = c;
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = op.run(client, seq.incrementAndGet());
                        } catch (Exception e) {
                            ok = false;
                            if (failures.get() < 3) {
                                System.err.println(name + ": " + e);
                            }
                        }
                        long dt = System.nanoTime() - t0;
                        if (ok) {
                            lat[counts[client]++] = dt;
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-" + c);
            t.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long ops = Arrays.stream(counts).sum();
        long[] all = new long[(int) ops];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perThread.get(c), 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        return new Result(name, ops, failures.get(), elapsed, all);
    }

    static String residentId(long n) {
        String first17 = "110105" + "19800101" + String.format("%03d", n % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        char[] check = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + check[sum % 11];
    }

    // ------------------------------------------------------------------ the plain-JDBC floor

    static void createSchema(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE F_COUNTER (NAME VARCHAR(64) PRIMARY KEY, NEXTVALUE BIGINT)");
            s.execute("CREATE TABLE F_CASE (NUMBER VARCHAR(40) PRIMARY KEY, LOOKUPCODE VARCHAR(16) NOT NULL,"
                    + " ITEMCODE VARCHAR(64) NOT NULL, ITEMVERSION INT, ITEMNAME VARCHAR(200), CENTERID BIGINT,"
                    + " DECIDINGCENTERID BIGINT, WINDOWTYPE VARCHAR(64) NOT NULL, HANDLINGCLASS VARCHAR(20),"
                    + " STATUS VARCHAR(24) NOT NULL, URGENT SMALLINT, APPLICANTNAME VARCHAR(100), APPLICANTIDTYPE VARCHAR(20),"
                    + " APPLICANTIDNUMBER VARCHAR(40), APPLICANTPHONE VARCHAR(30), MATERIALS VARCHAR(2000),"
                    + " MISSINGMATERIALS VARCHAR(2000), NOTICEMATERIALS VARCHAR(2000), CREATEDATMILLIS BIGINT,"
                    + " CREATEDBY VARCHAR(64), ACCEPTEDATMILLIS BIGINT, PROMISEDDATE VARCHAR(10), PROMISEDDATEESTIMATED SMALLINT,"
                    + " FIRSTINQUIRYSTAFF VARCHAR(64), EVENTCOUNT INT, LASTHASH VARCHAR(64), OPTLOCK INT)");
            s.execute("CREATE INDEX F_CASE_CENTER ON F_CASE (CENTERID, STATUS)");
            s.execute("CREATE INDEX F_CASE_DECIDING ON F_CASE (DECIDINGCENTERID, STATUS)");
            s.execute("CREATE TABLE F_EVENT (ID VARCHAR(50) PRIMARY KEY, CASENUMBER VARCHAR(40) NOT NULL, SEQ INT,"
                    + " ATMILLIS BIGINT, ACTOR VARCHAR(64), ROLE VARCHAR(32), CENTERID BIGINT, ACTION VARCHAR(32) NOT NULL,"
                    + " FROMSTATUS VARCHAR(24), TOSTATUS VARCHAR(24), REASON VARCHAR(1000), DATA VARCHAR(4000),"
                    + " HASH VARCHAR(64), PREVHASH VARCHAR(64), UNIQUE (CASENUMBER, SEQ))");
        }
    }

    static boolean jdbcCase(Connection c, int client, long seq) throws SQLException {
        String[] who = CLIENTS[client % CLIENTS.length];
        String day = LocalDate.now().toString().replace("-", "");
        String counter = "CASE-" + who[1] + "-" + day;
        try {
            long next = takeNumber(c, "F_COUNTER", counter);
            String number = who[1] + "-" + day + "-" + String.format("%04d", next);
            long now = System.currentTimeMillis();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO F_CASE VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int i = 1;
                ps.setString(i++, number);
                ps.setString(i++, "ABCDEFGH");
                ps.setString(i++, who[2]);
                ps.setInt(i++, 1);
                ps.setString(i++, "最低生活保障申请");
                ps.setLong(i++, Long.parseLong(who[1]));
                ps.setLong(i++, Long.parseLong(who[1]));
                ps.setString(i++, "civil-affairs");
                ps.setString(i++, "PROMISED");
                ps.setString(i++, "ACCEPTED");
                ps.setShort(i++, (short) 0);
                ps.setString(i++, "压测" + seq);
                ps.setString(i++, "RESIDENT_ID");
                ps.setString(i++, residentId(seq));
                ps.setString(i++, "13800000000");
                ps.setString(i++, "id-card,household-register,income-proof,property-statement");
                ps.setString(i++, "");
                ps.setString(i++, "");
                ps.setLong(i++, now);
                ps.setString(i++, who[0]);
                ps.setLong(i++, now);
                ps.setString(i++, "2026-12-21");
                ps.setShort(i++, (short) 1);
                ps.setString(i++, who[0]);
                ps.setInt(i++, 2);
                ps.setString(i++, "f".repeat(64));
                ps.setInt(i, 1);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO F_EVENT VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int seqNo = 1; seqNo <= 2; seqNo++) {
                    int i = 1;
                    ps.setString(i++, number + "#" + seqNo);
                    ps.setString(i++, number);
                    ps.setInt(i++, seqNo);
                    ps.setLong(i++, now);
                    ps.setString(i++, who[0]);
                    ps.setString(i++, "clerk");
                    ps.setLong(i++, Long.parseLong(who[1]));
                    ps.setString(i++, seqNo == 1 ? "submit" : "accept");
                    ps.setString(i++, seqNo == 1 ? null : "SUBMITTED");
                    ps.setString(i++, seqNo == 1 ? "SUBMITTED" : "ACCEPTED");
                    ps.setString(i++, seqNo == 1 ? null : "Accepted; receipt issued with the promised date (R12)");
                    ps.setString(i++, "materials=id-card,household-register,income-proof,property-statement\nitemVersion=1");
                    ps.setString(i++, "e".repeat(64));
                    ps.setString(i, "0".repeat(64));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** One connection per thread, outside auto-commit. */
    static ThreadLocal<Connection> connections(String url) {
        return ThreadLocal.withInitial(() -> {
            try {
                Connection c = DriverManager.getConnection(url);
                c.setAutoCommit(false);
                return c;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Stops embedded Derby (it answers a clean shutdown with an exception). */
    static void shutdownDerby() {
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // the clean shutdown's answer
        }
    }

    /**
     * The day's next number of a center: its counter row under a row lock (made at the day's first case), moved on.
     * WITH RR keeps the lock to the commit, as the persistence layer's Derby dialect does (under read-committed,
     * Derby lets a FOR UPDATE lock go when the cursor moves on).
     */
    static long takeNumber(Connection c, String table, String counter) throws SQLException {
        long next;
        try (PreparedStatement ps = c.prepareStatement("SELECT NEXTVALUE FROM " + table + " WHERE NAME = ? FOR UPDATE WITH RR")) {
            ps.setString(1, counter);
            try (ResultSet rs = ps.executeQuery()) {
                next = rs.next() ? rs.getLong(1) : 0;
            }
        }
        if (next == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (NAME, NEXTVALUE) VALUES (?, 2)")) {
                ps.setString(1, counter);
                ps.executeUpdate();
            }
            return 1;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET NEXTVALUE = ? WHERE NAME = ?")) {
            ps.setLong(1, next + 1);
            ps.setString(2, counter);
            ps.executeUpdate();
        }
        return next;
    }

    // ------------------------------------------------------------------ output

    static void print(Result r) {
        System.out.printf(Locale.ROOT, "%-24s %8d cases in %5.1f s  %8.1f cases/s  p50 %7.2f ms  p99 %7.2f ms  failed %d%n",
                r.name(), r.ops(), r.seconds(), r.rate(), r.percentileMillis(50), r.percentileMillis(99), r.failures());
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
