package vn.motcua.hub.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import vn.motcua.protocol.message.Codes;

/**
 * {@code GET /api/calls?ticket=2-014}: every call of that ticket today, with the policy and the reason it was chosen
 * — how an office answers "why was 2-014 called before me?".
 */
final class CallsApi {

    private final CallHistory history;

    CallsApi(CallHistory history) {
        this.history = history;
    }

    void calls(Context ctx) {
        String ticket = ctx.queryParam("ticket");
        if (ticket == null || !ticket.matches(Codes.TICKET_PATTERN)) {
            JsonReplies.json(ctx, 400, JsonReplies.write(Map.of("error", "INVALID_FIELD",
                    "message", "ticket must be a ticket label like 2-014")));
            return;
        }
        List<Map<String, Object>> calls = history.calls(ticket).stream().map(call -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ticket", call.ticket());
            row.put("counter", call.counter());
            call.officer().ifPresent(officer -> row.put("officer", officer));
            row.put("policy", call.policy());
            row.put("reason", call.reason());
            row.put("at", call.at().toString());
            return row;
        }).toList();
        JsonReplies.json(ctx, 200, JsonReplies.write(Map.of("ticket", ticket, "calls", calls)));
    }
}
