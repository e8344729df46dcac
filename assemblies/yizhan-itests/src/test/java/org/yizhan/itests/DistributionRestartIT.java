package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * The distribution as an operator uses it: bin/karaf, bin/client, bin/stop, and a second start
 * that must find everything the first one wrote.
 */
public class DistributionRestartIT {

    private static final Pattern STARTS = Pattern.compile("\"starts\":(\\d+)");

    private static long starts(HttpResponse<String> health) {
        Matcher m = STARTS.matcher(health.body());
        assertTrue(health.body(), m.find());
        return Long.parseLong(m.group(1));
    }

    private static java.nio.file.Path log(Distribution karaf) {
        return karaf.home().resolve("data/log/karaf.log");
    }

    /**
     * A normal boot (and stop) writes no WARN or ERROR to karaf.log from {@code offset} on, except
     * the reminder that next year's official calendar is not in etc/ yet (true in December).
     */
    private static void assertCleanLog(String what, Distribution karaf, long offset) throws Exception {
        byte[] all = Files.readAllBytes(log(karaf));
        String text = new String(all, (int) Math.min(offset, all.length), all.length - (int) Math.min(offset, all.length),
                java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<String> bad = text.lines().filter(l -> l.contains("| WARN ") || l.contains("| ERROR "))
                .filter(l -> !l.contains("No official calendar for [")).toList();
        assertTrue(what + " logged:\n" + String.join("\n", bad), bad.isEmpty());
        // and the console shows nothing but the platform's own lines (no stack trace from a mid-boot refresh)
        java.nio.file.Path console = karaf.home().resolveSibling(karaf.home().getFileName() + "-console.log");
        java.util.List<String> printed = Files.readAllLines(console).stream().filter(l -> !l.isBlank())
                .filter(l -> !l.startsWith("Yizhan: ")).toList();
        assertTrue(what + " printed:\n" + String.join("\n", printed), printed.isEmpty());
    }

    @Test
    public void dataSurvivesARestart_andAdminUsesTheConsole_aClerkCannot() throws Exception {
        try (Distribution karaf = Distribution.unpack("restart-it", 28181, 28101)) {
            long t0 = System.nanoTime();
            karaf.start();
            HttpResponse<String> first = karaf.awaitHealthUp(Duration.ofSeconds(120));
            System.out.printf("first boot to health UP: %.1f s%n", (System.nanoTime() - t0) / 1e9);
            long startsBefore = starts(first);
            assertEquals("a fresh database has recorded exactly this start", 1, startsBefore);
            assertTrue("embedded Derby files under data/", Files.isDirectory(karaf.home().resolve("data/yizhan/derby")));
            assertCleanLog("the first boot", karaf, 0);

            // The demo admin opens the Karaf console and sees the platform's bundles.
            String console = karaf.console("admin", "demo", "bundle:list -s -t 0 | grep yizhan");
            assertTrue(console, console.contains("yizhan-core"));
            assertTrue(console, console.contains("Active"));
            // a clerk's account is refused by the console
            String clerk = karaf.console("clerk-T1", "demo", "bundle:list -s -t 0 | grep yizhan");
            assertFalse("a clerk is refused by the console: " + clerk, clerk.contains("yizhan-core"));

            // The yizhan:* commands: switch a special window on at 柳河镇 (T1), see it over HTTP.
            String windows = karaf.console("admin", "demo", "yizhan:windows\nyizhan:window-enable T1 tea-industry\nyizhan:items --center T1");
            assertTrue(windows, windows.contains("yizhan-window-tea"));
            assertTrue(windows, windows.contains("enabled 已开启"));
            assertTrue("the tea items are now offered at T1: " + windows, windows.contains("CY-001"));
            HttpResponse<String> townWindows = Http.get(karaf.baseUrl() + "/centers/11/windows");
            assertTrue(townWindows.body(), townWindows.body().contains("{\"type\":\"tea-industry\",\"name\":\"茶产业特色窗口\",\"nameEn\":\"Tea industry (special window)\",\"enabled\":true"));

            String off = karaf.console("admin", "demo", "yizhan:window-disable T1 tea-industry");
            assertTrue(off, off.contains("disabled 已关闭"));
            assertTrue(Http.get(karaf.baseUrl() + "/centers/11/windows").body().contains("\"type\":\"tea-industry\",\"name\":\"茶产业特色窗口\",\"nameEn\":\"Tea industry (special window)\",\"enabled\":false"));
            String alerts = karaf.console("admin", "demo", "yizhan:alerts --scan");
            assertTrue("a full scan ran: " + alerts, alerts.contains("scan ") && alerts.contains(" ms"));
            assertTrue(alerts, alerts.contains("red 红灯"));
            // the missing-calendar reminder (December on) is written once a day, not at every scan: the boot's and this one
            long reminders = Files.readAllLines(log(karaf)).stream().filter(l -> l.contains("No official calendar for [")).count();
            assertTrue("reminders: " + reminders, reminders <= 1);

            // a complaint filed on the web shows at the console (yizhan:complaints), with nothing personal
            Api web = new Api(karaf.baseUrl());
            Api.Answer filed = web.post("/public/complaints", null, "{\"category\":\"FEES\",\"text\":\"多收费\",\"centerId\":11,"
                    + "\"complainant\":{\"name\":\"控制台\",\"phone\":\"13911112222\"}}");
            assertEquals(filed.toString(), 201, filed.status());
            String complaints = karaf.console("admin", "demo", "yizhan:complaints --center T1\nyizhan:rectifications");
            assertTrue(complaints, complaints.contains(filed.text("number")) && complaints.contains("乱收费 FEES"));
            assertTrue(complaints, complaints.contains("1 complaints 投诉") && complaints.contains("0 rectifications 差评整改"));
            assertFalse("no complainant at the console: " + complaints, complaints.contains("控制台") || complaints.contains("13911112222"));
            // who is at which window of 柳河镇 (R17, R18): every demo window held by clerk-T1, B clerk-T1-b
            String board = karaf.console("admin", "demo", "yizhan:board T1");
            assertTrue(board, board.contains("民政 civil-affairs") && board.contains("clerk-T1-b") && board.contains("0 unstaffed 无人在岗"));
            // an integrator's route at the console (yizhan:routes): listed with its state, suspended, resumed
            Files.writeString(Files.createDirectories(karaf.home().resolve("routes")).resolve("console-route.xml"),
                    "<routes xmlns=\"http://camel.apache.org/schema/spring\"><route id=\"console-route\">"
                    + "<from uri=\"direct:integration-console\"/><log message=\"${header.YizhanEvent}\"/></route></routes>");
            Api.until("the route file is loaded", Duration.ofSeconds(60),
                    () -> web.get("/relay/routes", "admin").raw().body().contains("console-route"));
            String suspended = karaf.console("admin", "demo", "yizhan:routes --suspend console-route");
            assertTrue(suspended, suspended.contains("console-route: Suspended") && suspended.contains("routes/console-route.xml"));
            String resumed = karaf.console("admin", "demo", "yizhan:routes --resume console-route");
            assertTrue(resumed, resumed.contains("console-route: Started"));
            // a route file that does not parse is listed at the console with its line; the other keeps running
            Files.writeString(karaf.home().resolve("routes").resolve("console-broken.xml"),
                    "<routes xmlns=\"http://camel.apache.org/schema/spring\">\n<route id=\"console-broken\">\n<from uri=\"direct:x\"/>\n<to uri=\"log:x\">\n</route>\n</routes>\n");
            Api.until("the broken file is listed", Duration.ofSeconds(60),
                    () -> web.get("/relay/routes", "admin").raw().body().contains("console-broken.xml"));
            String listed = karaf.console("admin", "demo", "yizhan:routes");
            assertTrue(listed, listed.contains("routes/console-broken.xml") && listed.contains("NOT LOADED") && listed.contains("line 5:"));
            assertTrue(listed, listed.contains("console-route") && listed.contains("Started"));
            // that route's dead letters replayed at the console (none yet)
            String replayed = karaf.console("admin", "demo", "yizhan:relay-replay --all --route console-route");
            assertTrue(replayed, replayed.contains("0 dead letters of route console-route replayed"));
            Files.delete(karaf.home().resolve("routes").resolve("console-broken.xml"));
            // no JMX: Karaf's management (an RMI registry and server) is not part of the distribution
            String management = karaf.console("admin", "demo", "bundle:list -s -t 0 | grep -i management\nfeature:list -i | grep -i management");
            assertFalse(management, management.contains("org.apache.karaf.management") || management.contains("aries.jmx"));
            long beforeStop = Files.size(log(karaf));

            karaf.stop();

            long t1 = System.nanoTime();
            karaf.start();
            HttpResponse<String> second = karaf.awaitHealthUp(Duration.ofSeconds(120));
            System.out.printf("second boot to health UP: %.1f s%n", (System.nanoTime() - t1) / 1e9);
            assertEquals("the first start's row is still there, plus this one", startsBefore + 1, starts(second));
            assertTrue("the complaint outlived the restart", karaf.console("admin", "demo", "yizhan:complaints").contains(filed.text("number")));
            assertCleanLog("the stop and the second boot", karaf, beforeStop);
        }
    }
}
