package vn.motcua.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.motcua.hub.site.Office;
import vn.motcua.testkit.Mosquitto;

/**
 * P5 for the hub: the resident memory of a hub started as production starts it ({@code HubMain} in a JVM of its own)
 * on a real Mosquitto, first idle with no unit connected (the baseline), then with P1's 100 units following their
 * retained state (and the hub's presence) under P1's load of 50 requests a second. RSS is {@code VmRSS} of the hub's
 * process, read from /proc every second; {@code VmHWM} is its peak since launch. Each setting of JVM flags is its own
 * hub on a new data directory, one after the other in the same run: the launcher's ({@code ./motcua hub}: no heap
 * limit) and the systemd unit's.
 *
 * <pre>options: --devices 100 --counter-devices 20 --rate 50 --issue-share 0.5 --idle-seconds 20
 *          --warmup-seconds 20 --seconds 45 --only launcher|systemd</pre>
 */
public final class HubFootprintBench {

    private static final List<String> OPTIONS = List.of("--devices", "--counter-devices", "--rate", "--issue-share",
            "--idle-seconds", "--warmup-seconds", "--seconds", "--only");
    private static final long TARGET_KB = 256 * 1024;

    private record Setting(String name, List<String> flags) {
    }

    private HubFootprintBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchEnv.rejectUnknown(args, OPTIONS, List.of());
        int devices = BenchEnv.intArg(args, "--devices", 100);
        int counterDevices = BenchEnv.intArg(args, "--counter-devices", 20);
        double rate = BenchEnv.doubleArg(args, "--rate", 50);
        double issueShare = BenchEnv.doubleArg(args, "--issue-share", 0.5);
        int idleSeconds = BenchEnv.intArg(args, "--idle-seconds", 20);
        int warmupSeconds = BenchEnv.intArg(args, "--warmup-seconds", 20);
        int seconds = BenchEnv.intArg(args, "--seconds", 45);
        String only = BenchEnv.stringArg(args, "--only", "");
        if (devices < 2 || devices > 500 || counterDevices < 1 || counterDevices >= devices || rate <= 0 || rate > 500
                || idleSeconds < 1 || idleSeconds > 120 || warmupSeconds < 0 || warmupSeconds > 120 || seconds < 1
                || seconds > 300) {
            throw new IllegalArgumentException("devices 2-500, counter-devices 1..devices-1, rate (0, 500], "
                    + "idle-seconds 1-120, warmup-seconds 0-120, seconds 1-300");
        }
        Path root = BenchEnv.repoRoot();
        Office office = BenchEnv.office(root);
        Path scratch = BenchEnv.scratch(root, "hub-footprint");
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = HubChild.classPath(root);
        List<Setting> settings = new ArrayList<>();
        if (!only.equals("systemd")) {
            settings.add(new Setting("launcher (./motcua hub: " + String.join(" ", HubChild.LAUNCHER_FLAGS) + ")",
                    HubChild.LAUNCHER_FLAGS));
        }
        if (!only.equals("launcher")) {
            List<String> flags = HubChild.systemdFlags(root);
            settings.add(new Setting("systemd unit (" + String.join(" ", flags) + ")", flags));
        }
        try {
            System.out.println("# HubFootprintBench (P5 for the hub: RSS with 100 units on Mosquitto under P1's load)");
            BenchEnv.machine(scratch).forEach(l -> System.out.println("  " + l));
            System.out.printf("  load         %d units (%d kiosks, %d counter units), each its own Paho client following "
                    + "its retained state and hub/status; %.0f requests/s, %.0f%% ticket.issue%n", devices,
                    devices - counterDevices, counterDevices, rate, issueShare * 100);
            System.out.printf("  phases       per setting: hub idle %d s with no unit, then units, %d s warm-up, %d s "
                    + "measured (RSS every second)%n%n", idleSeconds, warmupSeconds, seconds);
            Path profile = HubChild.profile(root.resolve(BenchEnv.OFFICE_FILE), scratch,
                    Fleet.kioskIds(devices, counterDevices), Fleet.counterUnits(office, counterDevices), true);
            List<String> results = new ArrayList<>();
            try (Mosquitto mosquitto = Mosquitto.start(scratch.resolve("mosquitto"))) {
                int n = 0;
                for (Setting setting : settings) {
                    n++;
                    results.add(measure(setting, java, classPath, profile, scratch.resolve("hub-" + n), mosquitto,
                            office, new int[] {devices, counterDevices, idleSeconds, warmupSeconds, seconds}, rate,
                            issueShare));
                }
            }
            System.out.println();
            System.out.println("| setting | idle, no units: RSS MB | 100 units under load: RSS median MB | max MB | "
                    + "VmHWM at the end MB | target ≤ 256 MB |");
            System.out.println("|---|---:|---:|---:|---:|---|");
            results.forEach(System.out::println);
        } finally {
            BenchEnv.deleteTree(scratch);
        }
    }

    /** {@code shape}: devices, counter devices, idle s, warm-up s, measured s. */
    private static String measure(Setting setting, String java, String classPath, Path profile, Path dir,
                                  Mosquitto mosquitto, Office office, int[] shape, double rate, double issueShare)
            throws Exception {
        System.out.println("## " + setting.name());
        Path log = dir.resolve("hub.log");
        Files.createDirectories(dir);
        try (HubChild hub = HubChild.launch(java, setting.flags(), classPath, profile, dir.resolve("data"),
                mosquitto.url(), log)) {
            hub.awaitUp(60, log);
            System.out.printf("hub up in %.2f s (taking requests at %.2f s), pid %d%n", hub.milestone(HubChild.UP) / 1e9,
                    hub.milestone(HubChild.TAKING_REQUESTS) / 1e9, hub.pid());
            CpuWatch idleCpu = new CpuWatch();
            long idleStartCpu = hub.cpuNanos();
            long[] idle = new long[shape[2]];
            for (int s = 0; s < shape[2]; s++) {
                Thread.sleep(1_000); // a sampling period, not a wait for a condition
                idle[s] = hub.memoryKb()[0];
            }
            long idleKb = idle[idle.length - 1];
            System.out.printf("idle, no units: RSS %s MB after %d s (first sample %s MB); hub CPU %.2f cores; %s%n",
                    mb(idleKb), shape[2], mb(idle[0]), (hub.cpuNanos() - idleStartCpu) / 1e9 / shape[2],
                    idleCpu.summary());

            Samples rss = new Samples(shape[4] + 10);
            long[] peak = new long[1];
            try (Fleet fleet = new Fleet(office)) {
                long t0 = System.nanoTime();
                fleet.connect(mosquitto.url(), shape[0], shape[1]);
                fleet.signInEveryCounter();
                System.out.printf("%d units connected, subscribed, counters signed in: %.1f s; RSS %s MB%n", shape[0],
                        (System.nanoTime() - t0) / 1e9, mb(hub.memoryKb()[0]));
                int warm = (int) Math.round(shape[3] * rate);
                int measured = (int) Math.round(shape[4] * rate);
                CpuWatch loadCpu = new CpuWatch();
                long hubCpu0 = hub.cpuNanos();
                long state0 = fleet.stateMessages();
                long loadStart = System.nanoTime();
                fleet.run(rate, issueShare, warm, measured, 11, scheduledMeasured -> {
                    if (scheduledMeasured > 0) {
                        try {
                            long[] m = hub.memoryKb();
                            rss.add(m[0]);
                            peak[0] = Math.max(peak[0], m[1]);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                long[] end = hub.memoryKb();
                peak[0] = Math.max(peak[0], end[1]);
                long[] sorted = rss.sorted();
                long[] lat = fleet.latency().sorted();
                System.out.printf("under load: RSS median %s MB, min %s, max %s (%d samples), at the end %s MB; VmHWM "
                        + "%s MB; hub CPU %.2f cores%n", mb(Samples.percentile(sorted, 50)), mb(sorted[0]),
                        mb(sorted[sorted.length - 1]), sorted.length, mb(end[0]), mb(peak[0]),
                        (hub.cpuNanos() - hubCpu0) / 1e9 / loadSeconds);
                System.out.printf("answers (measured): %d, p50 %s ms, p99 %s ms, max %s ms; %s; retained state "
                        + "messages to the units %.0f/s%n", lat.length, Samples.ms(Samples.percentile(lat, 50)),
                        Samples.ms(Samples.percentile(lat, 99)), Samples.ms(Samples.percentile(lat, 100)),
                        fleet.outcomes(), (fleet.stateMessages() - state0) / loadSeconds);
                System.out.println("  CPU " + loadCpu.summary());
                long median = Samples.percentile(sorted, 50);
                long max = sorted[sorted.length - 1];
                System.out.println();
                return String.format("| %s | %s | **%s** | %s | %s | %s |", setting.name(), mb(idleKb), mb(median),
                        mb(max), mb(peak[0]), max <= TARGET_KB && peak[0] <= TARGET_KB ? "met" : "MISSED");
            }
        }
    }

    private static String mb(long kb) {
        return String.format("%.0f", kb / 1024.0);
    }
}
