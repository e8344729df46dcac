package org.yizhan.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * The browser UI: the files under {@code /web} in this bundle, served at {@code /} through the
 * HTTP whiteboard. {@code /} is {@code index.html}; the pages talk to {@code /api/v1} only.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=yizhan-web"})
public class WebServlet extends HttpServlet {

    /** What the page may load: its own files and the API on this server, nothing inline, no frames around it. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=UTF-8");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? req.getServletPath() : req.getServletPath() + req.getPathInfo();
        if (path == null || path.isEmpty() || path.equals("/")) {
            path = "/index.html";
        }
        if (path.contains("..") || path.startsWith("/api")) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        URL file = WebServlet.class.getResource("/web" + path);
        if (file == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String ext = path.substring(path.lastIndexOf('.') + 1);
        resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        // the UI changes with the bundle: browsers revalidate, so an upgrade shows at once
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        // scripts, styles and data only from this server; no inline script, no framing by another site
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "no-referrer");
        if (req.isSecure()) {
            // once over HTTPS, the browser uses nothing else for this host for a year
            resp.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        try (InputStream in = file.openStream(); OutputStream out = resp.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
