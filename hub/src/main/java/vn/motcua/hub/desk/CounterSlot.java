package vn.motcua.hub.desk;

import java.util.Optional;

import vn.motcua.protocol.message.CounterStatus;

/** A counter's status and the label of the ticket at it, if any. */
public record CounterSlot(int number, CounterStatus status, Optional<String> current) {

    CounterSlot with(CounterStatus newStatus) {
        return new CounterSlot(number, newStatus, current);
    }

    CounterSlot serving(Optional<String> label) {
        return new CounterSlot(number, status, label);
    }
}
