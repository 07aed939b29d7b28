package vn.motcua.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import vn.motcua.hub.site.Bindings;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.protocol.message.Role;

/**
 * What every benchmark needs around it: the repository root, a scratch directory on the repository's disk, the office
 * profile, the machine description printed with the results, and a few argument helpers.
 */
final class BenchEnv {

    static final String OFFICE_FILE = "config/offices/district-office.json";

    private BenchEnv() {
    }

    /**
     * The repository root: {@code -Dmotcua.root}, else the first directory holding the office profile walking up from
     * the working directory, else from where this class was loaded ({@code bench/target/classes}).
     */
    static Path repoRoot() {
        String property = System.getProperty("motcua.root");
        if (property != null) {
            return checkedRoot(Path.of(property).toAbsolutePath().normalize());
        }
        Optional<Path> fromCwd = findUp(Path.of("").toAbsolutePath());
        if (fromCwd.isPresent()) {
            return fromCwd.get();
        }
        try {
            Path classes = Path.of(BenchEnv.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return findUp(classes).orElseThrow(() -> new IllegalStateException("cannot find the motcua repository (no "
                    + OFFICE_FILE + " above " + Path.of("").toAbsolutePath() + " or " + classes
                    + "); run from the repository or pass -Dmotcua.root=DIR"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> findUp(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(OFFICE_FILE)) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Path checkedRoot(Path root) {
        if (!Files.isRegularFile(root.resolve(OFFICE_FILE))) {
            throw new IllegalStateException("-Dmotcua.root=" + root + " has no " + OFFICE_FILE);
        }
        return root;
    }

    static Office office(Path root) {
        return OfficeLoader.load(root.resolve(OFFICE_FILE));
    }

    /**
     * {@code office} with exactly the bench's units bound (the hub refuses others, and checking them is part of what
     * is measured): {@code kiosks} as kiosks, each of {@code counterUnits} to its counter; the profile's staff.
     */
    static Office binding(Office office, List<String> kiosks, Map<String, Integer> counterUnits) {
        List<Bindings.Unit> units = new ArrayList<>();
        kiosks.forEach(id -> units.add(new Bindings.Unit(id, Set.of(Role.KIOSK), Set.of())));
        counterUnits.forEach((id, counter) -> units.add(new Bindings.Unit(id, Set.of(Role.COUNTER), Set.of(counter))));
        List<Bindings.Officer> staff = office.bindings().map(b -> List.copyOf(b.staff().values())).orElse(List.of());
        return office.withBindings(Bindings.of(units, staff));
    }

    /**
     * A new scratch directory under {@code bench/target/bench-tmp/}: on the repository's disk (the SQLite fsync is
     * part of what is measured, so it must not land on a tmpfs), removed by {@link #deleteTree}.
     */
    static Path scratch(Path root, String name) throws IOException {
        Path base = root.resolve("bench/target/bench-tmp");
        Files.createDirectories(base);
        return Files.createTempDirectory(base, name + "-");
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("bench: could not remove " + dir + ": " + e);
        }
    }

    /** Date, machine, JDK, OS and the disk holding {@code dir}, as lines for the report. */
    static List<String> machine(Path dir) {
        String disk;
        try {
            FileStore store = Files.getFileStore(dir);
            disk = store.name() + " (" + store.type() + ")" + rotational(store.name());
        } catch (IOException e) {
            disk = "unknown (" + e.getMessage() + ")";
        }
        return List.of(
                "date (UTC)   " + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)
                        .withNano(0)),
                "cpu          " + Runtime.getRuntime().availableProcessors() + " × " + cpuModel(),
                "memory       " + memTotal(),
                "jdk          " + System.getProperty("java.vm.name") + " " + Runtime.version() + " ("
                        + System.getProperty("java.vendor") + ")",
                "os           " + osName() + ", kernel " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                "scratch dir  " + dir + " on " + disk);
    }

    private static String cpuModel() {
        return grep(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
    }

    private static String memTotal() {
        return grep(Path.of("/proc/meminfo"), "MemTotal").map(v -> {
            String kb = v.replaceAll("[^0-9]", "");
            return kb.isEmpty() ? v : String.format("%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0);
        }).orElse("unknown");
    }

    private static String osName() {
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).findFirst()
                    .orElse(System.getProperty("os.name"));
        } catch (IOException e) {
            return System.getProperty("os.name");
        }
    }

    /** ", rotational" / ", non-rotational" as the kernel reports it for a /dev/X device, when it can be read. */
    private static String rotational(String device) {
        if (!device.startsWith("/dev/")) {
            return "";
        }
        Path flag = Path.of("/sys/block", device.substring("/dev/".length()).replaceAll("p?[0-9]+$", ""),
                "queue/rotational");
        try {
            boolean spinning = Files.readString(flag).trim().equals("1");
            return spinning ? ", kernel says rotational" : ", kernel says non-rotational";
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static Optional<String> grep(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    // ---- arguments: --name value and --flag -------------------------------------------------------------------

    static int intArg(String[] args, String name, int fallback) {
        return value(args, name).map(Integer::parseInt).orElse(fallback);
    }

    static double doubleArg(String[] args, String name, double fallback) {
        return value(args, name).map(Double::parseDouble).orElse(fallback);
    }

    static String stringArg(String[] args, String name, String fallback) {
        return value(args, name).orElse(fallback);
    }

    static boolean flag(String[] args, String name) {
        return List.of(args).contains(name);
    }

    private static Optional<String> value(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }

    static void rejectUnknown(String[] args, List<String> valued, List<String> flags) {
        for (int i = 0; i < args.length; i++) {
            if (valued.contains(args[i])) {
                i++;
            } else if (!flags.contains(args[i])) {
                throw new IllegalArgumentException("unknown argument " + args[i] + "; options: " + valued
                        + " (with a value), " + flags);
            }
        }
    }
}
