package vn.motcua.protocol.message;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The hall board, retained on {@code board}: every counter's state and the latest calls, newest first.
 * {@code sequence} grows with every change so a display can tell a new call from a repeat of the retained one.
 */
public record Board(String office, long sequence, List<CounterState> counters, List<Call> recentCalls,
                    OffsetDateTime updatedAt) {

    public Board {
        Check.text(office, "office");
        Check.nonNegative(sequence, "sequence");
        counters = List.copyOf(Check.required(counters, "counters"));
        recentCalls = List.copyOf(Check.required(recentCalls, "recentCalls"));
        Check.required(updatedAt, "updatedAt");
    }

    /** One call of a ticket to a counter; a recall is a new call with {@code recall} true. */
    public record Call(String ticket, int counter, boolean recall, OffsetDateTime at) {
        public Call {
            Check.ticket(ticket, "call.ticket");
            Check.counter(counter, "call.counter");
            Check.required(at, "call.at");
        }
    }
}
