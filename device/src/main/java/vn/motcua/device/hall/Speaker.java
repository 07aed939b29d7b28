package vn.motcua.device.hall;

/**
 * Says announcements in the hall, one at a time, in the order given. {@link #say} never blocks and never throws:
 * a voice that fails must not stop the board or the unit.
 */
public interface Speaker extends AutoCloseable {

    /** Queues {@code announcement} to be said after those already queued. */
    void say(Announcement announcement);

    /** Stops speaking; what is still queued is dropped. */
    @Override
    void close();
}
