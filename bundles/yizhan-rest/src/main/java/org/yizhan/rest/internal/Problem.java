package org.yizhan.rest.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An {@code application/problem+json} body (RFC 7807) with the Chinese text beside the English,
 * and the field at fault when the input was wrong.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";

    public String type = "about:blank";
    public String title;
    public int status;
    public String detail;
    public String detailZh;
    public String field;
    public String rule;
    /** For 409: the case's state that did not allow the action. */
    public String state;
    public List<FieldError> errors;

    public Problem() {
    }

    public Problem(int status, String title, String detail, String detailZh) {
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.detailZh = detailZh;
    }

    /** Writes this problem as the whole answer of a servlet (where no JAX-RS mapper runs), not cacheable. */
    void writeTo(HttpServletResponse response, ObjectMapper json) throws IOException {
        byte[] body = json.writeValueAsBytes(this);
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    public Problem field(String field) {
        this.field = field;
        return this;
    }

    public Problem error(String field, String message, String messageZh) {
        if (errors == null) {
            errors = new ArrayList<>();
        }
        errors.add(new FieldError(field, message, messageZh));
        if (this.field == null) {
            this.field = field;
        }
        return this;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class FieldError {
        /** For a file: the line at fault (1 is the header). */
        public Integer line;
        public String field;
        public String message;
        public String messageZh;

        public FieldError() {
        }

        public FieldError(String field, String message, String messageZh) {
            this.field = field;
            this.message = message;
            this.messageZh = messageZh;
        }
    }
}
