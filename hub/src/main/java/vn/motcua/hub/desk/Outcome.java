package vn.motcua.hub.desk;

import java.util.List;
import java.util.Optional;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.ResponseBody;

/**
 * What one request did to the desk: the answer, and the changes the store must commit before the answer is sent.
 * A rejected request changes nothing.
 */
public record Outcome(Optional<ResponseBody> body, Optional<Rejection> rejection, List<Ticket> changedTickets,
                      List<Integer> changedCounters, Optional<Rating> rating) {

    /** Why a request was refused, with the stable code the device sees. */
    public record Rejection(ErrorCode code, String message) {
    }

    public Outcome {
        changedTickets = List.copyOf(changedTickets);
        changedCounters = List.copyOf(changedCounters);
    }

    static Outcome ok(ResponseBody body, List<Ticket> tickets, List<Integer> counters) {
        return new Outcome(Optional.of(body), Optional.empty(), tickets, counters, Optional.empty());
    }

    static Outcome rated(ResponseBody body, Rating rating) {
        return new Outcome(Optional.of(body), Optional.empty(), List.of(), List.of(), Optional.of(rating));
    }

    static Outcome rejected(ErrorCode code, String message) {
        return new Outcome(Optional.empty(), Optional.of(new Rejection(code, message)), List.of(), List.of(),
                Optional.empty());
    }

    public boolean changedState() {
        return !changedTickets.isEmpty() || !changedCounters.isEmpty();
    }
}
