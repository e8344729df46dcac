package org.yizhan.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;

/**
 * API answers carry personal data (names, masked identity numbers, phones): no browser or proxy
 * keeps a copy, and none guesses their type. Over HTTPS a browser is told to use nothing else
 * for this host from then on (HSTS).
 */
public final class NoStore implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        if (request.getSecurityContext() != null && request.getSecurityContext().isSecure()) {
            response.getHeaders().putSingle("Strict-Transport-Security", HSTS);
        }
    }

    /** One year; the platform serves only its own host, so no subdomains are named. */
    static final String HSTS = "max-age=31536000";
}
