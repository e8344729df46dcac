package org.yizhan.jetty;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.servlet.ErrorPageErrorHandler;

/**
 * Errors inside a web context that maps no error page for them (a servlet's {@code sendError}, a
 * method it does not take, an exception it lets escape) as {@code application/problem+json}, as
 * the server's own refusals are ({@link ProblemErrorHandler}); the body never repeats what failed.
 * Error pages a context registers still win. Set on every web context in {@code etc/jetty-web.xml}.
 */
public class ContextProblemErrorHandler extends ErrorPageErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
            int code, String message) throws IOException {
        Problems.write(baseRequest, response, code);
    }
}
