package org.yizhan.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The plain-JDBC floor of a full case: what the platform's database work for one case costs with
 * nothing around it — no HTTP, no JAX-RS, no JSON, no persistence layer, no sign-in. N threads,
 * each running whole cases back to back on the platform's own schema (the Derby baseline of its
 * migrations, all of YZ_CASE's indexes) in an embedded Derby database with every commit synced,
 * the statements the platform's full case makes (docs/benchmarks.md, "Statements per request"):
 * <ol>
 * <li>create: the day's counter FOR UPDATE, insert the case and its two events, update the counter; commit</li>
 * <li>read: the row's version and alert level by key</li>
 * <li>approve: the case, its attributes, its opinions; insert the event; update the case; commit</li>
 * <li>read</li>
 * <li>deliver: as approve</li>
 * </ol>
 * each event sealed with HMAC-SHA256 as the history chain is. Prints cases/s, p50/p99 per case
 * and this JVM's CPU milliseconds per case (all of it: Derby, its log writer, the JIT and the GC).
 *
 * <pre>
 * java -cp ... org.yizhan.bench.FullCaseFloor [threads] [warm-up cases] [measured cases] [baseline.sql]
 * </pre>
 */
public final class FullCaseFloor {

    private static final String[] TOWNS = {"11", "12", "13"};

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        Path ddl = Path.of(args.length > 3 ? args[3]
                : "../../bundles/yizhan-core/src/main/resources/org/yizhan/core/db/derby/001-baseline.sql");
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "full-floor-");
        String url = "jdbc:derby:" + home.resolve("db") + ";create=true";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String statement : Files.readString(ddl, StandardCharsets.UTF_8).split(";")) {
                String sql = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + " " + b).trim();
                if (!sql.isEmpty()) {
                    s.execute(sql);
                }
            }
        }
        ThreadLocal<Connection> connections = CaseBench.connections(url);
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
                return m;
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        CaseBench.Op fullCase = (client, seq) -> fullCase(connections.get(), macs.get(), client, seq);
        runCases("warm-up", threads, warmup, fullCase);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        CaseBench.Result r = runCases("measured", threads, measured, fullCase);
        double cpuPerCase = (os.getProcessCpuTime() - cpu0) / 1e6 / r.ops();
        System.out.printf(Locale.ROOT, "plain-JDBC full case floor: %d threads, %d cases in %.1f s: %.1f cases/s, p50 %.1f ms,"
                        + " p99 %.1f ms, %.2f ms of JVM CPU per case, %d failed%n", threads, r.ops(), r.seconds(), r.rate(),
                r.percentileMillis(50), r.percentileMillis(99), cpuPerCase, r.failures());
        CaseBench.shutdownDerby();
        CaseBench.deleteTree(home);
    }

    /** Runs exactly {@code cases} cases over the threads (CaseBench runs for a time; the full-case shape counts cases). */
    private static CaseBench.Result runCases(String name, int threads, int cases, CaseBench.Op op) throws InterruptedException {
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
        long[] latencies = new long[cases];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            final int client = t;
            workers[t] = new Thread(() -> {
                long n;
                while ((n = next.getAndIncrement()) < cases) {
                    long t0 = System.nanoTime();
                    try {
                        if (op.run(client, SEQ.incrementAndGet())) {
                            latencies[done.getAndIncrement()] = System.nanoTime() - t0;
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            System.err.println(name + ": " + e);
                        }
                    }
                }
            }, "floor-" + t);
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = java.util.Arrays.copyOf(latencies, done.get());
        java.util.Arrays.sort(all);
        return new CaseBench.Result(name, all.length, failures.get(), seconds, all);
    }

    private static final java.util.concurrent.atomic.AtomicLong SEQ = new java.util.concurrent.atomic.AtomicLong();

    static boolean fullCase(Connection c, Mac mac, int client, long seq) throws SQLException {
        String center = TOWNS[client % TOWNS.length];
        String clerk = "clerk-T" + (client % TOWNS.length + 1);
        String day = LocalDate.now().toString().replace("-", "");
        String number = create(c, mac, center, clerk, day, seq);
        read(c, number);
        act(c, mac, number, clerk, center, 3, "approve", "ACCEPTED", "APPROVED");
        read(c, number);
        act(c, mac, number, clerk, center, 4, "deliver", "APPROVED", "DELIVERED");
        return true;
    }

    private static String seal(Mac mac, String prev, String event) {
        mac.update(prev.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(event.getBytes(StandardCharsets.UTF_8)));
    }

    private static String create(Connection c, Mac mac, String center, String clerk, String day, long seq) throws SQLException {
        String counter = "CASE-" + center + "-" + day;
        try {
            long next = CaseBench.takeNumber(c, "YZ_COUNTER", counter);
            String number = "T" + center + "-" + day + "-" + String.format("%05d", next);
            long now = System.currentTimeMillis();
            String h1 = seal(mac, "", number + "|1|submit");
            String h2 = seal(mac, h1, number + "|2|accept");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO YZ_CASE (NUMBER, LOOKUPCODE, ITEMCODE, ITEMVERSION, ITEMNAME,"
                    + " CENTERID, DECIDINGCENTERID, WINDOWTYPE, HANDLINGCLASS, STATUS, URGENT, APPLICANTNAME, APPLICANTIDTYPE,"
                    + " APPLICANTIDNUMBER, APPLICANTPHONE, MATERIALS, MISSINGMATERIALS, NOTICEMATERIALS, CREATEDATMILLIS, CREATEDBY,"
                    + " ACCEPTEDATMILLIS, PROMISEDDATE, PROMISEDDATEESTIMATED, YELLOWDATE, FIRSTINQUIRYSTAFF, EVENTCOUNT, LASTHASH,"
                    + " UPDATEDATMILLIS, OPTLOCK) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int i = 1;
                ps.setString(i++, number);
                ps.setString(i++, "ABCDEFGH");
                ps.setString(i++, "MZ-002");
                ps.setInt(i++, 1);
                ps.setString(i++, "临时救助申请");
                ps.setLong(i++, Long.parseLong(center));
                ps.setLong(i++, Long.parseLong(center));
                ps.setString(i++, "civil-affairs");
                ps.setString(i++, "PROMISED");
                ps.setString(i++, "ACCEPTED");
                ps.setShort(i++, (short) 0);
                ps.setString(i++, "压测" + seq);
                ps.setString(i++, "RESIDENT_ID");
                ps.setString(i++, CaseBench.residentId(seq));
                ps.setString(i++, "13800000000");
                ps.setString(i++, "id-card,hardship-statement");
                ps.setString(i++, "");
                ps.setString(i++, "");
                ps.setLong(i++, now);
                ps.setString(i++, clerk);
                ps.setLong(i++, now);
                ps.setString(i++, "2026-12-21");
                ps.setShort(i++, (short) 1);
                ps.setString(i++, "2026-12-18");
                ps.setString(i++, clerk);
                ps.setInt(i++, 2);
                ps.setString(i++, h2);
                ps.setLong(i++, now);
                ps.setInt(i, 1);
                ps.executeUpdate();
            }
            event(c, number, 1, now, clerk, center, "submit", null, "SUBMITTED", null, "materials=id-card,hardship-statement\nitemVersion=1", h1, "");
            event(c, number, 2, now, clerk, center, "accept", "SUBMITTED", "ACCEPTED", "Accepted; receipt issued with the promised date (R12)",
                    "materials=id-card,hardship-statement\nitemVersion=1", h2, h1);
            c.commit();
            return number;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** One history event, as the case engine writes it. */
    private static void event(Connection c, String number, int seqNo, long now, String clerk, String center, String action, String from,
                              String to, String reason, String data, String hash, String prev) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO YZ_CASE_EVENT (ID, CASENUMBER, SEQ, ATMILLIS, ACTOR, ROLE, CENTERID,"
                + " ACTION, FROMSTATUS, TOSTATUS, REASON, DATA, HASH, PREVHASH) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int i = 1;
            ps.setString(i++, number + "#" + seqNo);
            ps.setString(i++, number);
            ps.setInt(i++, seqNo);
            ps.setLong(i++, now);
            ps.setString(i++, clerk);
            ps.setString(i++, "clerk");
            ps.setLong(i++, Long.parseLong(center));
            ps.setString(i++, action);
            ps.setString(i++, from);
            ps.setString(i++, to);
            ps.setString(i++, reason);
            ps.setString(i++, data);
            ps.setString(i++, hash);
            ps.setString(i, prev);
            ps.executeUpdate();
        }
    }

    private static void read(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT OPTLOCK, ALERTLEVEL FROM YZ_CASE WHERE NUMBER = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no case " + number);
                }
            }
        }
        c.commit();
    }

    private static void act(Connection c, Mac mac, String number, String clerk, String center, int seqNo, String action,
                            String from, String to) throws SQLException {
        try {
            String last;
            int version;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM YZ_CASE WHERE NUMBER = ?")) {
                ps.setString(1, number);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no case " + number);
                    }
                    last = rs.getString("LASTHASH");
                    version = rs.getInt("OPTLOCK");
                }
            }
            for (String collection : new String[] {"YZ_CASE_ATTRIBUTE", "YZ_CASE_OPINION"}) {
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + collection + " WHERE CASE_NUMBER = ?")) {
                    ps.setString(1, number);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getString(1);
                        }
                    }
                }
            }
            long now = System.currentTimeMillis();
            String hash = seal(mac, last, number + "|" + seqNo + "|" + action);
            event(c, number, seqNo, now, clerk, center, action, from, to, null, null, hash, last);
            try (PreparedStatement ps = c.prepareStatement("UPDATE YZ_CASE SET STATUS = ?, EVENTCOUNT = ?, LASTHASH = ?, UPDATEDATMILLIS = ?,"
                    + " DECIDEDATMILLIS = ?, ONTIME = ?, OPTLOCK = ? WHERE NUMBER = ? AND OPTLOCK = ?")) {
                int i = 1;
                ps.setString(i++, to);
                ps.setInt(i++, seqNo);
                ps.setString(i++, hash);
                ps.setLong(i++, now);
                ps.setLong(i++, now);
                ps.setShort(i++, (short) 1);
                ps.setInt(i++, version + 1);
                ps.setString(i++, number);
                ps.setInt(i, version);
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("case " + number + " changed meanwhile");
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }
}
