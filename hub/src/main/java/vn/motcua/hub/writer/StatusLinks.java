package vn.motcua.hub.writer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import vn.motcua.protocol.message.ResponseBody;

/**
 * Puts the status-page link on issued tickets, at the edge: the engine decides tickets without knowing how the hub is
 * reached, and the writer adds {@code {publicUrl}/ticket/{label}} to the answer it sends.
 */
public final class StatusLinks {

    private final Optional<String> base;

    private StatusLinks(Optional<String> base) {
        this.base = base;
    }

    /** No public address known: answers go out as the engine made them. */
    public static StatusLinks none() {
        return new StatusLinks(Optional.empty());
    }

    /**
     * Links under {@code publicUrl}, e.g. {@code http://192.168.1.10:8080} (a trailing slash is dropped).
     *
     * @throws IllegalArgumentException if it is not an absolute http(s) address with a host and no query
     */
    public static StatusLinks at(String publicUrl) {
        String trimmed = publicUrl.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(invalid(publicUrl));
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(invalid(publicUrl), e);
        }
        return new StatusLinks(Optional.of(trimmed));
    }

    /** {@code body} with its status link when it is an issued ticket and the address is known; else {@code body}. */
    public ResponseBody link(ResponseBody body) {
        if (base.isEmpty() || !(body instanceof ResponseBody.TicketIssued t)) {
            return body;
        }
        return new ResponseBody.TicketIssued(t.ticket(), t.service(), t.number(), t.ahead(), t.estimateMin(),
                t.issuedAt(), t.priority(), Optional.of(base.get() + "/ticket/" + t.ticket()), t.mayNotBeServedToday());
    }

    private static String invalid(String publicUrl) {
        return "the public URL must be an http:// or https:// address like http://192.168.1.10:8080, was \""
                + publicUrl + "\"";
    }
}
