package vn.motcua.device.keys;

/**
 * Told of each confirmed key press, once; called from {@link GpioKeys#tick()}, on the key timer or Pi4J's event thread,
 * so it should only hand the press on (e.g. to the link's event thread).
 */
@FunctionalInterface
public interface KeyListener<K> {

    void pressed(K key, Press press);

    /** A short press is reported on release; a long one as soon as it has been held long enough. */
    enum Press { SHORT, LONG }
}
