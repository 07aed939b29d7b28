package vn.motcua.device.hall;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A speaker that only keeps what it would say (the unit logs each announcement): the demo's hall, a screen without
 * loudspeakers ({@code hall.voice: false}), tests.
 */
public final class SimulatedSpeaker implements Speaker {

    private static final Logger log = LoggerFactory.getLogger(SimulatedSpeaker.class);

    private final String name;
    private final List<Announcement> said = new CopyOnWriteArrayList<>();

    /** {@code name} labels the log lines, e.g. the unit's id. */
    public SimulatedSpeaker(String name) {
        this.name = name;
    }

    @Override
    public void say(Announcement announcement) {
        said.add(announcement);
        log.debug("{} says: {}", name, announcement.spoken()); // the unit has logged the announcement already
    }

    /** Everything said so far, in order. */
    public List<Announcement> said() {
        return List.copyOf(said);
    }

    /** The spoken words of everything said so far, in order. */
    public List<String> spoken() {
        return said.stream().map(Announcement::spoken).toList();
    }

    @Override
    public void close() {
        // nothing to stop: it speaks on the caller's thread
    }
}
