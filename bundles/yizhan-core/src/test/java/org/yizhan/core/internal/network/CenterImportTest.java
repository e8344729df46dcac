package org.yizhan.core.internal.network;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.yizhan.api.Level;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.ImportException;

/** The network file (R1): every bad line named, parents anywhere in the file, re-import unchanged. */
public class CenterImportTest {

    private final Map<String, CenterDTO> byCode = new HashMap<>();
    private final Map<Long, CenterDTO> byId = new HashMap<>();

    private void exists(long id, String code, String name, Level level, Long parent) {
        CenterDTO c = new CenterDTO();
        c.id = id;
        c.code = code;
        c.name = name;
        c.level = level;
        c.parentId = parent;
        byCode.put(code, c);
        byId.put(id, c);
    }

    private List<String> errors(String csv) {
        try {
            CenterImport.plan(csv, byCode, byId);
            fail("accepted:\n" + csv);
            return null;
        } catch (ImportException e) {
            return e.lines().stream().map(l -> l.line() + ":" + l.field()).toList();
        }
    }

    @Test
    public void childrenMayComeBeforeTheirParents_R1() {
        exists(1, "QS", "青山县", Level.COUNTY, null);
        CenterImport.Plan plan = CenterImport.plan("code,name,nameEn,level,parentCode\n"
                + "V1,东湾村便民服务室,,VILLAGE,T1\n"
                + "T1,柳河镇便民服务中心,Liuhe,TOWN,QS\n", byCode, byId);
        assertEquals(List.of("T1", "V1"), plan.create().stream().map(CenterImport.Row::code).toList());
        assertEquals(0, plan.unchanged());
    }

    @Test
    public void everyBadLineIsNamed_R1() {
        exists(1, "QS", "青山县", Level.COUNTY, null);
        exists(2, "T1", "柳河镇", Level.TOWN, 1L);
        List<String> found = errors("code,name,nameEn,level,parentCode\n"
                + "V1,甲村,,VILLAGE,T9\n"      // 2 unknown parent
                + "V2,乙村,,VILLAGE,QS\n"      // 3 a village under the county
                + "V3,,,VILLAGE,T1\n"          // 4 empty name
                + "V4,丁村,,HAMLET,T1\n"       // 5 unknown level
                + "V5,戊村,,VILLAGE,T1\n"      // fine
                + "V5,戊村,,VILLAGE,T1\n"      // 7 duplicate code
                + "QX,另一县,,COUNTY,\n"       // 8 a second county
                + "T2,丙镇,,TOWN,\n"           // 9 a town without a parent
                + "T1,柳河镇,,VILLAGE,T1\n");  // 10 an existing center's level changed
        assertEquals(List.of("2:parentCode", "3:level", "4:name", "5:level", "7:code", "8:level", "9:parentCode", "10:level"), found);
    }

    @Test
    public void theHeaderIsChecked() {
        assertEquals(List.of("1:header"), errors("code,name,level,parentCode\nT1,x,TOWN,QS\n"));
        assertEquals(List.of("1:body"), errors("code,name,nameEn,level,parentCode\n"));
    }

    @Test
    public void reImportIsUnchangedAndRenamesAreCounted() {
        exists(1, "QS", "青山县", Level.COUNTY, null);
        exists(2, "T1", "柳河镇", Level.TOWN, 1L);
        CenterImport.Plan same = CenterImport.plan("\uFEFFcode,name,nameEn,level,parentCode\nQS,青山县,,COUNTY,\nT1,柳河镇,,TOWN,QS\n", byCode, byId);
        assertEquals(2, same.unchanged());
        assertEquals(0, same.create().size() + same.rename().size());
        CenterImport.Plan renamed = CenterImport.plan("code,name,nameEn,level,parentCode\nT1,柳河镇便民服务中心,,town,QS\n", byCode, byId);
        assertEquals(1, renamed.rename().size());
    }

    @Test
    public void quotedFieldsWithCommasAreOneField() {
        exists(1, "QS", "青山县", Level.COUNTY, null);
        CenterImport.Plan plan = CenterImport.plan("code,name,nameEn,level,parentCode\nT1,\"柳河镇, 便民服务中心\",\"Liuhe, Town\",TOWN,QS\n",
                byCode, byId);
        assertEquals("柳河镇, 便民服务中心", plan.create().get(0).name());
        assertEquals("Liuhe, Town", plan.create().get(0).nameEn());
    }
}
