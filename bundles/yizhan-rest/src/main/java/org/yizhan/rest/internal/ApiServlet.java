package org.yizhan.rest.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;

import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.cxf.Bus;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.cxf.transport.servlet.ServletController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The API's servlet: CXF's, on this component's own bus and destinations, registered on the HTTP
 * whiteboard. It answers in problem+json where CXF would answer otherwise: a request for a path
 * no endpoint serves (CXF writes an HTML "No service was found"), a body in a character set that
 * does not exist (CXF fails reading it: a 500 page), and any failure that escapes CXF.
 */
final class ApiServlet extends CXFNonSpringServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private final transient DestinationRegistry destinations;
    private final transient ObjectMapper json;

    ApiServlet(DestinationRegistry destinations, Bus bus, ObjectMapper json) {
        super(destinations, bus);
        this.destinations = destinations;
        this.json = json;
    }

    @Override
    protected void invoke(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        try {
            String charset = request.getCharacterEncoding();
            if (charset != null && !supported(charset)) {
                Problem p = new Problem(415, "Unsupported Media Type", "The character set in Content-Type is not known; send UTF-8.",
                        "Content-Type 中的字符集无法识别，请使用 UTF-8。").field("Content-Type");
                p.writeTo(response, json);
                return;
            }
            super.invoke(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            LOG.warn("{} {} failed in the HTTP layer / 请求处理失败", request.getMethod(), request.getRequestURI(), e);
            try {
                if (!response.isCommitted()) {
                    response.reset();
                    ProblemMapper.forStatus(500).writeTo(response, json);
                }
            } catch (IOException | RuntimeException ignored) {
                // the connection is gone: nothing left to answer
            }
        }
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    /**
     * Nothing to tear down: the endpoints and the bus are {@link RestServer}'s and outlive this
     * servlet's registrations. The HTTP runtime destroys and initialises the servlet again when it
     * restarts (a change of etc/org.ops4j.pax.web.cfg, a new certificate); CXF's own destroy would
     * remove every endpoint for good.
     */
    @Override
    public void destroy() {
        LOG.debug("API servlet taken out of the HTTP runtime; its endpoints stay / 接口 Servlet 已卸下");
    }

    /** CXF's dispatch, with no HTML page of services and a problem where no endpoint serves the path. */
    @Override
    protected ServletController createServletController(ServletConfig config) {
        HttpServlet noServiceList = new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                ProblemMapper.forStatus(404).writeTo(response, json);
            }
        };
        return new ServletController(destinations, config, noServiceList) {
            {
                isHideServiceList = true;
            }

            @Override
            protected void generateNotFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
                ProblemMapper.forStatus(404).writeTo(response, json);
            }
        };
    }
}
