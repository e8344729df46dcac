package org.yizhan.jetty;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;

/** The problem+json bodies both error handlers answer with. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** Answers the request with the problem for its status, not cacheable. */
    static void write(Request baseRequest, HttpServletResponse response, int code) throws IOException {
        byte[] body = body(code);
        baseRequest.setHandled(true);
        response.setContentType(MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    /** The problem for a status: fixed text only, so nothing a caller sent can reach the body. */
    static byte[] body(int status) {
        String[] text = text(status);
        String title = HttpStatus.getMessage(status);
        return ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + text[0] + "\",\"detailZh\":\"" + text[1] + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String[] text(int status) {
        return switch (status) {
            case 400 -> new String[] {"The request is not valid HTTP: the path or a header holds a character or escape that is not allowed.",
                    "请求格式无效：路径或请求头中含有不允许的字符或转义。"};
            case 404 -> new String[] {"Nothing is served at this address.", "此地址下没有内容。"};
            case 405 -> new String[] {"This method is not allowed here.", "不支持该请求方法。"};
            case 413 -> new String[] {"The request body is larger than the server takes.", "请求体过大，服务器不予受理。"};
            case 414 -> new String[] {"The address (URI) is longer than the server takes.", "请求地址过长，服务器不予受理。"};
            case 431 -> new String[] {"The request headers are larger than the server takes.", "请求头过大，服务器不予受理。"};
            case 503 -> new String[] {"The platform is starting or being updated.", "平台正在启动或更新。"};
            default -> status >= 500
                    ? new String[] {"The server could not complete the request.", "服务器未能完成请求。"}
                    : new String[] {"The request is not valid.", "请求无效。"};
        };
    }
}
