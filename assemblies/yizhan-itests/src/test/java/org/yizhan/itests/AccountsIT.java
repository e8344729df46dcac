package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Accounts and the audit log in the booted distribution (demo mode): demo users are ordinary
 * database accounts with hashed passwords, who may administer whom, a deactivated account,
 * and the audit chain detecting an edited row.
 */
public class AccountsIT extends ContainerTestSupport {

    private static final long T1 = 11;
    private static final long T1V1 = 111;
    private static final long T2 = 12;

    @Inject
    @Filter(value = "(osgi.jndi.service.name=yizhan)", timeout = YizhanOptions.SERVICE_TIMEOUT_MILLIS)
    private DataSource dataSource;

    @Test
    public void demoUsersAreDatabaseAccountsWithHashedPasswords() throws Exception {
        assertEquals(200, api.get("/cases", "clerk-T1").status());
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT PASSWORDHASH, DEMO, MUSTCHANGEPASSWORD FROM YZ_STAFF WHERE USERNAME = 'clerk-T1'")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1), rs.getString(1).startsWith("pbkdf2-sha256$310000$"));
            assertTrue("made by demo mode", rs.getBoolean(2));
            assertFalse("demo users keep 'demo' with no forced change", rs.getBoolean(3));
        }
    }

    @Test
    public void aTownAdminAdministersOnlyTheirTownsClerksAndAgents() throws Exception {
        JsonNode seen = api.get("/admin/staff", "town-admin-T1").body();
        for (JsonNode s : seen) {
            long center = s.get("centerId").asLong();
            assertTrue("T1 or its villages: " + s, center == T1 || center == T1V1 || center == 112);
        }
        assertTrue(seen.toString(), seen.toString().contains("agent-T1V1"));
        assertEquals(403, api.get("/admin/staff?center=" + T2, "town-admin-T1").status());
        assertEquals(404, api.post("/admin/staff/clerk-T2/reset-password", "town-admin-T1", "").status());

        ObjectNode agent = staff("agent-t1v1-b", T1V1, "village-agent");
        Api.Answer created = api.post("/admin/staff", "town-admin-T1", agent);
        assertEquals(created.toString(), 201, created.status());
        Api.Answer grant = api.post("/admin/staff", "town-admin-T1", staff("boss", T1, "county-admin"));
        assertEquals(grant.toString(), 403, grant.status());
        Api.Answer wrongLevel = api.post("/admin/staff", "admin", staff("agent-at-town", T1, "village-agent"));
        assertEquals(wrongLevel.toString(), 400, wrongLevel.status());
        assertEquals("roles", wrongLevel.text("field"));
        Api.Answer taken = api.post("/admin/staff", "admin", staff("clerk-T1", T1, "clerk"));
        assertEquals(400, taken.status());
        assertEquals("username", taken.text("field"));
        assertEquals(403, api.get("/admin/staff", "clerk-T1").status());
    }

    @Test
    public void aDeactivatedAccountIsRefusedAtOnce() throws Exception {
        Api.Answer created = api.post("/admin/staff", "admin", staff("clerk-t2-temp", T2, "clerk"));
        String oneTime = created.text("temporaryPassword");
        assertEquals(204, api.post("/me/password", "clerk-t2-temp:" + oneTime,
                "{\"oldPassword\":\"" + oneTime + "\",\"newPassword\":\"Temporary-Clerk-1\"}").status());
        assertEquals(200, api.get("/cases", "clerk-t2-temp:Temporary-Clerk-1").status());
        assertEquals(200, api.put("/admin/staff/clerk-t2-temp", "admin", "{\"active\":false}").status());
        assertEquals("the remembered sign-in is dropped with the change", 401,
                api.get("/cases", "clerk-t2-temp:Temporary-Clerk-1").status());
        Api.Answer self = api.put("/admin/staff/admin", "admin", "{\"active\":false}");
        assertEquals(self.toString(), 400, self.status());
    }

    /**
     * The browser keeps a session token, not the password (the trust-boundary issue): opened once
     * with the password, it stands for it, and ends on sign-out and with any change of the account.
     */
    @Test
    public void aSessionTokenStandsForThePassword_andEndsWithTheAccount() throws Exception {
        Api.Answer created = api.post("/admin/staff", "admin", staff("clerk-t2-session", T2, "clerk"));
        String oneTime = created.text("temporaryPassword");
        // a one-time password opens a session too, for the change it must make first
        String first = api.post("/sessions", "clerk-t2-session:" + oneTime, "").text("token");
        assertEquals("the session is held to the password change", 403, bearer("GET", "/cases", first, null).statusCode());
        assertEquals(204, bearer("POST", "/me/password", first,
                "{\"oldPassword\":\"" + oneTime + "\",\"newPassword\":\"Session-Clerk-2026\"}").statusCode());
        assertEquals("the change ends the sessions of the old password", 401, bearer("GET", "/me", first, null).statusCode());

        Api.Answer opened = api.post("/sessions", "clerk-t2-session:Session-Clerk-2026", "");
        assertEquals(opened.toString(), 200, opened.status());
        assertEquals("clerk-t2-session", opened.body().get("me").get("user").asText());
        String token = opened.text("token");
        assertEquals(200, bearer("GET", "/cases", token, null).statusCode());
        assertEquals("the token is the clerk's, with the clerk's rights", 403, bearer("GET", "/audit", token, null).statusCode());
        HttpResponse<String> wrong = bearer("GET", "/me", token + "x", null);
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));

        assertEquals("sign-out", 204, bearer("DELETE", "/sessions/current", token, null).statusCode());
        assertEquals("a signed-out token is dead", 401, bearer("GET", "/me", token, null).statusCode());

        String again = api.post("/sessions", "clerk-t2-session:Session-Clerk-2026", "").text("token");
        assertEquals(200, bearer("GET", "/me", again, null).statusCode());
        assertEquals(200, api.put("/admin/staff/clerk-t2-session", "admin", "{\"active\":false}").status());
        assertEquals("deactivation ends the session at once", 401, bearer("GET", "/me", again, null).statusCode());
    }

    private HttpResponse<String> bearer(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return Http.send(b, null, null);
    }

    @Test
    public void windowSwitchesAreAudited_andAnEditedEntryBreaksTheChain() throws Exception {
        assertEquals(200, api.put("/centers/" + T1 + "/windows/tea-industry", "town-admin-T1", "{\"enabled\":true}").status());
        assertEquals(200, api.put("/centers/" + T1 + "/windows/tea-industry", "town-admin-T1", "{\"enabled\":false}").status());
        JsonNode items = api.get("/audit?kind=WINDOW_SWITCHED&actor=town-admin-T1", "supervisor").body().get("items");
        assertTrue(items.toString(), items.size() >= 2);
        assertEquals("T1/tea-industry", items.get(0).get("target").asText());
        assertEquals("disabled", items.get(0).get("detail").asText());
        assertEquals(403, api.get("/audit", "clerk-T1").status());

        JsonNode before = api.get("/audit/verify", "supervisor").body();
        assertTrue(before.toString(), before.get("valid").asBoolean());
        long seq = items.get(0).get("seq").asLong();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE YZ_AUDIT SET DETAIL = 'enabled' WHERE SEQ = ?")) {
            ps.setLong(1, seq);
            assertEquals(1, ps.executeUpdate());
        }
        JsonNode after = api.get("/audit/verify", "admin").body();
        assertFalse(after.toString(), after.get("valid").asBoolean());
        assertEquals(seq, after.get("brokenAt").asLong());
        // put it back, so the chain of the shared container is whole again for the other tests
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE YZ_AUDIT SET DETAIL = 'disabled' WHERE SEQ = ?")) {
            ps.setLong(1, seq);
            ps.executeUpdate();
        }
        assertTrue(api.get("/audit/verify", "admin").body().get("valid").asBoolean());
    }

    private static ObjectNode staff(String username, long center, String role) {
        ObjectNode o = Api.object();
        o.put("username", username);
        o.put("name", "测试" + username);
        o.put("centerId", center);
        o.putArray("roles").add(role);
        return o;
    }
}
