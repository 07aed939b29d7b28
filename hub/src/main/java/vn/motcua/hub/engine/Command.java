package vn.motcua.hub.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * What the engine is asked to do. Commands are values; the time comes with {@link Engine#handle}, stamped at the
 * edge. Counter commands name the counter acting, which is also whose last action {@link Undo} reverses.
 */
public sealed interface Command {

    /** The counter whose officer acts, for the undo journal; empty for kiosk, admin and clock commands. */
    default Optional<Integer> actor() {
        return Optional.empty();
    }

    record Issue(String service, Optional<String> priority) implements Command {
    }

    /** A kiosk ({@code device}, from the topic it asked on) wants {@code size} numbers of a service to print offline. */
    record RenewLease(String device, String service, int size) implements Command {
    }

    /** A ticket {@code device} printed offline from its lease at {@code issuedAt} (its clock), synced now. */
    record IssueOffline(String device, String service, int number, Instant issuedAt, Optional<String> priority)
            implements Command {
    }

    record CheckIn(String token) implements Command {
    }

    record Book(String token, String service, Instant slot) implements Command {
    }

    record Cancel(String ticket) implements Command {
    }

    /** A counter's command. */
    sealed interface AtCounter extends Command {
        int counter();

        @Override
        default Optional<Integer> actor() {
            return Optional.of(counter());
        }
    }

    record CallNext(int counter) implements AtCounter {
    }

    record CallTicket(int counter, String ticket) implements AtCounter {
    }

    record Recall(int counter) implements AtCounter {
    }

    record Start(int counter) implements AtCounter {
    }

    record Done(int counter, Optional<String> fileCode) implements AtCounter {
    }

    record NoShow(int counter) implements AtCounter {
    }

    record Transfer(int counter, Optional<String> toService, Optional<Integer> toCounter) implements AtCounter {
    }

    record Hold(int counter) implements AtCounter {
    }

    record AddService(int counter, String service) implements AtCounter {
    }

    record Pause(int counter) implements AtCounter {
    }

    record Resume(int counter) implements AtCounter {
    }

    record SignIn(int counter, String officer) implements AtCounter {
    }

    record SignOut(int counter) implements AtCounter {
    }

    /** Undo is not itself undoable, so it has no actor. */
    record Undo(int counter) implements Command {
    }

    /**
     * A satisfaction key pressed at {@code counter}: {@code pressedAt} is when, by the unit's clock (its request id's
     * time); the engine never takes it as later than its own now.
     */
    record Rate(int counter, String level, Optional<String> ticket, Instant pressedAt) implements Command {
    }

    /** The clock moved on: close the day when the last opening period has ended. Sent by the writer's timer. */
    record Tick() implements Command {
    }
}
