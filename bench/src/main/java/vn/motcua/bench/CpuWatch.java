package vn.motcua.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How busy the machine was while a benchmark ran, so a result taken next to someone else's build can be recognised:
 * CPU used by this process, by its child processes (Mosquitto) and by everything else (from {@code /proc/stat}), in
 * cores. Linux only for the machine-wide part; elsewhere that part reads 0.
 */
final class CpuWatch {

    /** Other processes using more than this many cores make a result suspect. */
    static final double BUSY_CORES = 0.25;

    private final long wall0 = System.nanoTime();
    private final long own0 = ownCpuNanos();
    private final long children0 = childrenCpuNanos();
    private final long[] system0 = systemJiffies();

    /** Cores used by processes other than this one and its children since construction (0 when unknown). */
    double othersCores() {
        double wall = seconds();
        long[] system1 = systemJiffies();
        if (system0.length == 0 || system1.length == 0) {
            return 0;
        }
        double busy = (system1[0] - system0[0]) / 100.0 / wall; // /proc/stat counts USER_HZ = 1/100 s
        return Math.max(0, busy - ownCores() - childrenCores());
    }

    String summary() {
        double others = othersCores();
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (IOException e) {
            load = "?";
        }
        return String.format("over %.0f s: this JVM %.2f cores, its child processes (Mosquitto) %.2f, other processes "
                + "%.2f; 1-min load average %s%s", seconds(), ownCores(), childrenCores(), others, load,
                others > BUSY_CORES
                        ? "  ** WARNING: the machine was busy with other work; numbers are not representative **" : "");
    }

    private double seconds() {
        return (System.nanoTime() - wall0) / 1e9;
    }

    private double ownCores() {
        return (ownCpuNanos() - own0) / 1e9 / seconds();
    }

    private double childrenCores() {
        return (childrenCpuNanos() - children0) / 1e9 / seconds();
    }

    private static long ownCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static long childrenCpuNanos() {
        return ProcessHandle.current().descendants().mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos)
                .orElse(0L)).sum();
    }

    /** {busy jiffies (user+nice+system+irq+softirq+steal)} of the whole machine, or empty. */
    private static long[] systemJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) {
                busy += Long.parseLong(f[i]);
            }
            return new long[] {busy};
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }
}
