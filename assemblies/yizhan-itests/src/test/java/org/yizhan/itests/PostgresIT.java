package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform on PostgreSQL, as etc/org.ops4j.datasource-yizhan.cfg tells an operator to set it
 * up: Debian's PostgreSQL server started by the test and the data source's four settings pointed
 * at it, nothing else (the driver is among the boot features; the platform finds the dialect from
 * the database itself). The demo county's few hundred
 * cases are written there through every service, the schema uses PostgreSQL's types, every
 * chain verifies, and a restart keeps it all.
 */
public class PostgresIT {

    private static final int PORT = 28931;
    private static final int PG_PORT = 28932;

    @Test
    public void theDemoCountyOnPostgresql_withPostgresqlsTypes_everyChainVerifies_andARestartKeepsIt() throws Exception {
        try (Postgres pg = Postgres.start("yizhan-pg-it", PG_PORT);
             Distribution karaf = Distribution.unpack("pg-it", PORT, 28933)) {
            pg.createDatabase("yizhan", "yizhan", "yizhan-db");
            karaf.setConfig("org.ops4j.datasource-yizhan.cfg", "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
            karaf.setConfig("org.ops4j.datasource-yizhan.cfg", "url", pg.jdbcUrl("yizhan"));
            karaf.setConfig("org.ops4j.datasource-yizhan.cfg", "user", "yizhan");
            karaf.setConfig("org.ops4j.datasource-yizhan.cfg", "password", "yizhan-db");
            karaf.setConfig("org.yizhan.platform.cfg", "demoHistoryDays", "28");

            karaf.start();
            karaf.awaitHealthUp(Duration.ofSeconds(180));
            Path log = karaf.home().resolve("data/log/karaf.log");
            Api.until("the demo county's history is made", Duration.ofMinutes(4), () -> Files.readString(log).contains("Demo history ready"));
            String text = Files.readString(log);
            assertTrue("the PostgreSQL dialect is used, found from the database", text.contains("org.apache.openjpa.jdbc.sql.PostgresDictionary"));
            assertFalse("no ERROR in karaf.log: " + karaf.logTail(), text.contains(" ERROR "));

            Api api = new Api(karaf.baseUrl());
            long total = api.get("/cases?size=1", "supervisor").body().get("total").asLong();
            assertTrue("cases: " + total, total >= 200);
            assertEquals("the cases are in PostgreSQL", List.of(Long.toString(total)), pg.query("yizhan", "SELECT count(*) FROM yz_case"));
            List<String> textColumns = pg.query("yizhan", "SELECT table_name FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND data_type = 'text' ORDER BY 1");
            assertTrue("long texts are PostgreSQL's text: " + textColumns, textColumns.contains("yz_complaint"));
            JsonNode delivered = api.get("/cases?size=10&status=DELIVERED", "supervisor").body().get("items");
            assertTrue(delivered.size() > 0);
            for (JsonNode c : delivered) {
                Api.Answer v = api.get("/cases/" + c.get("number").asText() + "/history/verify", "supervisor");
                assertTrue(v.toString(), v.body().get("valid").asBoolean());
            }

            // a new case now, then a restart: everything is still there, the history is not made again
            Api.Answer created = api.post("/cases", "clerk-T1", Api.newCase("MZ-001", 11, Api.residentId(931), "id-card", "household-register",
                    "income-proof", "property-statement"));
            assertEquals(created.toString(), 201, created.status());
            karaf.stop();
            karaf.start();
            karaf.awaitHealthUp(Duration.ofSeconds(180));
            assertEquals(total + 1, api.get("/cases?size=1", "supervisor").body().get("total").asLong());
            assertEquals("IN_REVIEW", api.act("clerk-T1", created.text("number"), "start-review", "{}").text("status"));
            assertEquals(2, api.get("/health", null).body().get("starts").asInt());
            assertEquals("no ERROR in PostgreSQL's log over two starts", List.of(), pg.errors());
        }
    }
}
