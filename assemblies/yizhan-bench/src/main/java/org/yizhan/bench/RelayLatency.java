package org.yizhan.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads a deciding center's database after a relay run (the container stopped): for every case
 * that arrived, the time from its acceptance in the village room to its arrival ("relay-in"),
 * and prints count, p50, p99, max and the drain rate (arrivals per second between the first
 * and the last arrival).
 *
 * <pre>
 * java -cp ... org.yizhan.bench.RelayLatency DERBY_DIR
 * </pre>
 */
public final class RelayLatency {

    private RelayLatency() {
    }

    public static void main(String[] args) throws Exception {
        List<Long> latencies = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = 0;
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + args[0]);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.ACCEPTEDATMILLIS, e.ATMILLIS FROM YZ_CASE c JOIN YZ_CASE_EVENT e"
                     + " ON e.CASENUMBER = c.NUMBER WHERE e.ACTION = 'relay-in' AND c.APPLICANTNAME = '压测'")) {
            while (rs.next()) {
                long accepted = rs.getLong(1);
                long arrived = rs.getLong(2);
                latencies.add(arrived - accepted);
                first = Math.min(first, arrived);
                last = Math.max(last, arrived);
            }
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true");
            } catch (SQLException expected) {
                // a clean shutdown answers with an exception
            }
        }
        Collections.sort(latencies);
        int n = latencies.size();
        if (n == 0) {
            System.out.println("no relayed cases found");
            return;
        }
        double span = Math.max(1, last - first) / 1000.0;
        System.out.printf(Locale.ROOT, "arrived %d cases; relay latency p50 %d ms, p99 %d ms, max %d ms; arrivals over %.1f s: %.0f cases/s%n",
                n, latencies.get(n / 2), latencies.get(Math.min(n - 1, (int) (n * 0.99))), latencies.get(n - 1), span, n / span);
    }
}
