package vn.motcua.provisioning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import vn.motcua.device.config.UnitConfig;
import vn.motcua.protocol.message.Role;

/**
 * The per-unit JVM flags the systemd unit reads from {@code /etc/motcua/<id>.env} ({@code UNIT_JAVA_OPTS}), written
 * next to the config. A unit without the KIOSK role runs interpreted ({@code -Xint}): a counter or hall unit handles a
 * few small messages a minute, and without the JIT it needs ≈ 4 MB less memory (P5 in docs/benchmarks.md), which is
 * what brings a counter unit under 64 MB. A kiosk keeps the JIT: it renders every ticket as an image.
 */
final class JvmOptions {

    private JvmOptions() {
    }

    /** The flags for {@code config}'s roles; empty for a kiosk. */
    static String of(UnitConfig config) {
        return config.hasRole(Role.KIOSK) ? "" : "-Xint";
    }

    /** Writes {@code <config file without .json>.env} and returns a line for the summary. */
    static String write(UnitConfig config, Path configFile) throws IOException {
        String name = configFile.getFileName().toString().replaceFirst("\\.json$", "") + ".env";
        Path file = configFile.resolveSibling(name);
        String flags = of(config);
        Files.writeString(file, "# JVM flags for this unit only, read by motcua-device@.service (docs/operations.md)\n"
                + "UNIT_JAVA_OPTS=" + flags + "\n", StandardCharsets.UTF_8);
        return String.format("  %-8s %s%n", "jvm", file + (flags.isEmpty() ? " (no extra flags)" : ": " + flags
                + " (no JIT: a light unit, ≈ 4 MB less memory)"));
    }
}
