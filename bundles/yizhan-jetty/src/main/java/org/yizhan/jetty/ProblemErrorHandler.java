package org.yizhan.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The server's own refusals as {@code application/problem+json}, like every other error of the
 * platform: a request Jetty cannot parse (a NUL or a bad escape in the path, a URI or headers too
 * long: {@link #badMessageError}) and an error with no web context to handle it. Set on the
 * server in {@code etc/jetty.xml}; errors inside a web context are {@link ContextProblemErrorHandler}'s.
 */
public class ProblemErrorHandler extends ErrorHandler {

    /** Every method gets a body, not only GET and POST: a client of the API sends PUT and DELETE too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
            int code, String message) throws IOException {
        Problems.write(baseRequest, response, code);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(Problems.body(status));
    }
}
