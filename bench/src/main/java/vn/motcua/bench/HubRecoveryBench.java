package vn.motcua.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import vn.motcua.hub.site.Office;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.topic.Topics;
import vn.motcua.testkit.Mosquitto;

/**
 * P6: from a hub killed with SIGKILL and started again (a JVM of its own, as production runs it) to every unit showing
 * the right state: each counter unit's retained counter state equal to what the hub had committed (the state in the
 * last answer it gave for that counter before the kill) and every unit's view of the hub's presence online again. The
 * units are real Paho clients on a real Mosquitto, connected throughout (the broker does not restart). Before each
 * kill the counters change state (next + start, or done) and the kiosk issues tickets; the kill follows the last
 * answer at once. Baseline in the same run: the hub's own start, launch to "taking requests".
 *
 * <pre>options: --restarts 7 --counter-units 20 (on the profile's 10 counters: counter-3, counter-3-b)</pre>
 */
public final class HubRecoveryBench {

    private static final List<String> OPTIONS = List.of("--restarts", "--counter-units");
    private static final long TARGET_NANOS = 5_000_000_000L;
    private static final long GIVE_UP_NANOS = 30_000_000_000L;

    private HubRecoveryBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchEnv.rejectUnknown(args, OPTIONS, List.of());
        int restarts = BenchEnv.intArg(args, "--restarts", 7);
        int counterUnits = BenchEnv.intArg(args, "--counter-units", 20);
        if (restarts < 1 || restarts > 50 || counterUnits < 1 || counterUnits > 100) {
            throw new IllegalArgumentException("restarts 1-50, counter-units 1-100");
        }
        Path root = BenchEnv.repoRoot();
        Office office = BenchEnv.office(root);
        Path scratch = BenchEnv.scratch(root, "hub-recovery");
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = HubChild.classPath(root);
        Map<String, Integer> counters = Fleet.counterUnits(office, counterUnits);
        String kioskId = RequestLatencyBench.kioskId(0);
        try {
            System.out.println("# HubRecoveryBench (P6: hub SIGKILL + restart → every unit shows the right state)");
            BenchEnv.machine(scratch).forEach(l -> System.out.println("  " + l));
            System.out.printf("  units        %d counter units on %d counters and 1 kiosk, real Paho clients following "
                    + "their counter's state (kiosk: services) and hub/status; hub flags: %s (./motcua hub)%n%n",
                    counterUnits, office.counters().size(), String.join(" ", HubChild.LAUNCHER_FLAGS));
            Path profile = HubChild.profile(root.resolve(BenchEnv.OFFICE_FILE), scratch, List.of(kioskId), counters, true);
            Path data = scratch.resolve("data");
            Path log = scratch.resolve("hub.log");
            List<long[]> rows = new ArrayList<>(); // {taking requests, up, all correct, slowest unit index}
            try (Mosquitto mosquitto = Mosquitto.start(scratch.resolve("mosquitto"))) {
                HubChild hub = HubChild.launch(java, HubChild.LAUNCHER_FLAGS, classPath, profile, data, mosquitto.url(),
                        log);
                hub.awaitUp(60, log);
                System.out.printf("first start (new database): taking requests %.2f s, up %.2f s after launch%n",
                        hub.milestone(HubChild.TAKING_REQUESTS) / 1e9, hub.milestone(HubChild.UP) / 1e9);
                Topics topics = Topics.forSite(office.id());
                List<FollowingUnit> units = new ArrayList<>();
                try {
                    units.add(new FollowingUnit(mosquitto.url(), topics, kioskId, 0));
                    for (var unit : counters.entrySet()) {
                        units.add(new FollowingUnit(mosquitto.url(), topics, unit.getKey(), unit.getValue()));
                    }
                    FollowingUnit kiosk = units.get(0);
                    Map<Integer, FollowingUnit> firstUnit = new LinkedHashMap<>();
                    units.stream().filter(u -> u.counter > 0).forEach(u -> firstUnit.putIfAbsent(u.counter, u));
                    Map<Integer, CounterState> expected = new HashMap<>();
                    List<CompletableFuture<Response>> signIns = new ArrayList<>();
                    for (var e : firstUnit.entrySet()) {
                        signIns.add(e.getValue().send(new RequestBody.CounterSignIn(e.getKey(), "cb." + e.getKey())));
                    }
                    record(signIns, expected);
                    for (int r = 1; r <= restarts; r++) {
                        changeEverything(r, kiosk, units, expected, office);
                        hub.kill();
                        long killed = System.nanoTime();
                        long offline = awaitAll(units, u -> !u.hubOnline(), killed);
                        hub = HubChild.launch(java, HubChild.LAUNCHER_FLAGS, classPath, profile, data, mosquitto.url(),
                                log);
                        long launched = hub.launchedNanos();
                        CpuWatch cpu = new CpuWatch();
                        long[] correctAt = new long[units.size()];
                        long deadline = launched + GIVE_UP_NANOS;
                        int left = units.size();
                        while (left > 0 && System.nanoTime() < deadline) {
                            for (int i = 0; i < units.size(); i++) {
                                if (correctAt[i] == 0 && correct(units.get(i), expected, launched)) {
                                    correctAt[i] = System.nanoTime() - launched;
                                    left--;
                                }
                            }
                            LockSupport.parkNanos(2_000_000L);
                        }
                        String cpuLine = cpu.summary(); // while the hub is alive: it counts as a child process
                        hub.awaitUp(30, log);
                        long republished = units.stream().filter(u -> u.counter > 0 && u.stateNanos() > launched).count();
                        int slowest = 0;
                        for (int i = 1; i < units.size(); i++) {
                            if (correctAt[i] == 0 || (correctAt[slowest] != 0 && correctAt[i] > correctAt[slowest])) {
                                slowest = i;
                            }
                        }
                        long all = left == 0 ? correctAt[slowest] : -1;
                        rows.add(new long[] {hub.milestone(HubChild.TAKING_REQUESTS), hub.milestone(HubChild.UP), all});
                        System.out.printf("restart %d: every unit saw the will (hub offline) %.0f ms after the kill; "
                                + "launch → taking requests %.2f s, → up %.2f s, → every unit correct %s (last: %s)%n",
                                r, (offline - killed) / 1e6, hub.milestone(HubChild.TAKING_REQUESTS) / 1e9,
                                hub.milestone(HubChild.UP) / 1e9, all < 0 ? "NEVER within 30 s" : String.format("%.2f s",
                                        all / 1e9), units.get(slowest).id);
                        System.out.printf("  counter units that received their state again from the new hub: %d of %d;"
                                + " CPU %s%n", republished, units.size() - 1, cpuLine);
                        if (left > 0) {
                            for (int i = 0; i < units.size(); i++) {
                                if (correctAt[i] == 0) {
                                    FollowingUnit u = units.get(i);
                                    System.out.printf("  %s: hub online %s, state %s, expected %s%n", u.id,
                                            u.hubOnline(), u.state().orElse(null), expected.get(u.counter));
                                }
                            }
                        }
                    }
                } finally {
                    units.forEach(FollowingUnit::close);
                    hub.close();
                }
            }
            report(rows);
        } finally {
            BenchEnv.deleteTree(scratch);
        }
    }

    /**
     * Round {@code r}: odd rounds call the next citizen at every counter and start serving them, even rounds finish;
     * the kiosk issues ten tickets first. The counter's state in the last answer becomes what the units must show.
     */
    private static void changeEverything(int r, FollowingUnit kiosk, List<FollowingUnit> units,
                                         Map<Integer, CounterState> expected, Office office) throws Exception {
        Workload load = new Workload(office, 1.0, r);
        List<CompletableFuture<Response>> issued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            issued.add(kiosk.send(load.issue().body()));
        }
        CompletableFuture.allOf(issued.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        // Alternate the counter's two units, as two desks of one counter would.
        Map<Integer, FollowingUnit> acting = new LinkedHashMap<>();
        units.stream().filter(u -> u.counter > 0).forEach(u -> {
            if (!acting.containsKey(u.counter) || r % 2 == 0) {
                acting.put(u.counter, u);
            }
        });
        if (r % 2 == 1) {
            List<CompletableFuture<Response>> next = new ArrayList<>();
            for (var e : acting.entrySet()) {
                next.add(e.getValue().send(new RequestBody.CounterNext(e.getKey())));
            }
            CompletableFuture.allOf(next.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        }
        List<CompletableFuture<Response>> last = new ArrayList<>();
        for (var e : acting.entrySet()) {
            last.add(e.getValue().send(r % 2 == 1 ? new RequestBody.CounterStart(e.getKey())
                    : new RequestBody.CounterDone(e.getKey(), Optional.empty())));
        }
        record(last, expected);
    }

    /** Waits for the answers; each counter's state in a successful one is what the hub committed. */
    private static void record(List<CompletableFuture<Response>> answers, Map<Integer, CounterState> expected)
            throws Exception {
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Response> answer : answers) {
            if (answer.get() instanceof Response.Ok ok && ok.body() instanceof ResponseBody.CounterUpdated updated) {
                expected.put(updated.state().counter(), updated.state());
            }
        }
    }

    /** Whether {@code unit} shows the hub online (a presence published after {@code launched}) and its counter right. */
    private static boolean correct(FollowingUnit unit, Map<Integer, CounterState> expected, long launched) {
        if (!unit.hubOnline() || unit.hubStatusNanos() < launched) {
            return false;
        }
        return unit.counter == 0 || unit.state().equals(Optional.ofNullable(expected.get(unit.counter)));
    }

    private static long awaitAll(List<FollowingUnit> units, Predicate<FollowingUnit> condition,
                                 long since) {
        long deadline = since + 20_000_000_000L;
        while (!units.stream().allMatch(condition) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000L);
        }
        return System.nanoTime();
    }

    private static void report(List<long[]> rows) {
        double[] taking = rows.stream().mapToDouble(r -> r[0] / 1e6).toArray();
        double[] up = rows.stream().mapToDouble(r -> r[1] / 1e6).toArray();
        double[] correct = rows.stream().mapToDouble(r -> r[2] < 0 ? Double.POSITIVE_INFINITY : r[2] / 1e6).toArray();
        System.out.println();
        System.out.println("| from the hub's launch (ms) | median | min | max |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf("| to \"taking requests\" (baseline: the hub's own start) | %.0f | %.0f | %.0f |%n",
                Samples.median(taking), Samples.min(taking), Samples.max(taking));
        System.out.printf("| to \"is up\" (web server too) | %.0f | %.0f | %.0f |%n", Samples.median(up), Samples.min(up),
                Samples.max(up));
        System.out.printf("| **to every unit showing the right state** | **%.0f** | %.0f | %.0f |%n",
                Samples.median(correct), Samples.min(correct), Samples.max(correct));
        boolean met = Samples.max(correct) <= TARGET_NANOS / 1e6;
        System.out.printf("P6 target ≤ 5 s from the restart: %s (worst of %d restarts %.2f s)%n", met ? "MET" : "MISSED",
                rows.size(), Samples.max(correct) / 1e3);
    }
}
