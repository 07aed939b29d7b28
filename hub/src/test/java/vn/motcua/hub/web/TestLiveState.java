package vn.motcua.hub.web;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * A {@link LiveState} for tests: holds a board and a catalogue that a test swaps, and calls the change listeners on
 * the test's thread, as the hub's writer thread would.
 */
final class TestLiveState implements LiveState {

    private volatile Board board;
    private volatile ServiceCatalogue services;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Optional<String> storeProblem = Optional.empty();

    TestLiveState(Board board, ServiceCatalogue services) {
        this.board = board;
        this.services = services;
    }

    @Override
    public Board board() {
        return board;
    }

    @Override
    public ServiceCatalogue services() {
        return services;
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Optional<String> storeProblem() {
        return storeProblem;
    }

    /** The last commit failed for {@code reason} ({@code full}, {@code io}, {@code other}), or empty: it succeeded. */
    void storeProblem(Optional<String> reason) {
        storeProblem = reason;
    }

    /** Commits a new board and tells the listeners. */
    void publish(Board next) {
        board = next;
        fire();
    }

    /** Commits a new catalogue and tells the listeners. */
    void publish(ServiceCatalogue next) {
        services = next;
        fire();
    }

    void fire() {
        listeners.forEach(Runnable::run);
    }

    int listenerCount() {
        return listeners.size();
    }
}
