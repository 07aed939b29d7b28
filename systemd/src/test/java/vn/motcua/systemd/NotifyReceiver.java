package vn.motcua.systemd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The receiving end of {@code NOTIFY_SOCKET}, as systemd holds it: a unix datagram socket bound by a python3 child
 * process (Java cannot bind one), which prints each datagram it receives in hex on its own line. Keeps every
 * datagram, exactly as received. Published in this module's test jar for the device and hub tests.
 */
public final class NotifyReceiver implements AutoCloseable {

    private static final String SCRIPT = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            name = sys.argv[1]
            s.bind("\\0" + name[1:] if name.startswith("@") else name)
            print("bound", flush=True)
            while True:
                print(s.recv(65536).hex(), flush=True)
            """;

    private final Process process;
    private final List<String> datagrams = new CopyOnWriteArrayList<>();

    private NotifyReceiver(Process process) {
        this.process = process;
    }

    /** Binds {@code socket} (a path, or {@code @name} in the abstract namespace) and returns once it is bound. */
    public static NotifyReceiver bind(String socket) throws IOException {
        Process process = new ProcessBuilder("python3", "-c", SCRIPT, socket).redirectErrorStream(true).start();
        NotifyReceiver receiver = new NotifyReceiver(process);
        CompletableFuture<Void> bound = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("notify-receiver").start(() -> receiver.read(bound));
        bound.orTimeout(10, TimeUnit.SECONDS).join();
        return receiver;
    }

    public static NotifyReceiver bind(Path socket) throws IOException {
        return bind(socket.toString());
    }

    /** Every datagram so far, decoded as UTF-8, oldest first. */
    public List<String> datagrams() {
        return List.copyOf(datagrams);
    }

    /** Waits until {@code expected} is among the datagrams received. */
    public void awaitDatagram(String expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> datagrams.contains(expected));
    }

    private void read(CompletableFuture<Void> bound) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("bound")) {
                    bound.complete(null);
                } else if (line.matches("[0-9a-f]*")) {
                    datagrams.add(new String(HexFormat.of().parseHex(line), StandardCharsets.UTF_8));
                } else {
                    bound.completeExceptionally(new IllegalStateException("python3 receiver: " + line));
                }
            }
            bound.completeExceptionally(new IllegalStateException("python3 receiver ended"));
        } catch (IOException e) {
            bound.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
