package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.Test;

/** A new calendar year arrives as a file dropped into etc/ of the running container (R13). */
public class CalendarIT extends ContainerTestSupport {

    @Test
    public void aYearDroppedIntoEtcAppliesAtOnce_withoutARestart_R13() throws Exception {
        Http.awaitGet("http://localhost:" + YizhanOptions.HTTP_PORT + "/api/v1/health", Duration.ofSeconds(60),
                r -> r.statusCode() == 200);
        String query = "/calendar/due?center=11&from=2027-02-04&workingDays=3";
        Api.Answer before = api.get(query, null);
        assertTrue("2027 has no data yet: " + before, before.body().get("estimated").asBoolean());
        assertEquals("Monday to Friday, marked estimated", "2027-02-09", before.text("due"));

        // A 2027 file as county IT would write it (this test's data, not the State Council's).
        Path file = Path.of(System.getProperty("karaf.etc"), "org.yizhan.calendar-2027.cfg");
        Files.writeString(file, "year = 2027\nholidays = 2027-02-05..2027-02-11\nworkdays = 2027-02-13\n"
                + "source = test data for CalendarIT\n");
        long t0 = System.nanoTime();
        Api.Answer after = Http.awaitGet("http://localhost:" + YizhanOptions.HTTP_PORT + "/api/v1" + query, Duration.ofSeconds(20),
                r -> r.body().contains("\"estimated\":false")) == null ? null : api.get(query, null);
        System.out.printf("calendar year from etc/ applied after %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        assertFalse(after.toString(), after.body().get("estimated").asBoolean());
        assertEquals("the holiday week is skipped, the make-up Saturday counted", "2027-02-15", after.text("due"));
        assertTrue(api.get("/calendar/years", null).raw().body().contains("\"year\":2027"));

        Files.delete(file);
        Http.awaitGet("http://localhost:" + YizhanOptions.HTTP_PORT + "/api/v1" + query, Duration.ofSeconds(20),
                r -> r.body().contains("\"estimated\":true"));
        assertTrue("removing the file removes the year", api.get(query, null).body().get("estimated").asBoolean());
    }
}
