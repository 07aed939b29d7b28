package vn.motcua.device.counter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.protocol.message.CounterState;

/**
 * A counter display that logs what it would show and keeps the current text for tests and the demo. Written on the
 * link's event thread, read from any (volatile).
 */
public final class SimulatedCounterDisplay implements CounterDisplay {

    private static final Logger log = LoggerFactory.getLogger(SimulatedCounterDisplay.class);

    private final String name;
    private volatile String text = CounterText.STARTING;

    /** {@code name} tells this display's log lines apart from other simulated units' in the same process. */
    public SimulatedCounterDisplay(String name) {
        this.name = name;
    }

    @Override
    public void show(CounterState state) {
        setText(CounterText.of(state));
    }

    @Override
    public void showOffline() {
        setText(CounterText.OFFLINE);
    }

    /** What the display shows now. */
    public String text() {
        return text;
    }

    private void setText(String next) {
        if (!next.equals(text)) {
            text = next;
            log.info("{} display: {}", name, next);
        }
    }
}
