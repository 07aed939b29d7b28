package vn.motcua.hub.engine;

import java.util.Optional;

import vn.motcua.protocol.message.CounterStatus;

/** A counter's status, the officer signed in there, and the label of the ticket at it. */
public record CounterSlot(int number, CounterStatus status, Optional<String> officer, Optional<String> current) {

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
