package org.yizhan.core.internal.common;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

/** GB 11643-1999 check digits and masking. */
public class IdNumbersTest {

    @Test
    public void checkDigitFollowsGb11643() {
        // The standard's worked example: 11010519491231002X.
        assertEquals('X', IdNumbers.checkDigit("11010519491231002"));
        assertNull(IdNumbers.residentIdProblem("11010519491231002X"));
        assertNull(IdNumbers.residentIdProblem("11010519491231002x"));
        assertEquals('3', IdNumbers.checkDigit("44052419800101001"));
        assertNull(IdNumbers.residentIdProblem("440524198001010013"));
    }

    @Test
    public void wrongNumbersAreNamedByTheirFault() {
        assertEquals("check", IdNumbers.residentIdProblem("110105194912310021"));
        assertEquals("length", IdNumbers.residentIdProblem("1101051949123100"));
        assertEquals("digits", IdNumbers.residentIdProblem("11010519491231A02X"));
        assertEquals("birthdate", IdNumbers.residentIdProblem("110105194902310029"));
    }

    @Test
    public void masksKeepOnlyTheEnds() {
        assertEquals("110***********002X", IdNumbers.mask("11010519491231002X"));
        assertEquals("E******78", IdNumbers.mask("E12345678"));
        assertEquals("张**", IdNumbers.maskName("张小明"));
        assertEquals("李*", IdNumbers.maskName("李四"));
        assertEquals("138****1111", IdNumbers.maskPhone("13800001111"));
    }
}
