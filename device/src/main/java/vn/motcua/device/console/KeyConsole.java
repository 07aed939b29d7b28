package vn.motcua.device.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.Unit;
import vn.motcua.device.counter.StaffKey;
import vn.motcua.device.scan.SimulatedScanner;

/**
 * Simulated keys typed as lines: a service code presses that kiosk key ({@code HT}), a staff key name presses it
 * ({@code next}, {@code done}, {@code no-show}), {@code rate LEVEL} presses that satisfaction key (it rates the
 * ticket just served, under the keypad's window rule), {@code scan TEXT} scans TEXT with the simulated scanner (as if
 * a QR holding it had been read). Results are logged by the roles.
 * Runs on its own daemon thread; when the input ends (no terminal, as under systemd) it simply stops.
 */
public final class KeyConsole implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(KeyConsole.class);

    private final Unit unit;
    private final InputStream in;

    private KeyConsole(Unit unit, InputStream in) {
        this.unit = unit;
        this.in = in;
    }

    /** Starts reading {@code in} on a daemon thread named {@code keys-<deviceId>}. */
    public static Thread start(Unit unit, InputStream in) {
        return Thread.ofPlatform().name("keys-" + unit.config().deviceId()).daemon()
                .start(new KeyConsole(unit, in));
    }

    @Override
    public void run() {
        log.info("{}: type keys, one per line: {}", unit.config().deviceId(), usage());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                handle(line.strip());
            }
            log.info("{}: key input ended; keys now come only from the hardware", unit.config().deviceId());
        } catch (IOException e) {
            log.warn("{}: reading keys failed ({}); keys now come only from the hardware", unit.config().deviceId(),
                    e.toString());
        }
    }

    private void handle(String line) {
        if (line.isEmpty()) {
            return;
        }
        String[] words = line.split("\\s+");
        String first = words[0].toUpperCase(Locale.ROOT);
        Optional<StaffKey> staffKey = StaffKey.parse(first);
        if (first.equals("SCAN") && words.length > 1) {
            scan(line.substring(words[0].length()).strip());
        } else if (unit.kiosk().isPresent() && unit.config().services().contains(first)) {
            unit.kiosk().get().press(first);
        } else if (unit.counter().isPresent() && staffKey.isPresent() && words.length == 1) {
            unit.counter().get().press(staffKey.get());
        } else if (unit.counter().isPresent() && first.equals("RATE") && words.length == 2) {
            unit.counter().get().keypad().press(words[1].toUpperCase(Locale.ROOT));
        } else {
            log.warn("{}: no such key \"{}\"; keys: {}", unit.config().deviceId(), line, usage());
        }
    }

    /** Hands {@code text} to the simulated scanner, as if its QR had been scanned. */
    private void scan(String text) {
        if (unit.hardware().scanner() instanceof SimulatedScanner simulated) {
            simulated.scan(text);
        } else {
            log.warn("{}: this unit reads a real scanner; scan its QR instead of typing it", unit.config().deviceId());
        }
    }

    private String usage() {
        StringBuilder usage = new StringBuilder();
        unit.kiosk().ifPresent(k -> usage.append("service keys ").append(unit.config().services()));
        unit.counter().ifPresent(c -> usage.append(usage.isEmpty() ? "" : "; ")
                .append("staff keys next, recall, start, done, no-show, pause, resume; rate LEVEL, LEVEL one of ")
                .append(c.keypad().levels().stream().map(l -> l.code() + " (" + l.label() + ")").toList()));
        return usage.append("; scan TEXT").toString();
    }
}
