package org.yizhan.rest.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every exception that reaches the JAX-RS layer into a problem+json answer. */
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        Problem problem;
        if (e instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            problem = forStatus(status);
        } else {
            LOG.error("Unexpected error in the REST layer / 接口内部错误", e);
            problem = new Problem(500, "Internal Server Error",
                    "The server could not complete the request; the error is in the server log.",
                    "服务器未能完成请求，错误已记录在服务器日志中。");
        }
        return Response.status(problem.status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Problem forStatus(int status) {
        return switch (status) {
            case 401 -> new Problem(401, "Unauthorized", "Credentials are missing or wrong.", "未提供身份凭据或凭据错误。");
            case 403 -> new Problem(403, "Forbidden", "Your role or center may not do this.", "您的角色或所属中心无权执行此操作。");
            case 404 -> new Problem(404, "Not Found", "No such resource.", "资源不存在。");
            case 405 -> new Problem(405, "Method Not Allowed", "This method is not allowed here.", "不支持该请求方法。");
            case 406 -> new Problem(406, "Not Acceptable", "This resource answers in JSON only.", "该资源仅支持 JSON 格式。");
            case 415 -> new Problem(415, "Unsupported Media Type", "Send the body as application/json.", "请以 application/json 格式提交请求体。");
            default -> status >= 500
                    ? new Problem(status, "Server Error", "The server could not complete the request.", "服务器未能完成请求。")
                    : new Problem(status, "Bad Request", "The request is not valid.", "请求无效。");
        };
    }
}
