package vn.motcua.hub.web;

import java.util.Optional;

import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * What the web pages read: the latest committed board and service catalogue, and a way to hear of changes.
 * Implemented by the hub's desk; the web layer never writes.
 */
public interface LiveState {

    /** The board as last committed and published. */
    Board board();

    /** The service catalogue as last committed and published. */
    ServiceCatalogue services();

    /**
     * Registers {@code listener}, called after every committed change, on the hub's writer thread: it must not
     * block. Closing the returned handle unregisters it.
     */
    AutoCloseable onChange(Runnable listener);

    /**
     * Why the hub's last commit failed ({@code full}, {@code io}, {@code other}), while it has not committed since;
     * {@code /health} then answers 503. The board and catalogue above stay the last committed ones meanwhile.
     */
    default Optional<String> storeProblem() {
        return Optional.empty();
    }
}
