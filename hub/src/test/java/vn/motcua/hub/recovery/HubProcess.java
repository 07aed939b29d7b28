package vn.motcua.hub.recovery;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The hub as a real child JVM ({@code vn.motcua.hub.HubMain} on this test's class path), so that a test can kill it
 * the way the operating system would: SIGKILL, no shutdown hook, no flush. Its stdout and stderr go to a log file
 * whose tail goes into failure messages.
 */
public final class HubProcess implements AutoCloseable {

    /** What {@link Process#exitValue()} reports for a process killed by SIGKILL (128 + 9). */
    public static final int KILLED_BY_SIGKILL = 137;

    private final String name;
    private final Process process;
    private final Path log;
    private final long startedNanos;
    private final Instant startedAt;

    private HubProcess(String name, Process process, Path log, long startedNanos, Instant startedAt) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
        this.startedAt = startedAt;
    }

    /**
     * This JVM's class path with every directory entry (the modules' {@code target/classes}) copied under
     * {@code into}, so that the hub's JVMs run the classes this test was built with even if a build in the same
     * working tree recompiles them while the test runs. Jars are used where they are.
     */
    public static String frozenClassPath(Path into) throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.isDirectory(source)) {
                entries.add(entry);
                continue;
            }
            Path target = into.resolve(String.valueOf(n++));
            try (Stream<Path> tree = Files.walk(source)) {
                for (Path file : (Iterable<Path>) tree::iterator) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            entries.add(target.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Launches {@code HubMain} on an external broker, web on a free loopback port; returns at once. */
    public static HubProcess start(String name, String classPath, Path office, Path dataDir, String brokerUrl, Path log)
            throws IOException {
        return start(name, classPath, office, dataDir, List.of("--broker", brokerUrl), log);
    }

    /**
     * Launches {@code HubMain} with {@code brokerArgs} (e.g. {@code --broker URL}, or {@code --mqtt-port N} for its
     * embedded broker), web on a free loopback port; returns at once.
     */
    public static HubProcess start(String name, String classPath, Path office, Path dataDir, List<String> brokerArgs,
                                   Path log) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java,
                "-cp", classPath,
                "-Xmx256m",
                "-Djava.io.tmpdir=" + dataDir.getParent(),
                "vn.motcua.hub.HubMain",
                "--office", office.toString(),
                "--data", dataDir.toString(),
                "--http-host", "127.0.0.1",
                "--http-port", "0"));
        command.addAll(brokerArgs);
        Files.createDirectories(log.getParent());
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new HubProcess(name, process, log, started, startedAt);
    }

    public long startedNanos() {
        return startedNanos;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Fails with the log's tail if the hub has exited by itself (a crash at start, a refused config…). */
    public void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError(name + " (pid " + process.pid() + ") exited by itself with status "
                    + process.exitValue() + "\n" + tail());
        }
    }

    /** Sends SIGKILL (what {@link Process#destroyForcibly()} does on Linux) and returns at once. */
    public void sendKill() {
        process.destroyForcibly();
    }

    /**
     * Sends {@code signal} (e.g. {@code STOP}, {@code CONT}: a process frozen by a debugger, swap or an overloaded host)
     * to {@code pid} with kill(1).
     */
    public static void signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    /** SIGKILL if not sent yet; waits for the end and returns the exit status. */
    public int killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " (pid " + process.pid() + ") still runs 15 s after SIGKILL\n" + tail());
        }
        return process.exitValue();
    }

    /**
     * When the hub reached each step of its start, in milliseconds after the JVM was launched, from the timestamps
     * of its log lines: e.g. {@code connected to broker +1650 ms, taking requests +1900 ms, up +2400 ms}.
     */
    public String milestones() {
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("connected to broker", "connected to broker");
        steps.put("taking requests", "taking requests");
        steps.put("is up", "up");
        List<String> reached = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                for (var step : steps.entrySet()) {
                    if (line.contains(step.getKey()) && line.indexOf(' ') > 0) {
                        try {
                            Instant at = OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant();
                            reached.add(step.getValue() + " +" + Duration.between(startedAt, at).toMillis() + " ms");
                        } catch (DateTimeParseException notATimestamp) {
                            // a line without the logger's timestamp: not a milestone
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
        return String.join(", ", reached);
    }

    /**
     * The hub's web address once it has logged that it is up (its units' requests are taken by then), from the
     * line {@code hub for … is up: broker …, web http://127.0.0.1:PORT/}; empty before.
     */
    public Optional<URI> web() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.contains(" is up: "))
                    .map(line -> URI.create(line.substring(line.indexOf("web http://") + "web ".length()).strip()))
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // no log yet
        }
    }

    /** The last lines of the hub's output, for failure messages. */
    public String tail() {
        return tail(60);
    }

    public String tail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "---- " + name + ": no log at " + log + " ----";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return "---- last " + last.size() + " of " + all.size() + " lines of " + log + " (" + name + ", pid "
                    + process.pid() + (process.isAlive() ? ", running" : ", exit " + process.exitValue()) + ") ----\n"
                    + String.join("\n", last) + "\n---- end of " + name + " ----";
        } catch (IOException | UncheckedIOException e) {
            return "---- " + name + ": cannot read " + log + ": " + e + " ----";
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    /** Makes sure the child is gone, even when the test failed half way. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            process.waitFor(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
