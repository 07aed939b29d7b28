package vn.motcua.hub.web;

import java.util.Map;

import io.javalin.http.Context;

/**
 * The headers every response carries. The pages load script and style only from their own origin (no inline code),
 * so the Content-Security-Policy can forbid everything else.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    private SecurityHeaders() {
    }

    /** Sets the headers on {@code ctx}; used as a before-handler and again by error handlers. */
    static void apply(Context ctx) {
        HEADERS.forEach(ctx::header);
    }
}
