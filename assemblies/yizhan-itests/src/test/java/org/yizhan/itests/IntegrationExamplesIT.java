package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The route files of docs/integration.md, as shipped in the distribution's examples/routes/,
 * copied into routes/ of a running distribution and driven against real servers the test
 * starts: an FTP server (Debian's python3-pyftpdlib) the civil affairs bureau drops its nightly
 * CSV on, an Artemis broker the natural resources bureau sends its opinions through (feature
 * yizhan-integration-jms, installed at the console), a mail server (Debian's python3-aiosmtpd)
 * that receives the approval notices, a SOAP service (the JDK's HTTP server answering from a small
 * WSDL) that registers approvals, called with CXF's client (feature yizhan-integration-soap).
 * {@code .ci/integration-prereqs} installs the two Debian packages.
 */
public class IntegrationExamplesIT {

    private static final int PORT = 28801;
    private static final int FTP_PORT = 28021;
    private static final int SMTP_PORT = 28025;
    private static final int BROKER_PORT = 28618;
    private static final long T1 = 11;
    private static final String FTP_PASSWORD = "ftp-secret-28021";
    private static final int SOAP_PORT = 28089;

    private static Distribution karaf;
    private static Artemis broker;
    private static final List<Process> servers = new ArrayList<>();
    private static Path ftpRoot;
    private static Path mailLog;
    private static Api api;

    @BeforeClass
    public static void start() throws Exception {
        karaf = Distribution.unpack("examples-it", PORT, 28802);
        Path work = karaf.home().resolveSibling("examples-it-servers");
        Distribution.deleteTree(work);
        ftpRoot = Files.createDirectories(work.resolve("ftp"));
        Files.createDirectories(ftpRoot.resolve("decisions"));
        mailLog = work.resolve("mail.log");
        servers.add(server(work.resolve("ftp.log"), "/usr/bin/python3", "-m", "pyftpdlib", "-i", "127.0.0.1", "-p", Integer.toString(FTP_PORT),
                "-w", "-d", ftpRoot.toString(), "-u", "civil-affairs", "-P", FTP_PASSWORD));
        servers.add(server(mailLog, "/usr/bin/python3", "-u", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + SMTP_PORT));
        broker = Artemis.create("examples-artemis", BROKER_PORT);
        broker.start(Duration.ofMinutes(2));
        for (int port : List.of(FTP_PORT, SMTP_PORT)) {
            Api.until("a server listens on " + port + " (Debian's python3-pyftpdlib and python3-aiosmtpd: .ci/integration-prereqs)",
                    Duration.ofSeconds(60), () -> listens(port));
        }

        // etc/org.yizhan.integration.cfg as docs/integration.md shows it
        String cfg = "org.yizhan.integration.cfg";
        karaf.setConfig(cfg, "allow.civil-affairs-nightly", "civil-affairs:approve, civil-affairs:deny");
        karaf.setConfig(cfg, "allow.natural-resources-opinions", "construction:opinion, *:pause, *:resume");
        karaf.setConfig(cfg, "property.civil-affairs.ftp.host", "127.0.0.1:" + FTP_PORT);
        karaf.setConfig(cfg, "property.civil-affairs.ftp.user", "civil-affairs");
        karaf.setConfig(cfg, "property.civil-affairs.ftp.password", FTP_PASSWORD);
        karaf.setConfig(cfg, "property.notices.smtp.host", "127.0.0.1:" + SMTP_PORT);
        karaf.setConfig(cfg, "property.notices.from", "yizhan@county.example");
        karaf.setConfig(cfg, "property.notices.to", "mzb@county.example");
        karaf.setConfig(cfg, "property.civil-affairs.soap.address", "http://127.0.0.1:" + SOAP_PORT + "/approvals");
        karaf.setConfig(cfg, "property.civil-affairs.soap.wsdl", "http://127.0.0.1:" + SOAP_PORT + "/approvals?wsdl");
        karaf.setConfig(cfg, "jms.natural-resources.url", broker.url());
        karaf.setConfig(cfg, "jms.natural-resources.user", Artemis.USER);
        karaf.setConfig(cfg, "jms.natural-resources.password", Artemis.PASSWORD);
        karaf.start();
        karaf.awaitHealthUp(Duration.ofSeconds(180));
        api = new Api(karaf.baseUrl());
    }

    @AfterClass
    public static void stop() throws Exception {
        try {
            if (karaf != null) {
                karaf.close();
            }
        } finally {
            for (Process p : servers) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    private static Process server(Path log, String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static boolean listens(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Copies a shipped example route into routes/ and waits until it runs. */
    private static void useExample(String file) throws Exception {
        useExample(file, route -> route);
    }

    private static void useExample(String file, java.util.function.UnaryOperator<String> edit) throws Exception {
        Path routes = Files.createDirectories(karaf.home().resolve("routes"));
        String route = edit.apply(Files.readString(karaf.home().resolve("examples/routes").resolve(file), StandardCharsets.UTF_8));
        Files.writeString(routes.resolve(file), route, StandardCharsets.UTF_8);
        String id = file.replace(".xml", "");
        Api.until("route " + id + " runs", Duration.ofSeconds(60), () -> {
            String body = api.get("/relay/routes", "admin").raw().body();
            return body.contains("\"id\":\"" + id + "\",\"state\":\"Started\"");
        });
    }

    private static String inReview(Api.Answer created) throws Exception {
        assertEquals(created.toString(), 201, created.status());
        String n = created.text("number");
        assertEquals("IN_REVIEW", api.act("clerk-T1", n, "start-review", "{}").text("status"));
        return n;
    }

    private static JsonNode last(String number, String action) throws Exception {
        JsonNode found = null;
        for (JsonNode h : api.get("/cases/" + number, "clerk-T1").body().get("history")) {
            found = action.equals(h.get("action").asText()) ? h : found;
        }
        return found;
    }

    @Test
    public void theCivilAffairsBureausNightlyCsvOverFtp_eachRowOnce_aRefusedRowInTheRoutesDeadLetters() throws Exception {
        String a = inReview(api.post("/cases", "clerk-T1", Api.newCase("MZ-001", T1, Api.residentId(811), "id-card", "household-register",
                "income-proof", "property-statement")));
        String b = inReview(api.post("/cases", "clerk-T1", Api.newCase("MZ-001", T1, Api.residentId(812), "id-card", "household-register",
                "income-proof", "property-statement")));
        String joint = inReview(api.post("/cases", "clerk-T1", Api.newCase("JS-010", T1, Api.residentId(813), "application", "id-card",
                "household-register", "site-plan", "village-opinion")));
        // the night's file: two decisions and one the route may not make (a construction case)
        String csv = "\uFEFFcaseNumber,action,reason,department\n"
                + a + ",approve,入户调查核实，符合低保条件,县民政局\n"
                + b + ",deny,家庭人均收入高于当地低保标准,县民政局\n"
                + joint + ",approve,越权,县民政局\n";
        Files.writeString(ftpRoot.resolve("decisions/decisions-20261203.csv"), csv, StandardCharsets.UTF_8);
        // the example as shipped, but looking every second instead of every minute: the test does not wait a night
        useExample("civil-affairs-nightly.xml", route -> {
            assertTrue(route, route.contains("delay=60000"));
            return route.replace("delay=60000", "delay=1000");
        });

        Api.until("the batch is taken and put in done/", Duration.ofSeconds(90),
                () -> Files.exists(ftpRoot.resolve("decisions/done/decisions-20261203.csv")));
        assertEquals("APPROVED", api.get("/cases/" + a, "clerk-T1").text("status"));
        assertEquals("DENIED", api.get("/cases/" + b, "clerk-T1").text("status"));
        assertEquals("IN_REVIEW", api.get("/cases/" + joint, "clerk-T1").text("status"));
        JsonNode approved = last(a, "approve");
        assertEquals("route:civil-affairs-nightly", approved.get("actor").asText());
        assertEquals("县民政局", approved.get("data").get("department").asText());
        assertEquals("decisions-20261203.csv#" + a + "/approve", approved.get("data").get("messageId").asText());
        JsonNode dead = api.get("/relay/dead-letters?route=civil-affairs-nightly", "admin").body();
        assertEquals(dead.toString(), 1, dead.size());
        assertTrue(dead.toString(), dead.get(0).get("lastError").asText().contains("allow.civil-affairs-nightly"));

        // the bureau sends the same file again: every row is a duplicate, nothing changes
        int events = api.get("/cases/" + a, "clerk-T1").body().get("history").size();
        // written aside and moved in whole, so the route (now looking every second) never reads half a file
        Path aside = Files.writeString(ftpRoot.resolve("decisions/decisions-20261203.part"), csv, StandardCharsets.UTF_8);
        Files.move(aside, ftpRoot.resolve("decisions/decisions-20261203.csv"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Api.until("the second copy is taken", Duration.ofSeconds(120), () -> !Files.exists(ftpRoot.resolve("decisions/decisions-20261203.csv")));
        assertEquals(events, api.get("/cases/" + a, "clerk-T1").body().get("history").size());
        assertEquals("DENIED", api.get("/cases/" + b, "clerk-T1").text("status"));
        Files.delete(karaf.home().resolve("routes/civil-affairs-nightly.xml"));
    }

    @Test
    public void theNaturalResourcesBureausOpinionOverJms_closesAJointReview_R15() throws Exception {
        String out = karaf.console("admin", "demo", "feature:install yizhan-integration-jms\nfeature:list -i | grep yizhan-integration-jms");
        assertTrue(out, out.contains("yizhan-integration-jms"));
        useExample("natural-resources-opinions.xml");
        String joint = inReview(api.post("/cases", "clerk-T1", Api.newCase("JS-010", T1, Api.residentId(814), "application", "id-card",
                "household-register", "site-plan", "village-opinion")));
        assertEquals("the joint window's opinion is due (R15)", 422, api.act("clerk-T1", joint, "approve", "{}").status());

        broker.send("yizhan.opinions", "{\"caseNumber\":\"" + joint + "\",\"action\":\"opinion\",\"reason\":\"符合国土空间规划\","
                + "\"data\":{\"window\":\"agriculture\",\"opinion\":\"AGREE\"},\"department\":\"县自然资源局\"}");
        Api.until("the opinion is in the case", Duration.ofSeconds(60), () -> last(joint, "opinion") != null);
        JsonNode opinion = last(joint, "opinion");
        assertEquals("route:natural-resources-opinions", opinion.get("actor").asText());
        assertEquals("县自然资源局", opinion.get("data").get("department").asText());
        Api.Answer approved = api.act("clerk-T1", joint, "approve", "{\"reason\":\"联合审查通过\"}");
        assertEquals(approved.toString(), "APPROVED", approved.text("status"));

        // a decision the route may not send: refused, taken off the queue, kept in the route's dead letters
        String other = inReview(api.post("/cases", "clerk-T1", Api.newCase("JS-010", T1, Api.residentId(815), "application", "id-card",
                "household-register", "site-plan", "village-opinion")));
        broker.send("yizhan.opinions", "{\"caseNumber\":\"" + other + "\",\"action\":\"approve\",\"department\":\"县自然资源局\"}");
        Api.until("the refusal is in the route's dead letters", Duration.ofSeconds(60),
                () -> api.get("/relay/dead-letters?route=natural-resources-opinions", "admin").body().size() == 1);
        assertEquals("IN_REVIEW", api.get("/cases/" + other, "clerk-T1").text("status"));
        Files.delete(karaf.home().resolve("routes/natural-resources-opinions.xml"));
    }

    @Test
    public void anApprovalNoticeByMail_withNothingPersonal() throws Exception {
        useExample("approval-notices.xml");
        Api.Answer c = api.post("/cases", "clerk-T2", Api.newCase("MZ-002", 12, Api.residentId(816), "id-card", "hardship-statement"));
        String n = c.text("number");
        assertEquals("APPROVED", api.act("clerk-T2", n, "approve", "{}").text("status"));
        Api.until("the notice reaches the mail server", Duration.ofSeconds(60), () -> decoded(mailLog).contains("[Yizhan] " + n + " approved 已批准"));
        String mail = decoded(mailLog);
        assertTrue(mail, mail.contains("办件 " + n + "（MZ-002）已批准"));
        assertTrue(mail, mail.contains("mzb@county.example"));
        assertFalse("no name in the notice", mail.contains("王小明"));
        assertFalse("no identity number in the notice", mail.contains(Api.residentId(816)));
        Files.delete(karaf.home().resolve("routes/approval-notices.xml"));
    }

    @Test
    public void anApprovalIsRegisteredWithTheBureausSoapService_calledWithCxfsClientFromItsWsdl() throws Exception {
        // the bureau's service: its WSDL (as shipped beside the example) and an answer with a receipt; every request kept
        byte[] wsdl = Files.readAllBytes(karaf.home().resolve("examples/routes/civil-affairs-approvals.wsdl"));
        List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> actions = java.util.Collections.synchronizedList(new ArrayList<>());
        com.sun.net.httpserver.HttpServer stub = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", SOAP_PORT), 0);
        stub.createContext("/approvals", x -> {
            byte[] answer;
            if ("GET".equals(x.getRequestMethod()) && "wsdl".equalsIgnoreCase(x.getRequestURI().getQuery())) {
                x.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
                answer = wsdl;
            } else {
                String request = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(request);
                actions.add(String.valueOf(x.getRequestHeaders().getFirst("SOAPAction")));
                Matcher caseNumber = Pattern.compile("<caseNumber>([^<]+)</caseNumber>").matcher(request);
                String receipt = "MZ-R-" + (caseNumber.find() ? caseNumber.group(1) : "none");
                x.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
                answer = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                        + "<mz:registerApprovalResponse xmlns:mz=\"http://mzj.example/approvals\"><receipt>" + receipt + "</receipt>"
                        + "</mz:registerApprovalResponse></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
            }
            x.sendResponseHeaders(200, answer.length);
            x.getResponseBody().write(answer);
            x.close();
        });
        stub.start();
        try {
            String out = karaf.console("admin", "demo", "feature:install yizhan-integration-soap\nfeature:list -i | grep yizhan-integration-soap");
            assertTrue(out, out.contains("yizhan-integration-soap"));
            karaf.awaitHealthUp(Duration.ofSeconds(120));
            useExample("civil-affairs-register.xml");
            Api.Answer c = api.post("/cases", "clerk-T2", Api.newCase("MZ-002", 12, Api.residentId(817), "id-card", "hardship-statement"));
            String n = c.text("number");
            assertEquals("APPROVED", api.act("clerk-T2", n, "approve", "{}").text("status"));
            Api.until("the bureau's service is called", Duration.ofSeconds(60), () -> requests.stream().anyMatch(r -> r.contains(n)));
            String request = requests.stream().filter(r -> r.contains(n)).findFirst().orElseThrow();
            assertTrue(request, request.contains("Envelope") && request.contains("registerApproval") && request.contains("<itemCode>MZ-002</itemCode>"));
            assertFalse("nothing personal", request.contains(Api.residentId(817)) || request.contains("王小明"));
            assertTrue(actions.toString(), actions.stream().anyMatch(a -> a.contains("registerApproval")));
            Api.until("the receipt is in the log", Duration.ofSeconds(60),
                    () -> Files.readString(karaf.home().resolve("data/log/karaf.log")).contains("MZ-R-" + n));
            assertEquals("called once", 1, requests.stream().filter(r -> r.contains(n)).count());
            assertEquals(0, api.get("/relay/dead-letters?route=civil-affairs-register", "admin").body().size());
            Files.delete(karaf.home().resolve("routes/civil-affairs-register.xml"));
        } finally {
            stub.stop(0);
        }
    }

    /** The mail server's log (aiosmtpd's Debugging handler) with each message's body decoded (base64 or quoted-printable), as a mail reader shows it. */
    static String decoded(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String message : Files.readString(log, StandardCharsets.UTF_8).split("-{10} MESSAGE FOLLOWS -{10}\n")) {
            String m = message.split("\n-{12} END MESSAGE -{12}")[0];
            int blank = m.indexOf("\n\n");
            String headers = blank < 0 ? m : m.substring(0, blank);
            String body = blank < 0 ? "" : m.substring(blank + 2);
            out.append(encodedWords(headers)).append("\n\n");
            if (headers.matches("(?is).*Content-Transfer-Encoding:\\s*base64.*")) {
                out.append(new String(Base64.getMimeDecoder().decode(body.trim()), StandardCharsets.UTF_8));
            } else if (headers.matches("(?is).*Content-Transfer-Encoding:\\s*quoted-printable.*")) {
                out.append(new String(quotedPrintable(body.replace("=\n", "")), StandardCharsets.UTF_8));
            } else {
                out.append(body);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Headers with RFC 2047 encoded words ({@code =?UTF-8?Q?...?=}, {@code =?UTF-8?B?...?=}) decoded. */
    private static String encodedWords(String headers) {
        java.util.regex.Matcher w = java.util.regex.Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=").matcher(headers.replaceAll("\\?=\\s+=\\?", "?==?"));
        StringBuilder out = new StringBuilder();
        while (w.find()) {
            byte[] bytes = w.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(w.group(3)) : quotedPrintable(w.group(3).replace('_', ' '));
            w.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(new String(bytes, java.nio.charset.Charset.forName(w.group(1)))));
        }
        w.appendTail(out);
        return out.toString();
    }

    private static byte[] quotedPrintable(String s) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' && isHex(s, i + 1) && isHex(s, i + 2)) {
                b.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] ch = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                b.write(ch, 0, ch.length);
            }
        }
        return b.toByteArray();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
