package vn.motcua.protocol.message;

/** What an {@link Event} reports; the event's {@code type} ({@link EventType}) tells which record. */
public sealed interface EventBody {

    /** Paper supply of the ticket printer, as it reports it. */
    enum Paper { OK, LOW, OUT }

    /** The printer's state changed. */
    record PrinterStatus(Paper paper, boolean coverOpen, boolean online) implements EventBody {
        public PrinterStatus {
            Check.required(paper, "body.paper");
        }
    }

    /** Periodic health of the unit. */
    record Health(long uptimeSeconds, int heapUsedMb, int outboxDepth) implements EventBody {
        public Health {
            Check.nonNegative(uptimeSeconds, "body.uptimeSeconds");
            Check.nonNegative(heapUsedMb, "body.heapUsedMb");
            Check.nonNegative(outboxDepth, "body.outboxDepth");
        }
    }
}
