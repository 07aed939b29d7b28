package vn.motcua.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Two connected pseudo-terminals made by socat, standing in for a serial cable: the unit opens {@link #unitEnd()}
 * with jSerialComm as it would {@code /dev/ttyUSB0}; the test plays the printer on {@link #printerEnd()}.
 * Stopping socat is unplugging the cable; {@link #start()} again plugs it back under the same names.
 */
public final class PtyPair implements AutoCloseable {

    private static final Path SOCAT = Path.of("/usr/bin/socat");

    private final Path unitEnd;
    private final Path printerEnd;
    private Process socat;

    public PtyPair(Path dir) {
        this.unitEnd = dir.resolve("ttyUSB0");
        this.printerEnd = dir.resolve("printer");
    }

    public Path unitEnd() {
        return unitEnd;
    }

    public Path printerEnd() {
        return printerEnd;
    }

    public PtyPair start() throws IOException {
        assertThat(Files.isExecutable(SOCAT)).as("socat, the serial cable of these tests, is missing: "
                + "apt-get install -y socat").isTrue();
        socat = new ProcessBuilder(SOCAT.toString(), "pty,raw,echo=0,link=" + unitEnd,
                "pty,raw,echo=0,link=" + printerEnd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(unitEnd) && Files.exists(printerEnd));
        return this;
    }

    /** Unplugs: stops socat and waits until its links are gone. */
    public void unplug() throws IOException {
        socat.destroy();
        await().atMost(Duration.ofSeconds(5)).until(() -> !socat.isAlive());
        // socat removes its links when it ends; delete them regardless so a restart can make them again.
        Files.deleteIfExists(unitEnd);
        Files.deleteIfExists(printerEnd);
    }

    @Override
    public void close() throws IOException {
        if (socat != null && socat.isAlive()) {
            unplug();
        }
    }
}
