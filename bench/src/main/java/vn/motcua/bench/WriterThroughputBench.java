package vn.motcua.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.store.HubStore;
import vn.motcua.hub.writer.DeskWriter;
import vn.motcua.hub.writer.StatePublisher;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * P2: durable command throughput of the hub's writer. Producer threads call {@link DeskWriter#submit} directly (no
 * MQTT, no JSON decoding) with a bounded number of requests outstanding each, and count the replies; a reply comes
 * only after its request's transaction has committed (WAL, synchronous=FULL). Group commit ({@code maxBatch} 256)
 * and the one-fsync-per-request baseline ({@code maxBatch} 1) run in alternating rounds of the same process, each
 * round on a new database; the bare fsync rate of a one-row SQLite transaction on the same disk is measured first.
 *
 * <pre>options: --rounds 5 --round-seconds 4 --warmup-seconds 3 --producers 4 --window 64 --issue-share 0.5 --batch 256</pre>
 */
public final class WriterThroughputBench {

    private static final List<String> OPTIONS = List.of("--rounds", "--round-seconds", "--warmup-seconds", "--producers",
            "--window", "--issue-share", "--batch");
    /** Safety bound on requests per producer per round, whatever the speed. */
    private static final long MAX_REQUESTS_PER_PRODUCER = 2_000_000;
    private static final double RAMP_SECONDS = 0.5;
    private static final double TARGET_OPS = 5_000;

    private final Office office;
    private final Path scratch;
    private final int producers;
    private final int window;
    private final double issueShare;
    private final AtomicInteger roundNumber = new AtomicInteger();

    private WriterThroughputBench(Office office, Path scratch, int producers, int window, double issueShare) {
        this.office = office;
        this.scratch = scratch;
        this.producers = producers;
        this.window = window;
        this.issueShare = issueShare;
    }

    /** One timed round. {@code batchesWithChanges} counts commits that changed state (published a board). */
    record Round(int maxBatch, long acks, double seconds, long batchesWithChanges, double writerCpu, double processCpu,
                 double othersCpu, Map<String, Integer> sampledOutcomes) {
        double opsPerSecond() {
            return acks / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        BenchEnv.rejectUnknown(args, OPTIONS, List.of());
        int rounds = BenchEnv.intArg(args, "--rounds", 5);
        double roundSeconds = BenchEnv.doubleArg(args, "--round-seconds", 4);
        double warmupSeconds = BenchEnv.doubleArg(args, "--warmup-seconds", 3);
        int producers = BenchEnv.intArg(args, "--producers", 4);
        int window = BenchEnv.intArg(args, "--window", 64);
        double issueShare = BenchEnv.doubleArg(args, "--issue-share", 0.5);
        int groupBatch = BenchEnv.intArg(args, "--batch", DeskWriter.DEFAULT_MAX_BATCH);
        if (rounds < 1 || rounds > 20 || roundSeconds <= 0 || roundSeconds > 30 || producers < 1 || producers > 64
                || window < 1 || window > 10_000) {
            throw new IllegalArgumentException("rounds 1-20, round-seconds (0, 30], producers 1-64, window 1-10000");
        }

        Path root = BenchEnv.repoRoot();
        Office office = BenchEnv.office(root);
        Path scratch = BenchEnv.scratch(root, "writer");
        CpuWatch machine = new CpuWatch();
        try {
            System.out.println("# WriterThroughputBench (P2: durable command throughput of DeskWriter)");
            BenchEnv.machine(scratch).forEach(l -> System.out.println("  " + l));
            System.out.printf("  load         %d producer threads × %d outstanding = %d requests in flight; %.0f%% "
                    + "ticket.issue, the rest counter.next/done; office %s (%d services, %d counters)%n", producers,
                    window, producers * window, issueShare * 100, office.id(), office.services().size(),
                    office.counters().size());
            System.out.printf("  rounds       %d × %.1f s per setting (after %.1f s ramp-up each), alternating, each on a new "
                    + "database; warm-up %.1f s per setting first%n%n", rounds, roundSeconds, RAMP_SECONDS, warmupSeconds);

            FsyncProbe.Result fsync = FsyncProbe.run(scratch.resolve("fsync.db"), 20_000, 2.0);
            System.out.println("fsync floor: " + fsync.summary());

            WriterThroughputBench bench = new WriterThroughputBench(office, scratch, producers, window, issueShare);
            System.out.println("warm-up…");
            bench.round(groupBatch, warmupSeconds);
            bench.round(1, warmupSeconds);

            List<Round> group = new ArrayList<>();
            List<Round> single = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                boolean groupFirst = r % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    boolean isGroup = (k == 0) == groupFirst;
                    Round result = bench.round(isGroup ? groupBatch : 1, roundSeconds);
                    (isGroup ? group : single).add(result);
                    System.out.printf("round %d maxBatch=%-3d %8.0f ops/s  (%d replies in %.2f s, %.1f requests per "
                            + "state-changing commit; CPU: writer thread %.0f%%, process %.0f%%, other processes %.0f%% "
                            + "of one core) %s%n",
                            r + 1, result.maxBatch(), result.opsPerSecond(), result.acks(), result.seconds(),
                            result.acks() / (double) Math.max(1, result.batchesWithChanges()), result.writerCpu() * 100,
                            result.processCpu() * 100, result.othersCpu() * 100, result.sampledOutcomes());
                }
            }
            report(fsync, group, single, groupBatch);
            System.out.println("machine during the run: " + machine.summary());
        } finally {
            BenchEnv.deleteTree(scratch);
        }
    }

    private static void report(FsyncProbe.Result fsync, List<Round> group, List<Round> single, int groupBatch) {
        double[] g = group.stream().mapToDouble(Round::opsPerSecond).toArray();
        double[] s = single.stream().mapToDouble(Round::opsPerSecond).toArray();
        double gMedian = Samples.median(g);
        double sMedian = Samples.median(s);
        System.out.println();
        System.out.println("| setting | committed ops/s, median | min – max | rounds | writer thread CPU (median) |");
        System.out.println("|---|---:|---|---:|---:|");
        System.out.printf("| group commit, maxBatch=%d | **%.0f** | %.0f – %.0f | %d | %.0f %% |%n", groupBatch, gMedian,
                Samples.min(g), Samples.max(g), g.length,
                Samples.median(group.stream().mapToDouble(Round::writerCpu).toArray()) * 100);
        System.out.printf("| one fsync per request, maxBatch=1 | %.0f | %.0f – %.0f | %d | %.0f %% |%n", sMedian,
                Samples.min(s), Samples.max(s), s.length,
                Samples.median(single.stream().mapToDouble(Round::writerCpu).toArray()) * 100);
        System.out.printf("| raw SQLite one-row transaction (no desk, no JSON) | %.0f | – | 1 | – |%n", fsync.perSecond());
        System.out.println();
        System.out.printf("group commit / baseline = %.1f×; target ≥ %.0f ops/s: %s%n", gMedian / sMedian, TARGET_OPS,
                gMedian >= TARGET_OPS ? "MET" : "MISSED");
    }

    // ---- one round ------------------------------------------------------------------------------------------

    private Round round(int maxBatch, double seconds) throws Exception {
        int n = roundNumber.incrementAndGet();
        Path dir = scratch.resolve("round-" + n + "-batch-" + maxBatch);
        Counting publisher = new Counting();
        AtomicLong acks = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<byte[]> sampled = new ConcurrentLinkedQueue<>();
        AtomicInteger sampledCount = new AtomicInteger();
        List<Semaphore> permits = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (HubStore store = HubStore.open(dir.resolve("hub.db"))) {
            DeskWriter writer = new DeskWriter(office, store, Clock.systemUTC(), publisher, maxBatch);
            try {
                for (int p = 0; p < producers; p++) {
                    Semaphore inFlight = new Semaphore(window);
                    permits.add(inFlight);
                    Workload load = new Workload(office, issueShare, n * 1_000L + p);
                    List<Integer> counters = countersOf(p);
                    String kiosk = "kiosk-" + (p + 1);
                    threads.add(Thread.ofPlatform().name("producer-" + p).start(() -> produce(writer, load, kiosk,
                            counters, inFlight, stop, acks, sampled, sampledCount)));
                }
                sleepSeconds(RAMP_SECONDS);
                ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                long writerThread = writerThreadId();
                long a0 = acks.get();
                long b0 = publisher.boards.get();
                long w0 = mx.getThreadCpuTime(writerThread);
                long c0 = processCpuNanos();
                CpuWatch others = new CpuWatch();
                long t0 = System.nanoTime();
                sleepSeconds(seconds);
                long a1 = acks.get();
                long t1 = System.nanoTime();
                long w1 = mx.getThreadCpuTime(writerThread);
                long c1 = processCpuNanos();
                long b1 = publisher.boards.get();
                double othersCores = others.othersCores();
                stop.set(true);
                for (Thread t : threads) {
                    t.join(TimeUnit.SECONDS.toMillis(30));
                }
                for (Semaphore s : permits) { // every request sent is answered before the writer closes
                    if (!s.tryAcquire(window, 60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("requests still unanswered 60 s after the round ended");
                    }
                }
                double elapsed = (t1 - t0) / 1e9;
                return new Round(maxBatch, a1 - a0, elapsed, b1 - b0, (w1 - w0) / 1e9 / elapsed,
                        (c1 - c0) / 1e9 / elapsed, othersCores, outcomes(sampled));
            } finally {
                stop.set(true);
                writer.close();
            }
        } finally {
            BenchEnv.deleteTree(dir);
        }
    }

    /** Counters this producer works: producers split the office's counters between them (all when there are more). */
    private List<Integer> countersOf(int producer) {
        List<Integer> all = office.counters().stream().map(Office.Counter::number).toList();
        if (producers > all.size()) {
            return all;
        }
        List<Integer> mine = new ArrayList<>();
        for (int i = producer; i < all.size(); i += producers) {
            mine.add(all.get(i));
        }
        return mine;
    }

    private static void produce(DeskWriter writer, Workload load, String kiosk, List<Integer> counters,
                                Semaphore inFlight, AtomicBoolean stop, AtomicLong acks, ConcurrentLinkedQueue<byte[]> sampled,
                                AtomicInteger sampledCount) {
        boolean[] called = new boolean[counters.size()];
        int nextCounter = 0;
        try {
            for (long i = 0; i < MAX_REQUESTS_PER_PRODUCER && !stop.get(); i++) {
                if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    i--;
                    continue;
                }
                Request request;
                String device;
                if (load.nextIsIssue()) {
                    request = load.issue();
                    device = kiosk;
                } else {
                    int slot = nextCounter;
                    nextCounter = (nextCounter + 1) % counters.size();
                    request = load.counter(counters.get(slot), !called[slot]);
                    called[slot] = !called[slot];
                    device = "counter-" + counters.get(slot);
                }
                boolean sample = (i & 63) == 0;
                writer.submit(device, request, response -> {
                    // Runs on the writer thread after the commit: keep it to a count and a permit.
                    acks.incrementAndGet();
                    if (sample && sampledCount.incrementAndGet() <= 5_000) {
                        sampled.add(response);
                    }
                    inFlight.release();
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Integer> outcomes(ConcurrentLinkedQueue<byte[]> sampled) {
        Codec codec = new Codec();
        Map<String, Integer> counts = new TreeMap<>();
        for (byte[] bytes : sampled) {
            Response response = codec.decodeResponse(bytes);
            String key = response.op().map(op -> op.wireName()).orElse("?") + " "
                    + (response instanceof Response.Failure f ? f.code().name() : "ok");
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    private static long writerThreadId() {
        Optional<Thread> writer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("desk-writer") && t.isAlive()).findFirst();
        return writer.orElseThrow(() -> new IllegalStateException("no desk-writer thread")).threadId();
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void sleepSeconds(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }

    /** Publishes nothing; counts boards, which the writer publishes once per commit that changed state. */
    private static final class Counting implements StatePublisher {
        final AtomicLong boards = new AtomicLong();

        @Override
        public void counterState(CounterState state) {
        }

        @Override
        public void board(Board board) {
            boards.incrementAndGet();
        }

        @Override
        public void services(ServiceCatalogue catalogue) {
        }
    }
}
