package org.yizhan.jetty;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.Test;

public class ProblemErrorHandlerTest {

    @Test
    public void aBadMessageIsAProblemThatDoesNotRepeatTheReason() {
        HttpFields fields = new HttpFields();
        ByteBuffer body = new ProblemErrorHandler().badMessageError(414, "URI too long: <script>", fields);
        String json = StandardCharsets.UTF_8.decode(body).toString();
        assertEquals("application/problem+json", fields.get(HttpHeader.CONTENT_TYPE));
        assertTrue(json, json.startsWith("{\"type\":\"about:blank\",\"title\":\"URI Too Long\",\"status\":414,"));
        assertTrue(json, json.contains("请求地址过长"));
        assertFalse(json, json.contains("script"));
    }

    @Test
    public void everyMethodGetsABody() {
        assertTrue(new ProblemErrorHandler().errorPageForMethod("DELETE"));
    }
}
