package vn.motcua.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker process for integration tests, on a free loopback port, configured as we ship it
 * (TCP_NODELAY on, large packets allowed so oversize requests reach the hub). Absent Mosquitto is a failure with
 * instructions, never a silent skip.
 */
public final class Mosquitto implements AutoCloseable {

    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto"),
            Path.of("/usr/local/sbin/mosquitto"), Path.of("/usr/local/bin/mosquitto"));

    private final Process process;
    private final int port;
    private final Path log;

    private Mosquitto(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Mosquitto in {@code workDir} and waits until it accepts connections. */
    public static Mosquitto start(Path workDir) throws IOException {
        return start(workDir, true);
    }

    /**
     * As {@link #start(Path)}, choosing {@code set_tcp_nodelay}; {@code false} (Mosquitto's default, Nagle on) is
     * only for the benchmark that shows what TCP_NODELAY is worth (docs/benchmarks.md).
     */
    public static Mosquitto start(Path workDir, boolean tcpNoDelay) throws IOException {
        return start(workDir, freePort(), tcpNoDelay);
    }

    /**
     * As {@link #start(Path)}, on {@code port}: a broker started again on the port of one that was stopped is, to its
     * clients, the same broker restarted — without persistence, as Mosquitto runs by default, so with no retained
     * message and no session left.
     */
    public static Mosquitto start(Path workDir, int port) throws IOException {
        return start(workDir, port, true);
    }

    private static Mosquitto start(Path workDir, int port, boolean tcpNoDelay) throws IOException {
        return start(workDir, List.of(
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "set_tcp_nodelay " + tcpNoDelay,
                "persistence false",
                "max_inflight_messages 0",
                "max_queued_messages 10000",
                "log_dest stdout"), List.of(port));
    }

    /**
     * Starts Mosquitto in {@code workDir} with {@code configLines} as its whole configuration (listeners, security:
     * the caller's) and waits until every one of {@code ports} accepts connections; {@link #port()} is the first.
     */
    public static Mosquitto start(Path workDir, List<String> configLines, List<Integer> ports) throws IOException {
        Path binary = CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElseThrow(() ->
                new IllegalStateException("mosquitto is not installed; integration tests need a real broker. "
                        + "Install it with: sudo apt-get install -y mosquitto"));
        Files.createDirectories(workDir);
        Path config = workDir.resolve("mosquitto.conf");
        Path log = workDir.resolve("mosquitto.log");
        Files.writeString(config, String.join("\n", configLines) + "\n");
        Process process = new ProcessBuilder(binary.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Mosquitto broker = new Mosquitto(process, ports.getFirst(), log);
        for (int port : ports) {
            broker.awaitListening(port, Duration.ofSeconds(10));
        }
        return broker;
    }

    /** A loopback port nobody listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The broker's process id, e.g. to send it SIGHUP (reload password and ACL files). */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    private void awaitListening(int port, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited at start: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // poll the port; the broker starts in ~50 ms
            }
        }
        close();
        throw new IllegalStateException("mosquitto did not listen on " + port + " within " + timeout + ": "
                + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
