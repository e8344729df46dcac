package org.yizhan.window.tea.internal;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.Map;

import org.junit.Test;
import org.yizhan.api.window.Validation;

/** The tea garden subsidy (CY-001) covers gardens of 1 to 500 mu. */
public class TeaIndustryWindowTest {

    private final TeaIndustryWindow window = new TeaIndustryWindow();

    private String check(String area) {
        return Validation.run(window, "CY-001", null, Map.of("gardenAreaMu", area), LocalDate.of(2026, 12, 2)).toString();
    }

    @Test
    public void gardenAreaWithinTheSubsidysRange() {
        assertEquals("[]", check("1"));
        assertEquals("[]", check("500"));
        assertEquals("[422 attributes.gardenAreaMu]", check("0.5"));
        assertEquals("[422 attributes.gardenAreaMu]", check("500.1"));
    }
}
