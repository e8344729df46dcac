package org.yizhan.window.civilaffairs.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.yizhan.api.window.Validation;

/** The civil-affairs validators: age for the elderly subsidy, income per person for 低保. */
public class CivilAffairsWindowTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private final CivilAffairsWindow window = new CivilAffairsWindow();

    private String check(String item, LocalDate birth, Map<String, String> attributes) {
        return Validation.run(window, item, birth, attributes, TODAY).toString();
    }

    @Test
    public void theElderlySubsidyNeedsEightyYears() {
        assertEquals("[]", check("MZ-003", LocalDate.of(1946, 12, 2), Map.of()));
        assertEquals("[422 applicant.idNumber]", check("MZ-003", LocalDate.of(1946, 12, 3), Map.of()));
        assertEquals("no ID number, no age", "[400 applicant.idNumber]", check("MZ-003", null, Map.of()));
    }

    @Test
    public void dibaoNeedsIncomePerPersonBelowTheStandard() {
        assertEquals("[]", check("MZ-001", null, Map.of("householdSize", "3", "monthlyIncome", "2000")));
        assertEquals("[422 attributes.monthlyIncome]", check("MZ-001", null, Map.of("householdSize", "2", "monthlyIncome", "1400")));
        assertEquals("[400 attributes.householdSize]", check("MZ-001", null, Map.of("householdSize", "0", "monthlyIncome", "10")));
        assertEquals("the form values are optional", "[]", check("MZ-001", null, Map.of()));
        List<Validation.Refusal> r = Validation.run(window, "MZ-001", null, Map.of("householdSize", "1", "monthlyIncome", "701"), TODAY);
        assertTrue(r.get(0).messageZh(), r.get(0).messageZh().contains("700"));
    }
}
