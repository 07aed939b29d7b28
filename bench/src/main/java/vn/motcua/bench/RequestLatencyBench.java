package vn.motcua.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import javax.net.SocketFactory;

import org.eclipse.paho.client.mqttv3.MqttException;

import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.store.HubStore;
import vn.motcua.hub.writer.DeskWriter;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.topic.Topics;
import vn.motcua.protocol.transport.NoDelaySocketFactory;
import vn.motcua.testkit.Mosquitto;

/**
 * P1: request latency, unit → hub commit → answer at the unit, through a real Mosquitto on loopback. Simulated units,
 * each its own Paho client, send an open-loop aggregate rate on a fixed timetable; latency is measured from each
 * request's <em>scheduled</em> send time to the answer's arrival at the unit, so a stall delays and counts every
 * request behind it (no coordinated omission). In the same run, before the hub starts, the floor: the bare broker round
 * trip (the same units, the same rate, an echo client in the hub's place) and one SQLite commit on the same disk at
 * the same rate (back to back too, for reference); and, for reference, the writer alone (no MQTT) at the same rate.
 *
 * <pre>options: --devices 100 --counter-devices 20 --rate 50 --seconds 60 --warmup-seconds 10 --echo-seconds 30
 *          --issue-share 0.5 --no-nodelay (units and Mosquitto with Nagle on) --state-subscriptions (units also
 *          follow the retained state a real unit follows) --echo-file-persistence (a second echo phase whose client
 *          keeps in-flight messages in files, as the hub's gateway does) --latency-log FILE (every measured answer
 *          of the hub phase: scheduled time in epoch ms, operation, latency in µs)</pre>
 */
public final class RequestLatencyBench implements LoadDevice.Receiver {

    private static final List<String> OPTIONS = List.of("--devices", "--counter-devices", "--rate", "--seconds",
            "--warmup-seconds", "--echo-seconds", "--issue-share", "--latency-log");
    private static final List<String> FLAGS = List.of("--no-nodelay", "--state-subscriptions",
            "--echo-file-persistence");
    private static final double ECHO_WARMUP_SECONDS = 5;
    private static final long DRAIN_NANOS = 10_000_000_000L;
    private static final long P99_TARGET_NANOS = 20_000_000L;
    private static final long SPIN_NANOS = 300_000L;
    private static final double WRITER_WARMUP_SECONDS = 3;
    private static final double FSYNC_SECONDS = 10;
    private static final double ECHO_FILES_SECONDS = 20;
    private static final double WRITER_SECONDS = 20;

    /** A request sent and not yet answered. */
    private record Pending(Phase phase, long scheduledNanos, boolean measured) {
    }

    /** The measurements of one timed phase. */
    private static final class Phase {
        final String name;
        final Samples latency;
        final Samples sendLag;
        final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        /**
         * Every measured answer as "scheduled send time (epoch ms), operation, latency (µs)" lines, when the hub phase
         * is logged ({@code --latency-log}): to line slow answers up with a profile's events (GC, the writer's work).
         */
        final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        boolean logged;
        /** Latencies by operation, to tell ticket.issue (which estimates the wait) from the counter keys. */
        final Map<String, Samples> byOp = new ConcurrentHashMap<>();
        final AtomicLong sendFailures = new AtomicLong();
        long lost;
        double seconds;
        double totalSeconds;

        Phase(String name, int capacity) {
            this.name = name;
            this.latency = new Samples(capacity);
            this.sendLag = new Samples(capacity);
        }
    }

    private final Codec codec = new Codec();
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong unmatched = new AtomicLong();
    private final Office office;
    private final double rate;
    private final double issueShare;
    private List<LoadDevice> kiosks = List.of();
    private List<LoadDevice> counterUnits = List.of();

    private RequestLatencyBench(Office office, double rate, double issueShare) {
        this.office = office;
        this.rate = rate;
        this.issueShare = issueShare;
    }

    public static void main(String[] args) throws Exception {
        BenchEnv.rejectUnknown(args, OPTIONS, FLAGS);
        int devices = BenchEnv.intArg(args, "--devices", 100);
        int counterDevices = BenchEnv.intArg(args, "--counter-devices", 20);
        double rate = BenchEnv.doubleArg(args, "--rate", 50);
        double seconds = BenchEnv.doubleArg(args, "--seconds", 60);
        double warmup = BenchEnv.doubleArg(args, "--warmup-seconds", 10);
        double echoSeconds = BenchEnv.doubleArg(args, "--echo-seconds", 30);
        double issueShare = BenchEnv.doubleArg(args, "--issue-share", 0.5);
        boolean noDelay = !BenchEnv.flag(args, "--no-nodelay");
        boolean followState = BenchEnv.flag(args, "--state-subscriptions");
        boolean echoFilePersistence = BenchEnv.flag(args, "--echo-file-persistence");
        String latencyLog = BenchEnv.stringArg(args, "--latency-log", "");
        if (devices < 2 || devices > 500 || counterDevices < 1 || counterDevices >= devices || rate <= 0 || rate > 2_000
                || seconds <= 0 || seconds > 300 || warmup < 0 || warmup > 120 || echoSeconds <= 0 || echoSeconds > 300) {
            throw new IllegalArgumentException("devices 2-500, counter-devices 1..devices-1, rate (0, 2000], seconds "
                    + "(0, 300], warmup-seconds [0, 120], echo-seconds (0, 300]");
        }

        Path root = BenchEnv.repoRoot();
        Office profile = BenchEnv.office(root);
        List<Integer> numbers = profile.counters().stream().map(Office.Counter::number).toList();
        Map<String, Integer> counterUnits = new LinkedHashMap<>();
        for (int j = 0; j < counterDevices; j++) {
            counterUnits.put(counterUnitId(j, numbers), numbers.get(j % numbers.size()));
        }
        Office office = BenchEnv.binding(profile, IntStream.range(0, devices - counterDevices)
                .mapToObj(RequestLatencyBench::kioskId).toList(), counterUnits);
        Path scratch = BenchEnv.scratch(root, "latency");
        RequestLatencyBench bench = new RequestLatencyBench(office, rate, issueShare);
        CpuWatch machine = new CpuWatch();
        try {
            System.out.println("# RequestLatencyBench (P1: unit → hub commit → answer at the unit, via Mosquitto)");
            BenchEnv.machine(scratch).forEach(l -> System.out.println("  " + l));
            System.out.printf("  load         %d units (%d kiosks, %d counter units on counters 1-%d), each its own Paho "
                    + "client; %.0f requests/s open loop, %.0f%% ticket.issue, the rest counter.next/start/done%n",
                    devices, devices - counterDevices, counterDevices, office.counters().size(), rate, issueShare * 100);
            System.out.printf("  TCP_NODELAY  %s%n", noDelay
                    ? "on (units: NoDelaySocketFactory; Mosquitto: set_tcp_nodelay true)"
                    : "OFF on the units (plain SocketFactory) and in Mosquitto; the hub's gateway and the echo client "
                            + "keep it on");
            System.out.printf("  state        %s%n", followState ? "kiosks follow the retained services topic, counter "
                    + "units their counter's state" : "units subscribe to their answers only");
            System.out.printf("  phases       broker round trip %.0f s (+%.0f s warm-up), SQLite commits (back to back, then "
                    + "%.0f s paced), writer alone %.0f s (+%.0f s warm-up), hub %.0f s (+%.0f s warm-up)%n%n",
                    echoSeconds, ECHO_WARMUP_SECONDS, FSYNC_SECONDS, WRITER_SECONDS, WRITER_WARMUP_SECONDS, seconds,
                    warmup);

            try (Mosquitto mosquitto = Mosquitto.start(scratch.resolve("mosquitto"), noDelay)) {
                bench.measure(mosquitto, scratch, new Options(devices, counterDevices, noDelay, followState,
                        echoFilePersistence, warmup, seconds, echoSeconds, latencyLog));
                System.out.println("machine during the run: " + machine.summary()); // while Mosquitto still counts
            }
        } finally {
            BenchEnv.deleteTree(scratch);
        }
    }

    private Phase echo(Mosquitto mosquitto, Optional<Path> persistence, String name, double seconds)
            throws MqttException {
        try (EchoClient echoClient = new EchoClient(mosquitto.url(), persistence)) {
            Phase phase = run(name, true, ECHO_WARMUP_SECONDS, seconds);
            if (echoClient.failures() > 0) {
                System.out.println("echo client could not republish " + echoClient.failures() + " message(s)");
            }
            return phase;
        }
    }

    /** What main read from the command line. */
    private record Options(int devices, int counterDevices, boolean noDelay, boolean followState,
                           boolean echoFilePersistence, double warmup, double seconds, double echoSeconds,
                           String latencyLog) {
    }

    /**
     * Units up; the floor (broker round trip, SQLite commits) and the writer alone; then the hub. The units are
     * closed before the broker goes.
     */
    private void measure(Mosquitto mosquitto, Path scratch, Options o) throws Exception {
        SocketFactory sockets = o.noDelay() ? new NoDelaySocketFactory() : SocketFactory.getDefault();
        AtomicLong stateMessages = new AtomicLong();
        List<LoadDevice> all = new ArrayList<>();
        try {
            all.addAll(connect(mosquitto.url(), o.devices(), o.counterDevices(), sockets, o.followState(),
                    stateMessages));
            warmCodec();

            Phase echo = echo(mosquitto, Optional.empty(), "broker round trip (echo client in the hub's place)",
                    o.echoSeconds());
            Optional<Phase> echoFiles = Optional.empty();
            if (o.echoFilePersistence()) {
                echoFiles = Optional.of(echo(mosquitto, Optional.of(scratch.resolve("echo-mqtt")),
                        "broker round trip, echo client with the hub's file persistence", ECHO_FILES_SECONDS));
            }
            FsyncProbe.Result fsyncLoop = FsyncProbe.run(scratch.resolve("fsync-loop.db"), 2_000, 3.0);
            System.out.println("SQLite commits back to back: " + fsyncLoop.summary());
            FsyncProbe.Result fsync = FsyncProbe.run(scratch.resolve("fsync-paced.db"),
                    (int) Math.round(FSYNC_SECONDS * rate), FSYNC_SECONDS + 5, Math.round(1e9 / rate));
            System.out.printf("SQLite commits at %.0f/s: %s%n", rate, fsync.summary());
            Phase writerAlone = runWriterAlone(scratch.resolve("writer-alone"), WRITER_WARMUP_SECONDS, WRITER_SECONDS);

            Phase hubPhase;
            long stateBefore;
            HubSettings settings = HubSettings.local(office, scratch.resolve("hub")).withExternalBroker(mosquitto.url());
            try (Hub hub = Hub.start(settings, Clock.systemUTC())) {
                System.out.println("hub started on broker " + hub.brokerUrl());
                SignedIn.everyCounter(hub.writer(), office);
                stateBefore = stateMessages.get();
                hubPhase = run("unit → hub commit → unit", false, o.warmup(), o.seconds(), !o.latencyLog().isEmpty());
            }
            if (!o.latencyLog().isEmpty()) {
                java.nio.file.Files.write(Path.of(o.latencyLog()), hubPhase.log);
            }
            long stateReceived = stateMessages.get() - stateBefore;
            report(echo, echoFiles, fsyncLoop, fsync, writerAlone, hubPhase, o.noDelay(),
                    o.followState() ? stateReceived : -1, unmatched.get(), rate);
        } finally {
            all.forEach(LoadDevice::close);
        }
    }

    // ---- units ----------------------------------------------------------------------------------------------

    static String kioskId(int i) {
        return String.format("kiosk-%02d", i + 1);
    }

    /** More units than counters share the numbers: counter-3, counter-3-b… */
    static String counterUnitId(int j, List<Integer> counterNumbers) {
        int copy = j / counterNumbers.size();
        return "counter-" + counterNumbers.get(j % counterNumbers.size()) + (copy == 0 ? "" : "-" + (char) ('a' + copy));
    }

    private List<LoadDevice> connect(String url, int devices, int counterDevices, SocketFactory sockets,
                                     boolean followState, AtomicLong stateMessages) throws MqttException {
        Topics topics = Topics.forSite(office.id());
        List<Integer> counterNumbers = office.counters().stream().map(Office.Counter::number).toList();
        List<LoadDevice> kioskList = new ArrayList<>();
        List<LoadDevice> counterList = new ArrayList<>();
        for (int i = 0; i < devices - counterDevices; i++) {
            kioskList.add(new LoadDevice(url, topics, kioskId(i), 0, this, stateMessages));
        }
        for (int j = 0; j < counterDevices; j++) {
            int number = counterNumbers.get(j % counterNumbers.size());
            counterList.add(new LoadDevice(url, topics, counterUnitId(j, counterNumbers), number, this, stateMessages));
        }
        List<LoadDevice> all = new ArrayList<>(kioskList);
        all.addAll(counterList);
        long t0 = System.nanoTime();
        LoadDevice.connectAll(all, sockets, followState);
        System.out.printf("%d units connected and subscribed in %.1f s%n", all.size(), (System.nanoTime() - t0) / 1e9);
        this.kiosks = kioskList;
        this.counterUnits = counterList;
        return all;
    }

    /**
     * Compiles the units' own JSON work before anything is timed: the echo phase runs first and would otherwise
     * charge the floor with the JIT warming up the codec the units use.
     */
    private void warmCodec() {
        Workload load = new Workload(office, issueShare, 0);
        int[] cycle = Workload.newCycle();
        long checksum = 0;
        for (int i = 0; i < 20_000; i++) {
            Request request = i % 2 == 0 ? load.issue() : load.counter(1 + i % 10, cycle);
            checksum += codec.decodeRequest(codec.encode(request)).id().length();
        }
        if (checksum == 0) {
            throw new IllegalStateException("codec warm-up produced nothing");
        }
    }

    @Override
    public void received(LoadDevice device, boolean echo, byte[] payload, long arrivedNanos) {
        String id;
        String outcome;
        try {
            if (echo) {
                id = codec.decodeRequest(payload).id();
                outcome = "echoed";
            } else {
                Response response = codec.decodeResponse(payload);
                id = response.id().orElse("");
                outcome = response.op().map(op -> op.wireName()).orElse("?") + " "
                        + (response instanceof Response.Failure f ? f.code().name() : "ok");
            }
        } catch (RuntimeException e) {
            unmatched.incrementAndGet();
            return;
        }
        Pending p = pending.remove(id);
        if (p == null) {
            unmatched.incrementAndGet();
            return;
        }
        if (p.measured()) {
            Phase phase = p.phase();
            phase.latency.add(arrivedNanos - p.scheduledNanos());
            phase.outcomes.merge(outcome, 1, Integer::sum);
            phase.byOp.computeIfAbsent(outcome.split(" ")[0], op -> new Samples(phase.latency.capacity()))
                    .add(arrivedNanos - p.scheduledNanos());
            if (phase.logged) {
                long scheduledWall = System.currentTimeMillis() - (System.nanoTime() - p.scheduledNanos()) / 1_000_000;
                phase.log.add(scheduledWall + "," + outcome.split(" ")[0] + "," + (arrivedNanos - p.scheduledNanos()) / 1_000);
            }
        }
    }

    // ---- the timetable --------------------------------------------------------------------------------------

    /** How a phase hands one request on: publish it (echo topic or request topic) or submit it to a writer. */
    @FunctionalInterface
    private interface Sender {
        void send(LoadDevice device, Request request, byte[] payload) throws MqttException;
    }

    private Phase run(String name, boolean echo, double warmupSeconds, double seconds) {
        return run(name, echo, warmupSeconds, seconds, false);
    }

    private Phase run(String name, boolean echo, double warmupSeconds, double seconds, boolean logged) {
        return run(name, echo ? 1 : 2, warmupSeconds, seconds, logged, (device, request, payload) ->
                device.publish(echo ? device.echoRequestTopic : device.requestTopic, payload));
    }

    /**
     * The writer alone, at the same rate and mix: {@link DeskWriter#submit} to the reply callback (which runs after
     * the commit), on a store of its own in the same directory tree; no MQTT, no gateway. States are encoded as the
     * gateway would and dropped.
     */
    private Phase runWriterAlone(Path dir, double warmupSeconds, double seconds) throws InterruptedException {
        try (HubStore store = HubStore.open(dir.resolve("hub.db"))) {
            DeskWriter writer = new DeskWriter(office, store, Clock.systemUTC(), new StateSink());
            try {
                SignedIn.everyCounter(writer, office);
                return run("writer alone (submit → reply after commit)", 2, warmupSeconds, seconds,
                        (device, request, payload) -> writer.submit(device.id, request,
                                response -> received(device, false, response, System.nanoTime())));
            } finally {
                writer.close();
            }
        }
    }

    /** Sends on a fixed timetable for warm-up + {@code seconds}, then waits (bounded) for the answers. */
    private Phase run(String name, long seed, double warmupSeconds, double seconds, Sender sender) {
        return run(name, seed, warmupSeconds, seconds, false, sender);
    }

    private Phase run(String name, long seed, double warmupSeconds, double seconds, boolean logged, Sender sender) {
        long period = Math.round(1e9 / rate);
        int warm = (int) Math.round(warmupSeconds * rate);
        int measured = (int) Math.round(seconds * rate);
        Phase phase = new Phase(name, measured);
        phase.logged = logged;
        phase.seconds = seconds;
        phase.totalSeconds = warmupSeconds + seconds;
        Workload load = new Workload(office, issueShare, seed);
        Random pick = new Random(seed + 2);
        int nextCounterUnit = 0;
        int[] cycle = Workload.newCycle();
        System.out.printf("%s: %d requests at %.0f/s (%d warm-up)…%n", name, warm + measured, rate, warm);
        CpuWatch cpu = new CpuWatch();
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < warm + measured; i++) {
            long scheduled = start + i * period;
            awaitNanoTime(scheduled);
            LoadDevice device;
            Request request;
            if (load.nextIsIssue()) {
                device = kiosks.get(pick.nextInt(kiosks.size()));
                request = load.issue();
            } else {
                device = counterUnits.get(nextCounterUnit);
                nextCounterUnit = (nextCounterUnit + 1) % counterUnits.size();
                // Per counter number, whichever of its units sends: next, start, done, next…
                request = load.counter(device.counter, cycle);
            }
            boolean isMeasured = i >= warm;
            byte[] payload = codec.encode(request);
            pending.put(request.id(), new Pending(phase, scheduled, isMeasured));
            if (isMeasured) {
                phase.sendLag.add(System.nanoTime() - scheduled);
            }
            try {
                sender.send(device, request, payload);
            } catch (MqttException e) {
                pending.remove(request.id());
                if (isMeasured) {
                    phase.sendFailures.incrementAndGet();
                }
            }
        }
        long deadline = System.nanoTime() + DRAIN_NANOS;
        while (System.nanoTime() < deadline && pending.values().stream().anyMatch(p -> p.phase() == phase)) {
            LockSupport.parkNanos(10_000_000L);
        }
        phase.lost = pending.values().stream().filter(p -> p.phase() == phase && p.measured()).count()
                + phase.sendFailures.get();
        pending.values().removeIf(p -> p.phase() == phase);
        System.out.println("  CPU " + cpu.summary());
        return phase;
    }

    /**
     * Sleeps until about {@link #SPIN_NANOS} before {@code deadline}, then spins: a parked thread wakes up to a few
     * hundred microseconds late on this VM, which would be charged to every request as latency.
     */
    private static void awaitNanoTime(long deadline) {
        for (long wait = deadline - System.nanoTime() - SPIN_NANOS; wait > 0;
             wait = deadline - System.nanoTime() - SPIN_NANOS) {
            LockSupport.parkNanos(wait);
        }
        while (System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    // ---- report ---------------------------------------------------------------------------------------------

    private static void report(Phase echo, Optional<Phase> echoFiles, FsyncProbe.Result fsyncLoop,
                               FsyncProbe.Result fsync, Phase writerAlone, Phase hub, boolean noDelay, long stateMessages,
                               long unmatched, double rate) {
        long[] e = echo.latency.sorted();
        long[] h = hub.latency.sorted();
        System.out.println();
        System.out.println("| path | samples | p50 ms | p90 ms | p99 ms | max ms | lost |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        row(echo.name, e, echo.lost);
        echoFiles.ifPresent(p -> row(p.name, p.latency.sorted(), p.lost));
        fsyncRow("SQLite one-row commit (WAL, synchronous=FULL), one every " + Math.round(1000 / rate) + " ms", fsync);
        fsyncRow("SQLite one-row commit, back to back, for reference", fsyncLoop);
        row(writerAlone.name + ", for reference", writerAlone.latency.sorted(), writerAlone.lost);
        row(hub.name + (noDelay ? "" : " — TCP_NODELAY off"), h, hub.lost);
        System.out.println();
        long floor = Samples.percentile(e, 50) + fsync.p(50);
        long floorLoop = Samples.percentile(e, 50) + fsyncLoop.p(50);
        long p50 = Samples.percentile(h, 50);
        long p99 = Samples.percentile(h, 99);
        boolean complete = hub.lost == 0;
        if (!noDelay) {
            System.out.println("(TCP_NODELAY off: a comparison run; the targets are for the configuration we ship)");
        }
        System.out.printf("floor = broker p50 + paced commit p50 = %s ms; hub p50 = %s ms = %.2f × floor (target ≤ 3×): "
                + "%s; hub p99 = %s ms (target ≤ 20 ms): %s%n", Samples.ms(floor), Samples.ms(p50), p50 / (double) floor,
                complete && p50 <= 3 * floor ? "MET" : "MISSED", Samples.ms(p99),
                complete && p99 <= P99_TARGET_NANOS ? "MET" : "MISSED");
        System.out.printf("with the back-to-back commit instead: floor %s ms, hub p50 = %.2f × floor%n",
                Samples.ms(floorLoop), p50 / (double) floorLoop);
        for (Phase phase : List.of(echo, writerAlone, hub)) {
            long[] lag = phase.sendLag.sorted();
            System.out.printf("send lag (timetable → publish call, included in the latencies) in %s: p50 %s ms, p99 %s "
                    + "ms, max %s ms%n", phase.name, Samples.ms(Samples.percentile(lag, 50)),
                    Samples.ms(Samples.percentile(lag, 99)), Samples.ms(Samples.percentile(lag, 100)));
        }
        System.out.println("answers by outcome (measured): " + new TreeMap<>(hub.outcomes));
        for (Phase phase : List.of(writerAlone, hub)) {
            new TreeMap<>(phase.byOp).forEach((op, samples) -> {
                long[] s = samples.sorted();
                System.out.printf("  %s, %s: %d, p50 %s ms, p90 %s ms, p99 %s ms, max %s ms%n", phase.name, op, s.length,
                        Samples.ms(Samples.percentile(s, 50)), Samples.ms(Samples.percentile(s, 90)),
                        Samples.ms(Samples.percentile(s, 99)), Samples.ms(Samples.percentile(s, 100)));
            });
        }
        if (stateMessages >= 0) {
            System.out.printf("retained state messages delivered to the units during the hub phase: %d (%.0f/s)%n",
                    stateMessages, stateMessages / hub.totalSeconds);
        }
        if (unmatched > 0) {
            System.out.println("messages that matched no pending request (late answers after a phase, or undecodable): "
                    + unmatched);
        }
    }

    private static void fsyncRow(String name, FsyncProbe.Result r) {
        System.out.printf("| %s | %d | %s | %s | %s | %s | – |%n", name, r.commits(), Samples.ms(r.p(50)),
                Samples.ms(r.p(90)), Samples.ms(r.p(99)), Samples.ms(r.p(100)));
    }

    private static void row(String name, long[] sorted, long lost) {
        System.out.printf("| %s | %d | %s | %s | %s | %s | %d |%n", name, sorted.length,
                Samples.ms(Samples.percentile(sorted, 50)), Samples.ms(Samples.percentile(sorted, 90)),
                Samples.ms(Samples.percentile(sorted, 99)), Samples.ms(Samples.percentile(sorted, 100)), lost);
    }
}
