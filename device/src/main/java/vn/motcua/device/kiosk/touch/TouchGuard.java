package vn.motcua.device.kiosk.touch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.sun.net.httpserver.Headers;

/**
 * Who may use the touch page. The kiosk's browser may open other pages (a link, a captive portal), and any of them
 * could send requests to 127.0.0.1, so:
 * <ul>
 * <li>the {@code Host} must be this server's own (127.0.0.1 or localhost on its port): a DNS-rebinding page, whose
 *     requests carry its own host name, is refused before it can read the page and its token;</li>
 * <li>an {@code Origin}, when the browser sends one, must be this server's; a POST must carry one;</li>
 * <li>API calls must carry the token of this start ({@value #TOKEN_HEADER}), which only the page served here knows.
 *     A custom header also makes a cross-site browser ask first (CORS preflight), which this server never allows.</li>
 * </ul>
 */
final class TouchGuard {

    static final String TOKEN_HEADER = "X-Motcua-Token";

    private final String token;
    private final Set<String> hosts;
    private final Set<String> origins;

    TouchGuard(int port, SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
        this.origins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port);
    }

    /** The token the page carries in its {@code <meta name="motcua-token">}. */
    String token() {
        return token;
    }

    /** Why a request with {@code headers} is refused, if it is; {@code api} asks for the token as well. */
    Optional<String> refusal(Headers headers, String method, boolean api) {
        String host = headers.getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.of("BAD_HOST");
        }
        String origin = headers.getFirst("Origin");
        if (origin == null ? !method.equals("GET") : !origins.contains(origin.toLowerCase(Locale.ROOT))) {
            return Optional.of("BAD_ORIGIN");
        }
        if (api && !tokenMatches(headers.getFirst(TOKEN_HEADER))) {
            return Optional.of("BAD_TOKEN");
        }
        return Optional.empty();
    }

    /** Compares in constant time, so response timing tells a guessing page nothing. */
    private boolean tokenMatches(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
