package org.yizhan.core.internal.cases;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.SQLException;

import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.RollbackException;

import org.junit.Test;

/** Which failed writes are tried again: those that met another write, not every persistence error. */
public class ConflictTest {

    @Test
    public void aWriteThatMetAnotherIsTriedAgain() {
        assertTrue(CaseStore.isConflict(new RollbackException(new OptimisticLockException("stale"))));
        assertTrue("a number taken by a concurrent insert", CaseStore.isConflict(
                new PersistenceException(new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertTrue("Derby lock timeout", CaseStore.isConflict(new PersistenceException(new SQLException("A lock could not be obtained", "40XL1"))));
        assertTrue("deadlock", CaseStore.isConflict(new PersistenceException(new SQLException("deadlock detected", "40P01"))));
    }

    @Test
    public void otherPersistenceErrorsAreNot() {
        assertFalse("a value too long for its column", CaseStore.isConflict(
                new RollbackException(new PersistenceException(new SQLException("value too long", "22001")))));
        assertFalse("the database is gone", CaseStore.isConflict(new PersistenceException(new SQLException("connection refused", "08001"))));
        assertFalse(CaseStore.isConflict(new IllegalStateException("bug")));
    }
}
