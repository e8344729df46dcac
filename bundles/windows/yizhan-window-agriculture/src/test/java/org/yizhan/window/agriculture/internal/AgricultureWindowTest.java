package org.yizhan.window.agriculture.internal;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.Map;

import org.junit.Test;
import org.yizhan.api.window.Validation;

/** The agriculture validator: a land transfer (SN-001) within the contracted area. */
public class AgricultureWindowTest {

    private final AgricultureWindow window = new AgricultureWindow();

    private String check(String item, Map<String, String> attributes) {
        return Validation.run(window, item, null, attributes, LocalDate.of(2026, 12, 2)).toString();
    }

    @Test
    public void aTransferCannotExceedTheContractedArea() {
        assertEquals("[]", check("SN-001", Map.of("transferAreaMu", "5", "contractedAreaMu", "8")));
        assertEquals("[422 attributes.transferAreaMu]", check("SN-001", Map.of("transferAreaMu", "9", "contractedAreaMu", "8")));
        assertEquals("[400 attributes.transferAreaMu]", check("SN-001", Map.of("transferAreaMu", "0")));
        assertEquals("other items are not checked", "[]", check("SN-002", Map.of("transferAreaMu", "0")));
    }
}
