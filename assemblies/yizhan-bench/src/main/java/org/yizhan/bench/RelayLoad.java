package org.yizhan.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load for the relay benchmark: one client per village room, each taking CASES proxy cases
 * (MZ-002, decided by the town) as its agent, as fast as the platform answers or at RATE cases
 * per second per village. Prints what was acknowledged.
 *
 * <pre>
 * java -cp ... org.yizhan.bench.RelayLoad BASE_URL VILLAGES CASES [RATE]
 *   VILLAGES: comma-separated codes, e.g. T1V1,T1V2,T2V1
 * </pre>
 */
public final class RelayLoad {

    private static final Pattern CENTER = Pattern.compile("\\{\"id\":(\\d+),\"code\":\"([^\"]+)\"");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private RelayLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String[] villages = args[1].split(",");
        int cases = Integer.parseInt(args[2]);
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : 0;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String centers = http.send(HttpRequest.newBuilder(URI.create(base + "/centers")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger serial = new AtomicInteger(100_000);
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (String code : villages) {
            long id = centerId(centers, code);
            String auth = "Basic " + Base64.getEncoder().encodeToString(("agent-" + code + ":demo").getBytes(StandardCharsets.UTF_8));
            Thread t = new Thread(() -> {
                long start = System.nanoTime();
                for (int i = 0; i < cases; i++) {
                    if (rate > 0) {
                        long due = start + (long) (i * 1e9 / rate);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            sleep(wait / 1_000_000);
                        }
                    }
                    String body = "{\"itemCode\":\"MZ-002\",\"centerId\":" + id + ",\"applicant\":{\"name\":\"压测\",\"idType\":\"RESIDENT_ID\","
                            + "\"idNumber\":\"" + residentId(serial.incrementAndGet()) + "\"},\"materials\":[\"id-card\",\"hardship-statement\"]}";
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/cases"))
                                .header("Authorization", auth).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        (r.statusCode() == 201 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }, "village-" + code);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "acknowledged %d cases (%d failed) from %d villages in %.1f s: %.0f cases/s%n",
                ok.get(), failed.get(), villages.length, s, ok.get() / s);
    }

    private static long centerId(String centers, String code) {
        Matcher m = CENTER.matcher(centers);
        while (m.find()) {
            if (m.group(2).equals(code)) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new IllegalArgumentException("no center " + code);
    }

    static String residentId(int n) {
        // a valid date of birth for every n: 1950-01-01 plus n % 20000 days, then a 3-digit sequence
        java.time.LocalDate birth = java.time.LocalDate.of(1950, 1, 1).plusDays(n % 20_000);
        String first17 = "110105" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format(Locale.ROOT, "%03d", (n / 20_000) % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
