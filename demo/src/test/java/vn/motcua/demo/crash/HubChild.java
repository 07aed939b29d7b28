package vn.motcua.demo.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The hub as a child JVM ({@code vn.motcua.hub.HubMain} on this test's class path), so that a test can do to it what
 * the operating system does: SIGKILL (no shutdown hook, no goodbye), SIGSTOP and SIGCONT (a process frozen by a
 * debugger, swap or an overloaded host). Output goes to a log file whose tail explains failures. The hub module's
 * {@code recovery.HubProcess} does the same for the hub's own tests, on an external broker only.
 */
final class HubChild implements AutoCloseable {

    private final Process process;
    private final Path log;

    private HubChild(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code HubMain} with the web server on a free loopback port and {@code brokerArgs}; returns at once. */
    static HubChild start(Path office, Path dataDir, List<String> brokerArgs, Path log) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                "vn.motcua.hub.HubMain", "--office", office.toString(), "--data", dataDir.toString(),
                "--http-host", "127.0.0.1", "--http-port", "0"));
        command.addAll(brokerArgs);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())) // a file: a full pipe would stall it
                .start();
        return new HubChild(process, log);
    }

    /** The web address once the hub has logged that it is up (it takes requests by then); empty before. */
    Optional<URI> web() {
        if (!process.isAlive()) {
            throw new AssertionError("the hub exited by itself with status " + process.exitValue() + "\n" + tail());
        }
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.contains(" is up: "))
                    .reduce((first, last) -> last)
                    .map(line -> URI.create(line.substring(line.indexOf("web http://") + "web ".length()).strip()));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // no log yet
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            throw new AssertionError("the hub still runs 15 s after SIGKILL\n" + tail());
        }
    }

    long pid() {
        return process.pid();
    }

    /** Sends {@code signal} (e.g. STOP, CONT) to {@code pid} with kill(1). */
    static void signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "---- last lines of " + log + " ----\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** Makes sure the child is gone, even when a test failed while it was stopped. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor(15, TimeUnit.SECONDS); // SIGKILL ends a stopped process too
    }
}
