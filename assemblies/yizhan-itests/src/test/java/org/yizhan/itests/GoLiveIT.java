package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A county goes live as its IT team would: a production install (demo = false, empty database)
 * started with the bootstrap settings and YIZHAN_BOOTSTRAP_PASSWORD, the first admin forced to
 * change the password, the network imported from CSV (R1), a clerk created who signs in, changes
 * the one-time password and takes a case, lockout and unlock, the console with a database
 * account, and the audit log of all of it; after a restart, HTTPS with the key the distribution made
 * on its first start (bin/setenv), Strict-Transport-Security, verifiably that key's certificate for
 * localhost, and a setting that turns plain HTTP off while the platform runs. One container,
 * driven over HTTP(S) and bin/client.
 */
public class GoLiveIT {

    private static final int PORT = 28183;
    private static final String BOOTSTRAP_PASSWORD = "Bootstrap-Only-Once-1";
    private static final String ADMIN_PASSWORD = "Qingshan-County-Admin-2026";
    private static final String CLERK_PASSWORD = "Town-Clerk-Password-9";

    @Test
    public void aCountyGoesLive_R1() throws Exception {
        try (Distribution karaf = Distribution.unpack("golive-it", PORT, 28103)) {
            karaf.setConfig("org.yizhan.platform.cfg", "demo", "false");
            karaf.setConfig("org.yizhan.platform.cfg", "bootstrap.county.code", "QS");
            // as an operator types it: UTF-8 in the .cfg file
            karaf.setConfig("org.yizhan.platform.cfg", "bootstrap.county.name", "青山县政务服务中心");
            karaf.setConfig("org.yizhan.platform.cfg", "bootstrap.admin", "county-it");
            karaf.start(Map.of("YIZHAN_BOOTSTRAP_PASSWORD", BOOTSTRAP_PASSWORD));
            karaf.awaitHealthUp(Duration.ofSeconds(180));
            Api api = new Api(karaf.baseUrl());
            // Event Admin is a startup bundle: the features service never restarts pax-logging mid-boot
            assertFalse("the features service never stops pax-logging to refresh it mid-boot",
                    Files.readString(karaf.home().resolve("data/log/karaf.log")).contains("|   org.ops4j.pax.logging.pax-logging-api/"));
            // bin/setenv: a bounded heap by default, and the scripts find Java without JAVA_HOME
            assertTrue("the container's heap is bounded: " + karaf.jvmCommandLine(), karaf.jvmCommandLine().contains("-Xmx512m"));
            String status = karaf.runWithoutJavaHome("status");
            assertTrue(status, status.lines().anyMatch(l -> l.startsWith("Running")));
            assertFalse("bin/status finds Java on the PATH: " + status, status.contains("JAVA_HOME not set"));

            // --- first start: one county center, its first admin, nothing else
            Api.Answer centers = api.get("/centers", null);
            assertEquals(centers.toString(), 1, centers.body().size());
            assertEquals("QS", centers.body().get(0).get("code").asText());
            assertEquals("the county name arrives as typed", "青山县政务服务中心", centers.body().get(0).get("name").asText());
            assertFalse("no users file holds a password", Files.readString(karaf.home().resolve("etc/users.properties")).matches("(?s).*\\n[^#\\n]+=.*"));
            assertEquals("demo users do not exist in production", 401, api.get("/cases", "admin:demo").status());

            // --- forced change: every call but /me and /me/password answers 403 with its own problem type
            String boot = "county-it:" + BOOTSTRAP_PASSWORD;
            Api.Answer blocked = api.get("/cases", boot);
            assertEquals(blocked.toString(), 403, blocked.status());
            assertEquals("urn:yizhan:problem:password-change-required", blocked.text("type"));
            assertTrue(api.get("/me", boot).body().get("mustChangePassword").asBoolean());
            Api.Answer weak = api.post("/me/password", boot, "{\"oldPassword\":\"" + BOOTSTRAP_PASSWORD + "\",\"newPassword\":\"short\"}");
            assertEquals(weak.toString(), 400, weak.status());
            assertEquals("newPassword", weak.text("field"));
            Api.Answer sameAsUser = api.post("/me/password", boot, "{\"oldPassword\":\"" + BOOTSTRAP_PASSWORD + "\",\"newPassword\":\"county-it\"}");
            assertEquals(sameAsUser.toString(), 400, sameAsUser.status());
            assertEquals(204, api.post("/me/password", boot, "{\"oldPassword\":\"" + BOOTSTRAP_PASSWORD + "\",\"newPassword\":\"" + ADMIN_PASSWORD + "\"}").status());
            assertEquals("the one-time password is gone", 401, api.get("/me", boot).status());
            String admin = "county-it:" + ADMIN_PASSWORD;
            assertEquals(200, api.get("/cases", admin).status());

            // --- the network: a county of 20 towns and 400 villages, all or nothing, idempotent
            String county = county(20, 20);
            Api.Answer imported = csv(api, admin, county);
            assertEquals(imported.toString(), 200, imported.status());
            assertEquals(420, imported.body().get("created").asInt());
            assertEquals("the county line adds its English name", 1, imported.body().get("updated").asInt());
            Api.Answer again = csv(api, admin, county);
            assertEquals(again.toString(), 0, again.body().get("created").asInt());
            assertEquals(0, again.body().get("updated").asInt());
            assertEquals(421, again.body().get("unchanged").asInt());
            assertEquals(421, api.get("/centers", null).body().size());

            String bad = "code,name,nameEn,level,parentCode\n"
                    + "N01,新村一,,VILLAGE,T01\n"            // fine
                    + "N02,新村二,,VILLAGE,NOWHERE\n"        // line 3: unknown parent
                    + "N03,新镇,,TOWN,T01\n"                 // line 4: a town under a town
                    + "N04,,,VILLAGE,T02\n"                  // line 5: empty name
                    + "N05,新村五,,VILLAGE,T02\n";           // fine
            Api.Answer refused = csv(api, admin, bad);
            assertEquals(refused.toString(), 400, refused.status());
            List<String> named = new ArrayList<>();
            for (JsonNode e : refused.body().get("errors")) {
                named.add(e.get("line").asInt() + ":" + e.get("field").asText());
                assertNotNull(e.get("messageZh"));
            }
            assertEquals(List.of("3:parentCode", "4:level", "5:name"), named);
            assertEquals("nothing of a refused file was written", 421, api.get("/centers", null).body().size());

            // --- a new clerk at town T01: one-time password, change, then a case
            long town = centerId(api, "T01");
            ObjectNode staff = Api.object();
            staff.put("username", "clerk-t01");
            staff.put("name", "李娜");
            staff.put("centerId", town);
            staff.putArray("roles").add("clerk");
            staff.putArray("windows").add("civil-affairs");
            Api.Answer created = api.post("/admin/staff", admin, staff);
            assertEquals(created.toString(), 201, created.status());
            String oneTime = created.text("temporaryPassword");
            assertTrue(oneTime, oneTime.length() >= 12);
            assertEquals("the one-time password is answered once", null, api.get("/admin/staff/clerk-t01", admin).text("temporaryPassword"));
            assertEquals(403, api.get("/cases", "clerk-t01:" + oneTime).status());
            assertEquals(204, api.post("/me/password", "clerk-t01:" + oneTime,
                    "{\"oldPassword\":\"" + oneTime + "\",\"newPassword\":\"" + CLERK_PASSWORD + "\"}").status());
            String clerk = "clerk-t01:" + CLERK_PASSWORD;
            Api.Answer taken = api.post("/cases", clerk, Api.newCase("MZ-002", town, Api.residentId(7), "id-card", "hardship-statement"));
            assertEquals(taken.toString(), 201, taken.status());
            assertEquals(town, taken.body().get("centerId").asLong());
            assertEquals("a clerk may not administer staff", 403, api.get("/admin/staff", clerk).status());

            // --- lockout: 5 wrong passwords lock the account; the right one is refused until unlocked
            for (int i = 0; i < 5; i++) {
                assertEquals(401, api.get("/me", "clerk-t01:wrong-" + i).status());
            }
            assertEquals("locked even with the right password", 401, api.get("/cases", clerk).status());
            assertNotNull(api.get("/admin/staff/clerk-t01", admin).text("lockedUntil"));
            assertEquals(200, api.post("/admin/staff/clerk-t01/unlock", admin, "").status());
            assertEquals(200, api.get("/cases", clerk).status());

            // --- the console: the county admin's database account opens it; the clerk's does not
            String console = karaf.console("county-it", ADMIN_PASSWORD, "yizhan:staff-list --center T01\nyizhan:audit --verify");
            assertTrue(console, console.contains("clerk-t01"));
            assertTrue(console, console.contains("Audit chain valid"));
            String refusedConsole = karaf.console("clerk-t01", CLERK_PASSWORD, "yizhan:staff-list");
            assertFalse("a clerk is refused by the console: " + refusedConsole, refusedConsole.contains("clerk-t01 "));
            String byConsole = karaf.console("county-it", ADMIN_PASSWORD, "yizhan:center-add --level VILLAGE --parent T03 N99 新设村便民服务室");
            assertTrue(byConsole, byConsole.contains("created"));
            // the rest of the network and account commands, as county IT types them
            String more = karaf.console("county-it", ADMIN_PASSWORD, String.join("\n",
                    "yizhan:center-rename N99 新设村便民服务站",
                    "yizhan:center-import examples/county-network.csv",
                    "yizhan:staff-set --windows civil-affairs,agriculture clerk-t01",
                    "yizhan:staff-reset clerk-t01"));
            assertTrue(more, more.contains("is now 新设村便民服务站"));
            assertTrue("the shipped sample county imports beside this one: " + more, more.contains("60 created"));
            assertTrue(more, more.contains("One-time password of clerk-t01"));
            assertEquals("the reset password replaced the old one", 401, api.get("/cases", clerk).status());
            String reset = more.substring(more.indexOf("一次性密码（仅显示一次）: ") + "一次性密码（仅显示一次）: ".length()).trim().split("\\s+")[0];
            assertEquals(204, api.post("/me/password", "clerk-t01:" + reset,
                    "{\"oldPassword\":\"" + reset + "\",\"newPassword\":\"" + CLERK_PASSWORD + "-2\"}").status());
            clerk = "clerk-t01:" + CLERK_PASSWORD + "-2";
            assertEquals(List.of("civil-affairs", "agriculture"), strings(api.get("/admin/staff/clerk-t01", admin).body().get("windows")));

            // --- the audit log saw it all, with who and from where
            JsonNode audit = api.get("/audit?size=500", admin).body();
            List<String> kinds = new ArrayList<>();
            for (JsonNode e : audit.get("items")) {
                kinds.add(e.get("kind").asText());
            }
            for (String kind : List.of("BOOTSTRAP", "PASSWORD_CHANGED", "CENTERS_IMPORTED", "STAFF_CREATED", "SIGN_IN",
                    "SIGN_IN_FAILED", "ACCOUNT_LOCKED", "ACCOUNT_UNLOCKED", "CENTER_CREATED", "MODULE_INSTALLED")) {
                assertTrue(kind + " in " + kinds, kinds.contains(kind));
            }
            JsonNode consoleCenter = api.get("/audit?kind=CENTER_CREATED&actor=county-it", admin).body().get("items").get(0);
            assertEquals("N99", consoleCenter.get("target").asText());
            assertEquals("console", consoleCenter.get("source").asText());
            JsonNode failed = api.get("/audit?kind=SIGN_IN_FAILED&actor=clerk-t01", admin).body().get("items").get(0);
            assertEquals("127.0.0.1", failed.get("source").asText());
            assertFalse("no password in the audit log", audit.toString().contains(CLERK_PASSWORD) || audit.toString().contains(oneTime));
            assertTrue(api.get("/audit/verify", admin).body().get("valid").asBoolean());
            assertEquals("a clerk does not read the audit log", 403, api.get("/audit", clerk).status());

            // --- a center with an open case cannot be closed; one without can
            Api.Answer closeTown = api.post("/admin/centers/" + town + "/close", admin, "");
            assertEquals(closeTown.toString(), 422, closeTown.status());
            assertTrue("names the open cases' count: " + closeTown, closeTown.text("detail").contains(": 1 open case(s), 20 open center(s)"));
            long n99 = centerId(api, "N99");
            assertEquals(200, api.post("/admin/centers/" + n99 + "/close", admin, "").status());
            assertFalse(api.get("/centers", null).toString().contains("\"N99\""));

            // demo mode refuses to switch on over a database with real accounts
            karaf.setConfig("org.yizhan.platform.cfg", "demo", "true");
            Path log = karaf.home().resolve("data/log/karaf.log");
            Api.until("demo mode refused in the log", Duration.ofSeconds(60),
                    () -> Files.readString(log).contains("Demo mode refused"));
            karaf.awaitHealthUp(Duration.ofSeconds(60));
            assertEquals("no demo user appeared", 401, api.get("/me", "clerk-T1:demo").status());
            assertFalse(api.get("/centers", null).toString().contains("\"T1V1\""));
            karaf.setConfig("org.yizhan.platform.cfg", "demo", "false");

            // restarting keeps accounts and does not bootstrap again
            karaf.stop();
            karaf.start(Map.of("YIZHAN_BOOTSTRAP_PASSWORD", BOOTSTRAP_PASSWORD));
            karaf.awaitHealthUp(Duration.ofSeconds(180));
            assertEquals(200, api.get("/cases", admin).status());
            assertEquals(401, api.get("/me", boot).status());

            // --- HTTPS as the operator gets it: the key bin/setenv made on the first start, HSTS, then plain HTTP off
            Path keystore = karaf.home().resolve("etc/yizhan-tls.p12");
            assertTrue("bin/setenv made the key", Files.exists(keystore));
            assertEquals("only the platform's user reads it", "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));

            // a client that trusts exactly that certificate, and checks the host name as any client does
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trusted.load(in, "yizhan-tls".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
            String secure = "https://localhost:" + Distribution.securePort(PORT);

            HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create(secure + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(health.body(), 200, health.statusCode());
            assertTrue(health.body().contains("\"status\":\"UP\""));
            assertEquals("HSTS on the API over HTTPS", "max-age=31536000",
                    health.headers().firstValue("Strict-Transport-Security").orElse(""));
            HttpResponse<String> page = https.send(HttpRequest.newBuilder(URI.create(secure + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue("HSTS on the browser UI over HTTPS",
                    page.headers().firstValue("Strict-Transport-Security").isPresent());
            HttpResponse<String> plain = Http.awaitGet(karaf.baseUrl() + "/health", Duration.ofSeconds(10), r -> r.statusCode() == 200);
            assertFalse("no HSTS over plain HTTP (it would not be believed there)",
                    plain.headers().firstValue("Strict-Transport-Security").isPresent());

            // HTTPS only, while the platform runs
            karaf.setConfig("org.ops4j.pax.web.cfg", "org.osgi.service.http.enabled", "false");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            Api.until("plain HTTP refused", Duration.ofSeconds(90), () -> {
                try {
                    http.send(HttpRequest.newBuilder(URI.create(karaf.baseUrl() + "/health")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    return false;
                } catch (java.io.IOException plainRefused) {
                    return true;
                }
            });
            Api.until("HTTPS still answers UP", Duration.ofSeconds(90), () -> {
                try {
                    HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create(secure + "/api/v1/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"");
                } catch (java.io.IOException notYet) {
                    return false;
                }
            });
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static Api.Answer csv(Api api, String user, String body) throws Exception {
        return api.send("POST", "/admin/centers/import", user, "text/csv", body);
    }

    private static long centerId(Api api, String code) throws Exception {
        for (JsonNode c : api.get("/centers", null).body()) {
            if (code.equals(c.get("code").asText())) {
                return c.get("id").asLong();
            }
        }
        throw new AssertionError("no center " + code);
    }

    /** A county file: QS, towns T01.., villages T01V01.. (UTF-8, header row). */
    static String county(int towns, int villagesPerTown) {
        StringBuilder sb = new StringBuilder("code,name,nameEn,level,parentCode\n");
        sb.append("QS,青山县政务服务中心,Qingshan County Administrative Service Center,COUNTY,\n");
        for (int t = 1; t <= towns; t++) {
            String town = String.format("T%02d", t);
            sb.append(town).append(",第").append(t).append("镇便民服务中心,Town ").append(t).append(" Service Center,TOWN,QS\n");
            for (int v = 1; v <= villagesPerTown; v++) {
                sb.append(town).append(String.format("V%02d", v)).append(",\"").append(t).append("镇").append(v)
                        .append("村便民服务室\",\"Village ").append(v).append(", Town ").append(t).append("\",VILLAGE,").append(town).append('\n');
            }
        }
        return sb.toString();
    }
}
