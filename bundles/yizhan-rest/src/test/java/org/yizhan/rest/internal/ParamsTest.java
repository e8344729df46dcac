package org.yizhan.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.time.LocalDate;

import org.junit.Test;
import org.yizhan.api.Level;
import org.yizhan.api.YizhanException;

/** Query and path parameters: a wrong one is a 400 naming it. */
public class ParamsTest {

    private static void refused(String field, Runnable r) {
        try {
            r.run();
            fail("accepted");
        } catch (YizhanException e) {
            assertEquals(400, e.status());
            assertEquals(field, e.field());
        }
    }

    @Test
    public void numbersDatesAndEnums() {
        assertEquals(Long.valueOf(11), Params.optionalLong("center", " 11 "));
        assertNull(Params.optionalLong("center", ""));
        assertEquals(50, Params.optionalInt("size", null, 50, 1, 500));
        assertEquals(LocalDate.of(2026, 2, 12), Params.requiredDate("from", "2026-02-12"));
        assertEquals(Level.TOWN, Params.optionalEnum("level", "TOWN", Level.class));
        refused("center", () -> Params.optionalLong("center", "eleven"));
        refused("id", () -> Params.requiredLong("id", null));
        refused("size", () -> Params.optionalInt("size", "501", 50, 1, 500));
        refused("from", () -> Params.requiredDate("from", "2026-02-30"));
        refused("level", () -> Params.optionalEnum("level", "HAMLET", Level.class));
    }

    @Test
    public void datesStayWithinTheBoundsAndPeriodsWithinTenYears() {
        assertEquals(LocalDate.of(1949, 10, 1), Params.requiredDate("from", "1949-10-01"));
        assertEquals(LocalDate.of(2100, 12, 31), Params.requiredDate("to", "2100-12-31"));
        refused("to", () -> Params.requiredDate("to", "2101-01-01"));
        refused("to", () -> Params.requiredDate("to", "2300-01-01"));
        refused("from", () -> Params.requiredDate("from", "1900-01-01"));
        refused("newPromisedDate", () -> Params.requiredDate("newPromisedDate", "+9999999-12-31"));
        Params.requireRange(LocalDate.of(2026, 1, 1), LocalDate.of(2036, 1, 1));
        refused("to", () -> Params.requireRange(LocalDate.of(2026, 1, 1), LocalDate.of(2036, 1, 2)));
        refused("to", () -> Params.requireRange(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1)));
    }
}
