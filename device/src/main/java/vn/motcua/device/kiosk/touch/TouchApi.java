package vn.motcua.device.kiosk.touch;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.kiosk.KioskUnit;
import vn.motcua.device.kiosk.NoOfflineNumbersException;
import vn.motcua.device.link.RequestFailedException;
import vn.motcua.device.printer.TicketView;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * The touch page's JSON API over the kiosk: what the buttons show ({@code GET /api/services}) and a press
 * ({@code POST /api/tickets}). Every failure is an {@link Answer} with a stable {@code error} code the page turns into
 * Vietnamese; nothing here throws at the server.
 */
final class TouchApi {

    /** How long a press may take beyond the hub's request timeout: printing, or printing offline after it. */
    static final Duration PRINT_ALLOWANCE = Duration.ofSeconds(20);

    /** A status and a JSON body. */
    record Answer(int status, JsonNode body) {
    }

    private final ObjectMapper json;
    private final KioskUnit kiosk;
    private final UnitConfig config;
    private final BooleanSupplier online;

    TouchApi(ObjectMapper json, KioskUnit kiosk, UnitConfig config, BooleanSupplier online) {
        this.json = json;
        this.kiosk = kiosk;
        this.config = config;
        this.online = online;
    }

    /**
     * The kiosk's services in key order, named from the hub's catalogue (the code until it arrives). Queue figures
     * only while connected: an old count would promise a wait that is no longer true.
     */
    Answer services() {
        Optional<ServiceCatalogue> catalogue = kiosk.catalogue();
        boolean connected = online.getAsBoolean();
        ObjectNode out = json.createObjectNode();
        out.put("office", catalogue.map(ServiceCatalogue::office).or(config::officeName).orElse(null));
        out.put("online", connected);
        ArrayNode services = out.putArray("services");
        for (String code : config.services()) {
            ObjectNode service = services.addObject().put("code", code);
            Optional<ServiceCatalogue.Entry> entry = entry(catalogue, code);
            service.put("nameVi", entry.map(ServiceCatalogue.Entry::nameVi).orElse(code));
            entry.ifPresent(e -> service.put("nameEn", e.nameEn()));
            service.put("open", entry.map(ServiceCatalogue.Entry::open).orElse(true));
            if (connected && entry.isPresent()) {
                service.put("waiting", entry.get().waiting());
                entry.get().estimateMin().ifPresent(minutes -> service.put("estimateMin", minutes));
                if (entry.get().mayNotBeServedToday()) { // only the warning is news; its absence is the usual case
                    service.put("mayNotBeServedToday", true);
                }
            }
        }
        ArrayNode priorities = out.putArray("priorities");
        for (PriorityChoice choice : PriorityChoice.values()) {
            priorities.addObject().put("code", choice.name()).put("nameVi", choice.nameVi).put("nameEn", choice.nameEn);
        }
        return new Answer(200, out);
    }

    /** A press: {@code {"service": "HT", "priority": "ELDERLY"}} ({@code priority} optional) prints a ticket. */
    Answer ticket(byte[] body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            return error(400, "BAD_REQUEST", "the body is not JSON");
        }
        if (request == null || !request.isObject()) {
            return error(400, "BAD_REQUEST", "the body must be a JSON object like {\"service\": \"HT\"}");
        }
        Optional<String> unknownField = fieldNames(request).stream()
                .filter(name -> !name.equals("service") && !name.equals("priority")).findFirst();
        if (unknownField.isPresent()) {
            return error(400, "BAD_REQUEST", "unknown field \"" + unknownField.get() + "\"");
        }
        JsonNode service = request.get("service");
        if (service == null || !service.isTextual() || !config.services().contains(service.textValue())) {
            return error(400, "UNKNOWN_SERVICE", "service must be one of " + config.services());
        }
        JsonNode priority = request.get("priority");
        Optional<PriorityChoice> choice = Optional.empty();
        if (priority != null && !priority.isNull()) {
            choice = priority.isTextual() ? PriorityChoice.of(priority.textValue()) : Optional.empty();
            if (choice.isEmpty()) {
                return error(400, "BAD_PRIORITY", "priority must be one of " + List.of(PriorityChoice.values()));
            }
        }
        String code = service.textValue();
        if (entry(kiosk.catalogue(), code).filter(e -> !e.open()).isPresent()) {
            // The catalogue is the hub's word; refusing here also keeps a closed service from printing offline.
            return error(409, "SERVICE_CLOSED", code + " is not taking tickets now");
        }
        CompletableFuture<TicketView> press = choice.isPresent()
                ? kiosk.press(code, choice.map(Enum::name))
                : kiosk.press(code); // no choice on the screen: a card scanned just before may still grant one
        return printed(press);
    }

    private Answer printed(CompletableFuture<TicketView> press) {
        try {
            TicketView ticket = press.get(config.requestTimeout().plus(PRINT_ALLOWANCE).toMillis(),
                    TimeUnit.MILLISECONDS);
            ObjectNode out = json.createObjectNode().put("ticket", ticket.ticket()).put("service", ticket.serviceCode())
                    .put("nameVi", ticket.serviceNameVi()).put("nameEn", ticket.serviceNameEn())
                    .put("offline", ticket.offline());
            if (!ticket.offline()) {
                out.put("ahead", ticket.ahead());
            }
            ticket.estimateMin().ifPresent(minutes -> out.put("estimateMin", minutes));
            if (ticket.mayNotBeServedToday()) {
                out.put("mayNotBeServedToday", true);
            }
            ticket.priority().ifPresent(p -> {
                out.put("priority", p);
                PriorityChoice.of(p).ifPresent(c -> out.put("priorityVi", c.nameVi).put("priorityEn", c.nameEn));
            });
            return new Answer(200, out);
        } catch (ExecutionException e) {
            return failed(e.getCause());
        } catch (TimeoutException e) {
            return error(504, "NO_ANSWER", "the ticket was not printed in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "NO_ANSWER", "the kiosk is stopping");
        }
    }

    /** KioskUnit has logged the failure; the page needs to know only what to tell the citizen. */
    private Answer failed(Throwable cause) {
        return switch (cause) {
            case RequestFailedException refused when refused.code() == ErrorCode.SERVICE_CLOSED ->
                    error(409, "SERVICE_CLOSED", refused.hubMessage());
            case RequestFailedException refused -> error(409, "REFUSED", refused.code().name());
            case NoOfflineNumbersException none -> error(503, "NO_OFFLINE_NUMBERS", none.getMessage());
            default -> error(500, "PRINT_FAILED", String.valueOf(cause.getMessage()));
        };
    }

    Answer error(int status, String code, String message) {
        return new Answer(status, json.createObjectNode().put("error", code).put("message", message));
    }

    private static Optional<ServiceCatalogue.Entry> entry(Optional<ServiceCatalogue> catalogue, String code) {
        return catalogue.flatMap(c -> c.services().stream().filter(e -> e.code().equals(code)).findFirst());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
