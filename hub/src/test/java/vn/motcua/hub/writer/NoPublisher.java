package vn.motcua.hub.writer;

import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.ServiceCatalogue;

/** A writer's publisher for tests that read the writer's answers and store, not what it publishes. */
public final class NoPublisher implements StatePublisher {

    public static final StatePublisher INSTANCE = new NoPublisher();

    private NoPublisher() {
    }

    @Override
    public void counterState(CounterState state) {
    }

    @Override
    public void board(Board board) {
    }

    @Override
    public void services(ServiceCatalogue catalogue) {
    }
}
