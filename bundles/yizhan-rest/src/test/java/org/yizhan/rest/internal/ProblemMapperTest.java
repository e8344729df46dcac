package org.yizhan.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import java.util.List;

import javax.ws.rs.core.Response;

import org.junit.Test;
import org.yizhan.api.YizhanException;
import org.yizhan.api.network.ImportException;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Every error leaves as problem+json with English and Chinese text and the field at fault. */
public class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    private Problem problem(Response r) {
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        return (Problem) r.getEntity();
    }

    @Test
    public void aRuleRefusalNamesTheRule_R10() {
        Problem p = problem(mapper.toResponse(YizhanException.rule("R10", "materials", "Ask once", "一次性告知")));
        assertEquals(422, p.status);
        assertEquals("urn:yizhan:problem:rule:R10", p.type);
        assertEquals("R10", p.rule);
        assertEquals("materials", p.field);
        assertEquals("一次性告知", p.detailZh);
    }

    @Test
    public void aPendingPasswordChangeHasItsOwnType() {
        Response r = mapper.toResponse(YizhanException.passwordChangeRequired());
        assertEquals(403, r.getStatus());
        assertEquals(YizhanException.PASSWORD_CHANGE_REQUIRED, problem(r).type);
    }

    @Test
    public void aRefusedImportListsEveryLine_R1() {
        Problem p = problem(mapper.toResponse(new ImportException(List.of(
                new ImportException.LineError(3, "parentCode", "Unknown parent X", "上级中心不存在：X"),
                new ImportException.LineError(5, "name", "The name is empty", "名称为空")))));
        assertEquals(400, p.status);
        assertEquals(2, p.errors.size());
        assertEquals(Integer.valueOf(3), p.errors.get(0).line);
        assertEquals("parentCode", p.errors.get(0).field);
        assertEquals(Integer.valueOf(5), p.errors.get(1).line);
        assertEquals("名称为空", p.errors.get(1).messageZh);
    }

    @Test
    public void badJsonNamesItsPath() throws Exception {
        try {
            new ObjectMapper().readValue("{\"applicant\":{\"phone\":[1]}}", Body.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Problem p = problem(mapper.toResponse(e));
            assertEquals(400, p.status);
            assertEquals("applicant.phone", p.field);
            return;
        }
        throw new AssertionError("the JSON was accepted");
    }

    @Test
    public void anUnexpectedErrorSaysNothingOfItsInsides() {
        Response r = mapper.toResponse(new IllegalStateException("secret table YZ_STAFF broke"));
        Problem p = problem(r);
        assertEquals(500, r.getStatus());
        assertFalse(p.detail, p.detail.contains("YZ_STAFF"));
        assertNull(p.field);
    }

    /** A body shaped like a case's applicant. */
    public static class Body {
        public Applicant applicant;
    }

    public static class Applicant {
        public String phone;
    }

    @Test
    public void theLogLineNamesTheRequestTheStatusTheRuleAndTheCase_neverTheQueryOrTheDetail() {
        Problem p = ProblemMapper.fromYizhan(org.yizhan.api.YizhanException.refused("window", "Joint review open (R15): 110105194912310021",
                "联合审查未完成"));
        String line = ProblemMapper.logLine("POST", "cases/T1-20261203-0001/actions/approve", p);
        org.junit.Assert.assertTrue(line, line.startsWith("request refused 请求被拒绝: POST /cases/T1-20261203-0001/actions/approve 422"));
        org.junit.Assert.assertTrue(line, line.contains("field=window") && line.endsWith("case=T1-20261203-0001"));
        org.junit.Assert.assertFalse("never the detail, which may quote personal data: " + line, line.contains("110105"));
        String odd = ProblemMapper.logLine("GET", "public/cases/x\nFAKE LINE", ProblemMapper.fromYizhan(
                org.yizhan.api.YizhanException.notFound("No case", "无此办件")));
        org.junit.Assert.assertFalse("no line breaks from the path: " + odd, odd.contains("\n"));
    }
}
