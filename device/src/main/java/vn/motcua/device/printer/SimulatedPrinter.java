package vn.motcua.device.printer;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A printer that never runs out of paper: it logs each ticket as Vietnamese text and keeps it, so tests and the
 * demo can see what a citizen would hold. Thread-safe: the kiosk prints on its printer thread while others read.
 */
public final class SimulatedPrinter implements TicketPrinter {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPrinter.class);

    private final String name;
    private final List<TicketView> printed = new CopyOnWriteArrayList<>();

    /** {@code name} tells this printer's log lines apart from other simulated units' in the same process. */
    public SimulatedPrinter(String name) {
        this.name = name;
    }

    @Override
    public void print(TicketView ticket) {
        printed.add(ticket);
        log.info("{} printed: {}", name, TicketText.line(ticket));
    }

    /** Every ticket printed so far, oldest first. */
    public List<TicketView> printed() {
        return List.copyOf(printed);
    }

    /** The text of the last ticket printed. */
    public Optional<String> lastText() {
        return printed.isEmpty() ? Optional.empty() : Optional.of(TicketText.line(printed.getLast()));
    }
}
