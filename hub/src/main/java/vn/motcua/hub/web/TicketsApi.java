package vn.motcua.hub.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import vn.motcua.hub.engine.TicketStatus;
import vn.motcua.protocol.message.Codes;

/**
 * A citizen's ticket: {@code GET /ticket/{label}} (the page the printed QR code opens) and
 * {@code GET /api/tickets/{label}} (what the page polls). A label that is malformed or not one of today's tickets is a
 * 404 saying so, in Vietnamese and English on the page; the label is echoed only HTML-escaped.
 */
final class TicketsApi {

    private final TicketLookup tickets;
    private final byte[] page;

    TicketsApi(TicketLookup tickets, byte[] page) {
        this.tickets = tickets;
        this.page = page;
    }

    void page(Context ctx) {
        String label = ctx.pathParam("label");
        if (find(label).isEmpty()) {
            ctx.attribute(JsonReplies.ANSWERED, true);
            ctx.status(404).contentType("text/html; charset=utf-8").header("Cache-Control", "no-store")
                    .result(notFoundPage(label).getBytes(StandardCharsets.UTF_8));
            return;
        }
        ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache").result(page);
    }

    void api(Context ctx) {
        String label = ctx.pathParam("label");
        Optional<TicketStatus> status = find(label);
        if (status.isEmpty()) {
            ctx.attribute(JsonReplies.ANSWERED, true);
            JsonReplies.json(ctx, 404, JsonReplies.write(Map.of("error", "UNKNOWN_TICKET", "message",
                    label.matches(Codes.TICKET_PATTERN) ? "no ticket " + label + " today"
                            : "not a ticket label like 2-014")));
            return;
        }
        JsonReplies.json(ctx, 200, JsonReplies.write(json(status.get())));
    }

    /** The busy desk's answer: retry soon (the page keeps polling). */
    static void unavailable(TicketLookup.Unavailable e, Context ctx) {
        JsonReplies.json(ctx, 503, JsonReplies.write(Map.of("error", "UNAVAILABLE", "message", e.getMessage())));
    }

    private Optional<TicketStatus> find(String label) {
        return label.matches(Codes.TICKET_PATTERN) ? tickets.status(label) : Optional.empty();
    }

    private static Map<String, Object> json(TicketStatus s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", s.label());
        body.put("service", s.service());
        body.put("serviceNameVi", s.serviceNameVi());
        body.put("serviceNameEn", s.serviceNameEn());
        body.put("state", s.state().name());
        body.put("ahead", s.ahead());
        s.estimateMin().ifPresent(m -> body.put("estimateMin", m));
        body.put("mayNotBeServedToday", s.mayNotBeServedToday());
        s.counter().ifPresent(c -> body.put("counter", c));
        body.put("issuedAt", s.issuedAt().toString());
        return body;
    }

    private static String notFoundPage(String label) {
        String shown = escape(label.length() > 40 ? label.substring(0, 40) + "…" : label);
        return """
                <!doctype html>
                <html lang="vi">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Không tìm thấy số</title>
                  <link rel="stylesheet" href="/ticket.css">
                </head>
                <body>
                  <main class="card">
                    <h1>Không tìm thấy số %s hôm nay</h1>
                    <p>Vui lòng kiểm tra lại số trên phiếu, hoặc hỏi cán bộ tại quầy.</p>
                    <p lang="en" class="en">No ticket %s today. Please check the number on your ticket.</p>
                  </main>
                </body>
                </html>
                """.formatted(shown, shown);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
