package org.yizhan.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The dialect the persistence unit is told, from the product name the database gives. */
public class DatabaseTest {

    @Test
    public void derbyKeepsThePersistenceUnitsOwnDialect() {
        assertEquals(Database.DEFAULT_DICTIONARY, Database.dictionaryFor("Apache Derby"));
    }

    @Test
    public void postgresqlGetsItsDialect_withTheOwnedSequenceQuestionAskedOnlyOfTablesThatExist() {
        String d = Database.dictionaryFor("PostgreSQL");
        assertTrue(d, d.startsWith("postgres("));
        assertTrue("asks pg_get_serial_sequence only of an existing table and column: " + d,
                d.contains("to_regclass") && d.contains("pg_attribute") && d.contains("pg_get_serial_sequence"));
        assertEquals("two parameters, as OpenJPA binds them", 2, d.chars().filter(c -> c == '?').count());
    }

    @Test
    public void anotherDatabaseIsRefusedByName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Database.dictionaryFor("MySQL"));
        assertTrue(e.getMessage(), e.getMessage().contains("MySQL"));
    }

    @Test
    public void lockKeysDifferByName() {
        assertNotEquals(Cluster.lockKey("audit"), Cluster.lockKey("setup"));
        assertNotEquals(Cluster.SCHEDULER_LOCK, Cluster.lockKey("audit"));
    }
}
