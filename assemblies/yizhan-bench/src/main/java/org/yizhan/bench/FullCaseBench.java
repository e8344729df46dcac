package org.yizhan.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole cases, back to back, the shape a window works in: CLIENTS clients, each as one of the
 * three town clerks (T1, T2, T3) with an item its town decides (MZ-002, promised), runs case after
 * case — create with complete materials (accepted at once), read it, approve, read it again,
 * deliver: 5 requests and 3 state changes per case. A warm-up of WARMUP cases, then MEASURED
 * cases; prints cases/s, the p50/p90/p99 of a whole case, the JVM's CPU milliseconds per case
 * (from /proc of the container's process) and its resident memory after the load, and checks
 * through the API that every measured case was delivered exactly once.
 *
 * <pre>
 * java -cp ... org.yizhan.bench.FullCaseBench BASE_URL CLIENTS WARMUP MEASURED JVM_PID
 * </pre>
 */
public final class FullCaseBench {

    private static final Pattern NUMBER = Pattern.compile("\"number\":\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final String[][] CLERKS = {{"clerk-T1", "11"}, {"clerk-T2", "12"}, {"clerk-T3", "13"}};

    private FullCaseBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int measured = Integer.parseInt(args[3]);
        // the container's JVM, or several nodes' (comma-separated): CPU summed, RSS of the largest
        long[] pids = Arrays.stream(args[4].split(",")).mapToLong(Long::parseLong).toArray();
        long pid = pids[0];
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger serial = new AtomicInteger(500_000);

        run(http, base, clients, warmup, serial, null);
        long deliveredBefore = delivered(http, base);
        // PROFILE=<file.jfr>: a Java Flight Recorder profile of the container over the measured phase
        String profile = System.getenv("PROFILE");
        if (profile != null && !profile.isBlank()) {
            jcmd(pid, "JFR.start", "name=yizhan-bench", "settings=profile");
        }
        long cpuBefore = cpuMillis(pids);
        long[] latencies = new long[measured];
        long t0 = System.nanoTime();
        int failed = run(http, base, clients, measured, serial, latencies);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu = cpuMillis(pids) - cpuBefore;
        if (profile != null && !profile.isBlank()) {
            jcmd(pid, "JFR.stop", "name=yizhan-bench", "filename=" + java.nio.file.Path.of(profile).toAbsolutePath());
            System.out.println("profile: " + profile);
        }
        long deliveredAfter = delivered(http, base);

        int done = measured - failed;
        long[] ok = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        System.out.printf(Locale.ROOT, "full cases: %d in %.1f s = %.1f cases/s (%d failed), %d clients%n",
                done, seconds, done / seconds, failed, clients);
        System.out.printf(Locale.ROOT, "per case: p50 %.1f ms  p90 %.1f ms  p99 %.1f ms%n",
                pct(ok, 50), pct(ok, 90), pct(ok, 99));
        System.out.printf(Locale.ROOT, "JVM CPU: %.1f ms per case; RSS after the load: %d MiB%n",
                (double) cpu / Math.max(1, done), rssMiB(pids));
        System.out.printf(Locale.ROOT, "delivered through the API: %d more (expected %d) — %s%n",
                deliveredAfter - deliveredBefore, done, deliveredAfter - deliveredBefore == done ? "each exactly once" : "MISMATCH");
        System.out.printf(Locale.ROOT, "RESULT %.1f %.1f %.1f %.1f %.1f %d %d %d%n", done / seconds, pct(ok, 50), pct(ok, 90),
                pct(ok, 99), (double) cpu / Math.max(1, done), rssMiB(pids), failed, deliveredAfter - deliveredBefore - done);
    }

    private static void jcmd(long pid, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd failed: " + out);
        }
    }

    /** Runs {@code cases} whole cases over the clients; returns how many failed; records each case's milliseconds*1000. */
    private static int run(HttpClient http, String base, int clients, int cases, AtomicInteger serial, long[] latencies)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String[] clerk = CLERKS[c % CLERKS.length];
            String auth = "Basic " + Base64.getEncoder().encodeToString((clerk[0] + ":demo").getBytes(StandardCharsets.UTF_8));
            Thread t = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    try {
                        oneCase(http, base, auth, clerk[1], serial.incrementAndGet());
                        if (latencies != null) {
                            latencies[i] = (System.nanoTime() - start) / 1_000;
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return failed.get();
    }

    private static void oneCase(HttpClient http, String base, String auth, String center, int n) throws Exception {
        String body = "{\"itemCode\":\"MZ-002\",\"centerId\":" + center + ",\"applicant\":{\"name\":\"压测\",\"idType\":\"RESIDENT_ID\","
                + "\"idNumber\":\"" + RelayLoad.residentId(n) + "\"},\"materials\":[\"id-card\",\"hardship-statement\"]}";
        String created = expect(http, post(base + "/cases", auth, body), 201, "ACCEPTED");
        Matcher m = NUMBER.matcher(created);
        if (!m.find()) {
            throw new IllegalStateException("no number in " + created);
        }
        String url = base + "/cases/" + m.group(1);
        expect(http, get(url, auth), 200, "ACCEPTED");
        expect(http, post(url + "/actions/approve", auth, "{}"), 200, "APPROVED");
        expect(http, get(url, auth), 200, "APPROVED");
        expect(http, post(url + "/actions/deliver", auth, "{}"), 200, "DELIVERED");
    }

    private static String expect(HttpClient http, HttpRequest r, int status, String caseStatus) throws Exception {
        HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
        Matcher m = STATUS.matcher(a.body());
        if (a.statusCode() != status || !m.find() || !caseStatus.equals(m.group(1))) {
            throw new IllegalStateException(r.uri() + " answered " + a.statusCode() + " " + a.body());
        }
        return a.body();
    }

    private static HttpRequest post(String url, String auth, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpRequest get(String url, String auth) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build();
    }

    /** Delivered cases of the county, as the county admin sees them. */
    private static long delivered(HttpClient http, String base) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
        String page = http.send(get(base + "/cases?status=DELIVERED&size=1", auth), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = TOTAL.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no total in " + page);
        }
        return Long.parseLong(m.group(1));
    }

    /** User plus system CPU time of a process, in milliseconds (Linux /proc, 100 ticks a second). */
    private static long cpuMillis(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime (fields 14 and 15)
        return ticks * 10;
    }

    private static long cpuMillis(long[] pids) throws Exception {
        long sum = 0;
        for (long p : pids) {
            sum += cpuMillis(p);
        }
        return sum;
    }

    private static long rssMiB(long[] pids) throws Exception {
        long max = -1;
        for (long p : pids) {
            max = Math.max(max, rssMiB(p));
        }
        return max;
    }

    private static long rssMiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static double pct(long[] sortedMicros, int p) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sortedMicros.length - 1, Math.ceil(p / 100.0 * sortedMicros.length) - 1);
        return sortedMicros[Math.max(0, i)] / 1000.0;
    }
}
