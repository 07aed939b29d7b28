package vn.motcua.hub.engine;

import java.util.List;
import java.util.Optional;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.ResponseBody;

/**
 * What the engine decided for one command: the answer (or a rejection with its stable code) and the events to
 * commit. {@code prelude} are events the clock caused before the command (a new office day), applied and stored
 * as their own group with no actor. A rejection has no command events, with one exception: an offline ticket of an
 * office day already over is refused (it cannot be queued) but recorded ({@link #refusedButRecorded}).
 */
public record Decision(List<Event> prelude, Optional<Integer> actor, List<Event> events, Optional<ResponseBody> answer,
                       Optional<Rejection> rejection) {

    /** Why a command was refused. */
    public record Rejection(ErrorCode code, String message) {
    }

    public Decision {
        prelude = List.copyOf(prelude);
        events = List.copyOf(events);
    }

    static Decision ok(Optional<Integer> actor, List<Event> events, ResponseBody answer) {
        return new Decision(List.of(), actor, events, Optional.of(answer), Optional.empty());
    }

    /**
     * A counter command's success answered with the counter's state, which the engine reads once {@code events} are
     * applied ({@link Engine#handle}): what the retained {@code counter/{n}/state} then shows, not a prediction of it.
     */
    static Decision counterUpdated(Optional<Integer> actor, List<Event> events) {
        return new Decision(List.of(), actor, events, Optional.empty(), Optional.empty());
    }

    /** Events without an answer for a device (clock and admin commands). */
    static Decision quiet(List<Event> events) {
        return new Decision(List.of(), Optional.empty(), events, Optional.empty(), Optional.empty());
    }

    /** Refused, nothing changed; also the writer's answer to a request refused before the engine sees it. */
    public static Decision rejected(ErrorCode code, String message) {
        return new Decision(List.of(), Optional.empty(), List.of(), Optional.empty(),
                Optional.of(new Rejection(code, message)));
    }

    /** Refused to the device, yet what it reported is a fact worth keeping: the events are committed all the same. */
    static Decision refusedButRecorded(ErrorCode code, String message, List<Event> events) {
        return new Decision(List.of(), Optional.empty(), events, Optional.empty(), Optional.of(new Rejection(code, message)));
    }

    Decision answering(ResponseBody body) {
        return new Decision(prelude, actor, events, Optional.of(body), rejection);
    }

    Decision after(List<Event> clockEvents) {
        return new Decision(clockEvents, actor, events, answer, rejection);
    }

    public boolean changed() {
        return !prelude.isEmpty() || !events.isEmpty();
    }
}
