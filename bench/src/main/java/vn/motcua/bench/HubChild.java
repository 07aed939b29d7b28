package vn.motcua.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hub as production runs it: {@code vn.motcua.hub.HubMain} in a JVM of its own, from {@code hub/target/classes}
 * and {@code hub/target/classpath.txt} as {@code ./motcua hub} does, with the JVM flags of the setting measured. Its
 * output goes to a log file; each line is also time-stamped by this process as it arrives, so the start's milestones
 * ("taking requests", "is up") are known to the millisecond on this process's clock, whatever the log's format.
 */
final class HubChild implements AutoCloseable {

    /** What {@code ./motcua hub} passes on a JDK ≥ 24: its {@code JVM_FLAGS} and {@code HUB_JAVA_OPTS}. */
    static final List<String> LAUNCHER_FLAGS = List.of("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow", "-XX:+UseSerialGC", "-Xmx256m");
    static final String TAKING_REQUESTS = "taking requests";
    static final String UP = " is up: ";

    private final Process process;
    private final long launchedNanos;
    private final Map<String, Long> milestones = new ConcurrentHashMap<>();
    private final Thread reader;

    private HubChild(Process process, long launchedNanos, Path log) throws IOException {
        this.process = process;
        this.launchedNanos = launchedNanos;
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
        this.reader = Thread.ofPlatform().daemon().name("hub-child-log").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); out) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    long now = System.nanoTime();
                    for (String step : List.of(TAKING_REQUESTS, UP)) {
                        if (line.contains(step)) {
                            milestones.putIfAbsent(step, now);
                        }
                    }
                    out.println(line);
                }
            } catch (IOException e) {
                // the child is gone; its log ends here
            }
        });
    }

    /** The hub's class path as {@code ./motcua hub} builds it. */
    static String classPath(Path root) throws IOException {
        Path list = root.resolve("hub/target/classpath.txt");
        if (!Files.isRegularFile(list)) {
            throw new IllegalStateException("no " + list + ": build with dependency:build-classpath (docs/benchmarks.md)");
        }
        return root.resolve("hub/target/classes") + File.pathSeparator + Files.readString(list).strip();
    }

    /**
     * The JVM flags of the hub's systemd unit (its {@code JAVA_OPTS} line in {@code systemd/motcua-hub.service}), so
     * that the bench measures what an installed hub runs.
     */
    static List<String> systemdFlags(Path root) throws IOException {
        Path unit = root.resolve("systemd/motcua-hub.service");
        for (String line : Files.readAllLines(unit)) {
            int at = line.indexOf("JAVA_OPTS=");
            if (line.startsWith("Environment=") && at >= 0) {
                String flags = line.substring(at + "JAVA_OPTS=".length()).replace("\"", "").strip();
                return List.of(flags.split("\\s+"));
            }
        }
        throw new IllegalStateException(unit + " has no JAVA_OPTS line");
    }

    /** Launches HubMain on {@code brokerUrl} (web on a free loopback port) and returns at once. */
    static HubChild launch(String java, List<String> flags, String classPath, Path office, Path data, String brokerUrl,
                           Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(flags);
        command.addAll(List.of("-cp", classPath, "vn.motcua.hub.HubMain", "--office", office.toString(), "--data",
                data.toString(), "--broker", brokerUrl, "--http-host", "127.0.0.1", "--http-port", "0"));
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new HubChild(process, launched, log);
    }

    /**
     * Writes {@code profile} with the bench's units bound ({@code kiosks} as kiosks, each of {@code counterUnits} to
     * its counter; the profile's staff kept) and, with {@code raiseLimits}, the per-unit budget out of reach (the
     * bench's units send faster than people do on purpose; the budget has its own bench). Returns the new file.
     */
    static Path profile(Path profile, Path dir, List<String> kiosks, Map<String, Integer> counterUnits,
                        boolean raiseLimits) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(profile.toFile());
        ArrayNode units = root.putArray("units");
        kiosks.forEach(id -> units.addObject().put("id", id).putArray("roles").add("KIOSK"));
        counterUnits.forEach((id, counter) -> {
            ObjectNode unit = units.addObject().put("id", id);
            unit.putArray("roles").add("COUNTER");
            unit.putArray("counters").add(counter);
        });
        if (raiseLimits) {
            ObjectNode rules = root.has("rules") ? (ObjectNode) root.get("rules") : root.putObject("rules");
            rules.put("unitRequestsPerSecond", 100_000);
            rules.put("unitRequestBurst", 100_000);
            rules.put("unitTicketsPerMinute", 100_000);
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-" + profile.getFileName());
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        return file;
    }

    long pid() {
        return process.pid();
    }

    long launchedNanos() {
        return launchedNanos;
    }

    /** When the log said {@code step}, in nanoseconds after the launch; -1 before. */
    long milestone(String step) {
        Long at = milestones.get(step);
        return at == null ? -1 : at - launchedNanos;
    }

    /** Waits (bounded) for the "is up" line; fails if the hub exits or takes longer than {@code seconds}. */
    void awaitUp(double seconds, Path log) throws IOException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (milestone(UP) < 0) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the hub " + (process.isAlive() ? "was not up within " + seconds + " s"
                        : "exited with status " + process.exitValue()) + "; log tail:\n" + tail(log));
            }
            LockSupport.parkNanos(5_000_000L);
        }
    }

    /** {@code VmRSS} and {@code VmHWM} of the child from /proc, in kB: {rss, hwm}. */
    long[] memoryKb() throws IOException {
        long rss = -1;
        long hwm = -1;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            } else if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return new long[] {rss, hwm};
    }

    /** CPU time the child has used so far, in nanoseconds (0 when unknown). */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** SIGKILL, as the kernel's OOM killer or a power cut would end it; waits for the end. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the hub still runs 15 s after SIGKILL");
        }
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** SIGTERM (the hub stops cleanly), SIGKILL after 15 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(15, TimeUnit.SECONDS);
            }
        }
        reader.join(5_000);
    }
}
