package vn.motcua.hub.writer;

import java.util.function.Consumer;

import vn.motcua.hub.engine.Command;
import vn.motcua.hub.engine.Decision;
import vn.motcua.hub.engine.Engine;
import vn.motcua.protocol.message.Request;

/** Work waiting for the writer. */
sealed interface Job {

    /** A device request, and where its encoded response goes once committed. */
    record FromDevice(String deviceId, Request request, Consumer<byte[]> reply) implements Job {
    }

    /** A command from inside the hub (appointment import, administration), and who hears the committed decision. */
    record Internal(Command command, Consumer<Decision> done) implements Job {
    }

    /** A read of the engine's committed state (the status page), run on the writer thread between batches. */
    record Read(Consumer<Engine> read) implements Job {
    }

    /** Asks the writer to finish the queued work and stop. */
    record Stop() implements Job {
    }
}
