package vn.motcua.hub.engine;

import java.util.Optional;

import vn.motcua.protocol.message.CounterStatus;

/** A counter's status, the officer signed in there, and the label of the ticket at it. */
public record CounterSlot(int number, CounterStatus status, Optional<String> officer, Optional<String> current) {

    /**
     * Counter {@code number} as an office day starts: closed, nobody signed in, nobody at it. A counter opens when an
     * officer signs in there (or a unit without sign-in resumes it); until then it calls nobody and staffs no service.
     */
    static CounterSlot closed(int number) {
        return new CounterSlot(number, CounterStatus.CLOSED, Optional.empty(), Optional.empty());
    }

    CounterSlot with(CounterStatus newStatus) {
        return new CounterSlot(number, newStatus, officer, current);
    }

    CounterSlot serving(Optional<String> label) {
        return new CounterSlot(number, status, officer, label);
    }

    CounterSlot signedIn(String who) {
        return new CounterSlot(number, CounterStatus.OPEN, Optional.of(who), current);
    }

    CounterSlot signedOut() {
        return new CounterSlot(number, CounterStatus.CLOSED, Optional.empty(), Optional.empty());
    }
}
