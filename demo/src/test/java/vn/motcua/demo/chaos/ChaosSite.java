package vn.motcua.demo.chaos;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;

/**
 * The office the chaos suite runs and the units in it, in one place: the profile file (where the units' bindings
 * to roles and counters belong) and the unit ids the suite starts.
 */
final class ChaosSite {

    /** The office profile; its site id is the MQTT site. */
    static final Path PROFILE = Path.of("src/test/resources/chaos/office.json").toAbsolutePath();
    static final Office OFFICE = OfficeLoader.load(PROFILE);

    static final String KIOSK = "kiosk-01";
    /** The kiosk's service keys: each is served by at least one of the counters below. */
    static final List<String> KIOSK_SERVICES = List.of("HT", "CT", "DD");
    /** Counter unit id → the counter it stands at. */
    static final Map<String, Integer> COUNTERS = Map.of("counter-01", 1, "counter-02", 2, "counter-03", 3);
    /**
     * The unit the suite kills with SIGKILL ({@link ChaosKeypad}): the satisfaction keypad of counter 3 in a JVM of
     * its own, bound to that counter in the profile.
     */
    static final String KEYPAD = "keypad-03";
    static final int KEYPAD_COUNTER = 3;
    /** Every unit id in this JVM, kiosk first, counters in order. */
    static final List<String> UNITS = List.of(KIOSK, "counter-01", "counter-02", "counter-03");

    private ChaosSite() {
    }

    static String site() {
        return OFFICE.id();
    }

    /** The staff code the officer at {@code counter} signs in with. */
    static String officer(int counter) {
        return "cb." + counter;
    }
}
