package vn.motcua.hub.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import vn.motcua.protocol.message.CounterStatus;

/**
 * Every counter of an engine's office opened, for tests that start mid-morning: an office day starts with its
 * counters closed, and these tests are about what happens once they are staffed. The counters are resumed as a unit
 * without sign-in does (no officer), and applied as a replayed log group with no actor, so no officer has an action
 * to undo.
 */
public final class OpenCounters {

    private OpenCounters() {
    }

    public static void at(Engine engine, Instant at) {
        engine.replay(Optional.empty(), engine.state().counters().stream().map(slot -> (Event) new Event.CounterChanged(
                "resumed", new CounterSlot(slot.number(), CounterStatus.OPEN, Optional.empty(), Optional.empty()), at))
                .toList());
    }
}
