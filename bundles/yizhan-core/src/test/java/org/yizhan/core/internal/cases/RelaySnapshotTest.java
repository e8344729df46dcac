package org.yizhan.core.internal.cases;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Test;
import org.yizhan.api.YizhanException;

/** The relay snapshot of a case, mapped by Jackson to and from a relay message's text map (R23). */
public class RelaySnapshotTest {

    private static RelaySnapshot sample() {
        RelaySnapshot r = new RelaySnapshot();
        r.lookupCode = "ABCD2345";
        r.itemCode = "subsistence-allowance";
        r.itemVersion = 3;
        r.center = "V111";
        r.decidingCenter = "C1";
        r.urgent = true;
        r.applicantName = "王小明";
        r.applicantIdNumber = "11010519491231002X";
        r.materials = "id-card,household-register";
        r.createdAtMillis = 1_764_000_000_000L;
        r.acceptedAtMillis = 1_764_000_100_000L;
        r.promisedDate = "2026-12-20";
        r.attributes().put("householdSize", "4");
        r.attributes().put("income", "1200");
        return r;
    }

    @Test
    public void writesOneTextFieldPerValueAndTheAttributesWithTheirPrefix() {
        Map<String, String> p = sample().toPayload();
        assertEquals("3", p.get("itemVersion"));
        assertEquals("true", p.get("urgent"));
        assertEquals("1764000000000", p.get("createdAtMillis"));
        assertEquals("2026-12-20", p.get("promisedDate"));
        assertEquals("4", p.get("attr.householdSize"));
        assertEquals("1200", p.get("attr.income"));
    }

    @Test
    public void leavesOutWhatIsMissingInsteadOfWritingNull() {
        Map<String, String> p = sample().toPayload();
        assertFalse("no phone, no key", p.containsKey("applicantPhone"));
        assertFalse(p.containsKey("relayDue"));
        assertFalse(p.containsKey("originHash"));
        assertFalse("the text null appears nowhere", p.containsValue("null"));
    }

    @Test
    public void readsBackWhatItWrote() {
        RelaySnapshot back = RelaySnapshot.fromPayload(sample().toPayload());
        assertEquals(Integer.valueOf(3), back.itemVersion);
        assertEquals(Long.valueOf(1_764_000_100_000L), back.acceptedAtMillis);
        assertTrue(back.urgent);
        assertEquals("王小明", back.applicantName);
        assertEquals(Map.of("householdSize", "4", "income", "1200"), back.attributes());
        assertNull(back.applicantPhone);
        assertEquals(sample().toPayload(), back.toPayload());
    }

    @Test
    public void ignoresFieldsOfANewerVersion() {
        Map<String, String> p = new LinkedHashMap<>(sample().toPayload());
        p.put("somethingNew", "x");
        assertEquals(sample().toPayload(), RelaySnapshot.fromPayload(p).toPayload());
    }

    @Test
    public void refusesAValueOfTheWrongTypeNamingItsField() {
        Map<String, String> p = new LinkedHashMap<>(sample().toPayload());
        p.put("itemVersion", "three");
        try {
            RelaySnapshot.fromPayload(p);
            fail("a version that is not a number is refused");
        } catch (YizhanException e) {
            assertEquals("payload.itemVersion", e.field());
        }
    }
}
