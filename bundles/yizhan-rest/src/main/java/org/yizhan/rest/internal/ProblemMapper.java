package org.yizhan.rest.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.YizhanException;
import org.yizhan.api.network.ImportException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** Turns every exception that reaches the JAX-RS layer into a problem+json answer. */
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    /** A case number in a path: {@code T1-20261203-0001}, {@code C-…}, {@code T1V1-…}. */
    private static final java.util.regex.Pattern CASE = java.util.regex.Pattern.compile("\\b([A-Z][A-Z0-9]{0,9}-\\d{8}-\\d{4,6})\\b");

    @javax.ws.rs.core.Context
    private javax.ws.rs.core.UriInfo uri;
    @javax.ws.rs.core.Context
    private javax.ws.rs.core.Request request;

    /**
     * One line per refused request an operator can grep: method, path (never its query, which may
     * carry a lookup code or a phone), status, rule or field, the case number when the path names
     * one. Never the detail, which may quote what the caller sent.
     */
    static String logLine(String method, String path, Problem p) {
        String clean = path == null ? "" : path.replaceAll("[^\\x21-\\x7e]", "?");
        if (clean.length() > 200) {
            clean = clean.substring(0, 200) + "…";
        }
        java.util.regex.Matcher m = CASE.matcher(clean);
        return "request refused 请求被拒绝: " + method + " /" + clean.replaceFirst("^/", "") + " " + p.status
                + (p.rule != null ? " rule=" + p.rule : "") + (p.field != null ? " field=" + p.field : "")
                + (m.find() ? " case=" + m.group(1) : "");
    }

    @Override
    public Response toResponse(Throwable e) {
        Problem problem;
        Response.ResponseBuilder builder;
        if (e instanceof YizhanException ye) {
            problem = fromYizhan(ye);
            builder = Response.status(problem.status);
            if (ye instanceof Authenticator.Unauthorized unauthorized) {
                builder.header("WWW-Authenticate", unauthorized.challenge());
            }
            if (ye instanceof RateLimits.TooManyRequests limited) {
                builder.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
            }
        } else if (e instanceof JsonProcessingException jpe) {
            problem = fromJson(jpe);
            builder = Response.status(400);
        } else if (e instanceof WebApplicationException wae) {
            Throwable cause = wae.getCause();
            if (cause instanceof JsonProcessingException jpe) {
                problem = fromJson(jpe);
            } else {
                problem = forStatus(wae.getResponse().getStatus());
            }
            builder = Response.status(problem.status);
        } else {
            LOG.error("Unexpected error in the REST layer / 接口内部错误", e);
            problem = new Problem(500, "Internal Server Error",
                    "The server could not complete the request; the error is in the server log.",
                    "服务器未能完成请求，错误已记录在服务器日志中。");
            builder = Response.status(500);
        }
        if (problem.status >= 400 && problem.status < 500 && uri != null && request != null) {
            try {
                LOG.info(logLine(request.getMethod(), uri.getPath(), problem));
            } catch (RuntimeException outsideARequest) {
                // no request bound to this thread (a unit test): nothing to name
            }
        }
        return builder.type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Problem fromYizhan(YizhanException e) {
        Problem p = forStatus(e.status());
        p.detail = e.getMessage();
        p.detailZh = e.messageZh();
        p.field = e.field();
        p.rule = e.rule();
        p.state = e.state();
        if (e.rule() != null) {
            p.type = "urn:yizhan:problem:rule:" + e.rule();
        }
        if (e.type() != null) {
            p.type = e.type();
        }
        for (YizhanException.FieldError fe : e.errors()) {
            p.error(fe.field(), fe.message(), fe.messageZh());
        }
        if (e instanceof ImportException ie) {
            for (ImportException.LineError le : ie.lines()) {
                p.error(le.field(), le.message(), le.messageZh());
                p.errors.get(p.errors.size() - 1).line = le.line();
            }
        }
        return p;
    }

    /** Malformed JSON or a value of the wrong type: name the field by its JSON path. */
    static Problem fromJson(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference r : jme.getPath()) {
                if (r.getFieldName() != null) {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    sb.append('[').append(r.getIndex()).append(']');
                }
            }
            field = sb.toString();
        }
        String reason = e.getOriginalMessage();
        Problem p = new Problem(400, "Bad Request",
                "The JSON body is not valid at '" + field + "': " + reason,
                "请求体 JSON 在“" + field + "”处无效");
        p.error(field, "Not valid here: " + reason, "此处取值无效");
        return p;
    }

    static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> new Problem(400, "Bad Request", "The request is not valid.", "请求无效。");
            case 401 -> new Problem(401, "Unauthorized", "Credentials are missing or wrong.", "未提供身份凭据或凭据错误。");
            case 403 -> new Problem(403, "Forbidden", "Your role or center may not do this.", "您的角色或所属中心无权执行此操作。");
            case 404 -> new Problem(404, "Not Found", "No such resource.", "资源不存在。");
            case 405 -> new Problem(405, "Method Not Allowed", "This method is not allowed here.", "不支持该请求方法。");
            case 406 -> new Problem(406, "Not Acceptable", "This resource answers in JSON only.", "该资源仅支持 JSON 格式。");
            case 409 -> new Problem(409, "Conflict", "Not allowed in the current state.", "当前状态下不允许此操作。");
            case 413 -> new Problem(413, "Payload Too Large", "The request body is larger than the server takes.",
                    "请求体过大，服务器不予受理。");
            case 415 -> new Problem(415, "Unsupported Media Type", "Send the body as application/json.", "请以 application/json 格式提交请求体。");
            case 422 -> new Problem(422, "Unprocessable Entity", "A rule refused the request.", "请求不符合办事规则。");
            case 429 -> new Problem(429, "Too Many Requests", "Too many requests from this address; wait before trying again.",
                    "该地址请求过于频繁，请稍后再试。");
            case 503 -> new Problem(503, "Service Unavailable", "The platform is starting or being updated.", "平台正在启动或更新。");
            default -> status >= 500
                    ? new Problem(status, "Server Error", "The server could not complete the request.", "服务器未能完成请求。")
                    : new Problem(status, "Bad Request", "The request is not valid.", "请求无效。");
        };
    }
}
