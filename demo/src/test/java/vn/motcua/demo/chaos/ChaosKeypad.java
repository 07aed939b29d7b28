package vn.motcua.demo.chaos;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import vn.motcua.device.store.Outbox;

/**
 * The suite's one unit that dies by a real {@code kill -9}: {@link KeypadChild} in a child JVM, whose only job is
 * the durable traffic of a counter (the citizens' ratings at {@link ChaosSite#KEYPAD_COUNTER}, stored in its outbox
 * and sent to the hub), reaching the broker through its own {@link TcpProxy}. Its fault is a silent network
 * ({@link #silence()}: ratings pile up in its outbox, the first one sent and unanswered), then {@link #killAndRestart()}:
 * SIGKILL (no shutdown hook, SQLite and Paho files left as they were), what the network held let through, and a new
 * life on the same data directory, which must resend what the hub did not take, and only that. Each life writes its
 * own log, read at the end for
 * what the keypad thanked for ({@code STORED}: exactly once at the hub) and what it was cut off from confirming
 * ({@code PRESSED} only: at most once).
 *
 * <p>Threads: killed and restarted by its fault thread, pressed by the morning thread; synchronized.
 */
final class ChaosKeypad implements AutoCloseable {

    private final String java;
    private final String classPath;
    private final TcpProxy proxy;
    private final Path dataDir;
    private final Path logs;
    private final List<Path> lives = new ArrayList<>();
    private Process process;

    private ChaosKeypad(String classPath, TcpProxy proxy, Path dataDir, Path logs) {
        this.java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        this.classPath = classPath;
        this.proxy = proxy;
        this.dataDir = dataDir;
        this.logs = logs;
    }

    /**
     * Starts the first life behind a new proxy to the broker on {@code brokerPort} and waits until it is connected, so
     * that its JVM's start does not compete with the morning for the CPU.
     */
    static ChaosKeypad start(String classPath, int brokerPort, Path dataDir, Path logs) throws IOException {
        ChaosKeypad keypad = new ChaosKeypad(classPath, TcpProxy.start(ChaosSite.KEYPAD, brokerPort), dataDir, logs);
        keypad.startLife();
        Path firstLife = keypad.lives.getFirst();
        await(ChaosSite.KEYPAD + " connected").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.readString(firstLife, StandardCharsets.UTF_8).contains("CONNECTED"));
        return keypad;
    }

    /** The unit's network goes silent without closing anything. */
    void silence() {
        proxy.hold();
    }

    /**
     * SIGKILL, then the network back (what it held flows on: a publish the dead unit made may still reach the
     * broker), then a new life; returns what the fault log says: the exit status and what the outbox held.
     */
    synchronized String killAndRestart() throws InterruptedException, IOException {
        Process dying = process;
        process = null;
        dying.destroyForcibly(); // SIGKILL on Linux
        if (!dying.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(ChaosSite.KEYPAD + " did not die within 10 s of SIGKILL");
        }
        String killed = "SIGKILL of its JVM, exit " + dying.exitValue() + ", " + outboxDepth()
                + " rating(s) left in its outbox; network back; a new life on the same data directory";
        proxy.release();
        startLife();
        return killed;
    }

    private void startLife() throws IOException {
        Files.createDirectories(logs);
        Path log = logs.resolve(ChaosSite.KEYPAD + "-life-" + (lives.size() + 1) + ".log");
        lives.add(log);
        process = new ProcessBuilder(java, "-cp", classPath, KeypadChild.class.getName(), proxy.url(),
                ChaosSite.site(), dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()) // a file, not a pipe: a full pipe would stall the unit's logging
                .start();
    }

    /** A citizen presses {@code level} for {@code ticket}; nothing happens if the unit is dead. */
    synchronized void rate(String ticket, String level) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            OutputStream keys = process.getOutputStream();
            keys.write((ticket + " " + level + "\n").getBytes(StandardCharsets.US_ASCII));
            keys.flush();
        } catch (IOException e) {
            // the unit died under the citizen's finger: the press never reached it, its log says so
        }
    }

    /** Ratings stored in the unit's outbox and not yet taken by the hub. */
    int outboxDepth() {
        try (Outbox outbox = Outbox.open(dataDir.resolve("outbox.db"))) {
            return outbox.depth();
        }
    }

    /**
     * Writes into {@code ledger} every rating the keypad thanked for, and every one it was cut off from confirming;
     * returns a line saying how many of each over how many lives.
     */
    String report(Ledger ledger) throws IOException {
        Set<String> stored = new HashSet<>();
        List<String> pressed = new ArrayList<>();
        for (Path life : lives) {
            for (String line : Files.readAllLines(life, StandardCharsets.UTF_8)) {
                if (line.startsWith("STORED ")) {
                    stored.add(line.substring("STORED ".length()));
                } else if (line.startsWith("PRESSED ")) {
                    pressed.add(line.substring("PRESSED ".length()));
                }
            }
        }
        for (String press : pressed) {
            String[] words = press.split(" ");
            // The child's log keeps no times, and the ratings check needs none.
            Ledger.Rated rated = new Ledger.Rated(ChaosSite.KEYPAD, ChaosSite.KEYPAD_COUNTER, words[0], words[1],
                    Instant.EPOCH);
            if (stored.contains(press)) {
                ledger.rated(rated);
            } else {
                ledger.ratedUnconfirmed(rated);
            }
        }
        return ChaosSite.KEYPAD + ": " + stored.size() + " rating(s) thanked for, " + (pressed.size() - stored.size())
                + " pressed and cut off by a kill, over " + lives.size() + " JVM lives";
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
        proxy.close();
    }
}
