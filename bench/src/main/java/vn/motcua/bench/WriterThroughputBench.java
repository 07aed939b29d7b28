package vn.motcua.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.store.HubStore;
import vn.motcua.hub.writer.DeskWriter;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.Response;

/**
 * P2: durable command throughput of the hub's writer. Producer threads call {@link DeskWriter#submit} directly (no
 * MQTT, no JSON decoding) with a bounded number of requests outstanding each, and count the replies; a reply comes
 * only after its request's transaction has committed (WAL, synchronous=FULL). Group commit ({@code maxBatch} 256)
 * and the one-fsync-per-request baseline ({@code maxBatch} 1) run in alternating rounds of the same process. Each
 * round is one office day's worth of requests on a new database (the office profile numbers each service's tickets
 * 1-999 a day, so a round stays well inside that), timed from the first submit to the last reply. The bare fsync rate
 * of a one-row SQLite transaction on the same disk is measured first.
 *
 * <pre>options: --rounds 7 --round-requests 10000 --warmup-rounds 1 --producers 4 --window 64 --issue-share 0.25
 *          --batch 256 --only group|baseline (one setting alone, e.g. under a profiler)</pre>
 */
public final class WriterThroughputBench {

    private static final List<String> OPTIONS = List.of("--rounds", "--round-requests", "--warmup-rounds", "--producers",
            "--window", "--issue-share", "--batch", "--only");
    /** A round that has not finished in this long has a stuck writer; give up rather than hang. */
    private static final long ROUND_LIMIT_SECONDS = 120;
    private static final double TARGET_OPS = 5_000;

    private final Office office;
    private final Path scratch;
    private final int producers;
    private final int window;
    private final double issueShare;
    private final int roundRequests;
    private final AtomicInteger roundNumber = new AtomicInteger();

    private WriterThroughputBench(Office office, Path scratch, int producers, int window, double issueShare,
                                  int roundRequests) {
        this.office = office;
        this.scratch = scratch;
        this.producers = producers;
        this.window = window;
        this.issueShare = issueShare;
        this.roundRequests = roundRequests;
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
        int rounds = BenchEnv.intArg(args, "--rounds", 7);
        int roundRequests = BenchEnv.intArg(args, "--round-requests", 10_000);
        int warmupRounds = BenchEnv.intArg(args, "--warmup-rounds", 1);
        int producers = BenchEnv.intArg(args, "--producers", 4);
        int window = BenchEnv.intArg(args, "--window", 64);
        double issueShare = BenchEnv.doubleArg(args, "--issue-share", 0.25);
        int groupBatch = BenchEnv.intArg(args, "--batch", DeskWriter.DEFAULT_MAX_BATCH);
        String only = BenchEnv.stringArg(args, "--only", "");
        if (rounds < 1 || rounds > 20 || roundRequests < 100 || roundRequests > 100_000 || warmupRounds < 0
                || warmupRounds > 5 || producers < 1 || producers > 64 || window < 1 || window > 10_000
                || issueShare < 0 || issueShare > 1 || !List.of("", "group", "baseline").contains(only)) {
            throw new IllegalArgumentException("rounds 1-20, round-requests 100-100000, warmup-rounds 0-5, producers "
                    + "1-64, window 1-10000, issue-share 0-1, only group|baseline");
        }
        List<Integer> settings = only.isEmpty() ? List.of(groupBatch, 1) : List.of(only.equals("group") ? groupBatch : 1);

        Path root = BenchEnv.repoRoot();
        Office profile = BenchEnv.office(root);
        Map<String, Integer> counterUnits = new LinkedHashMap<>();
        profile.counters().forEach(c -> counterUnits.put("counter-" + c.number(), c.number()));
        Office office = BenchEnv.binding(profile, IntStream.rangeClosed(1, producers).mapToObj(p -> "kiosk-" + p).toList(),
                counterUnits);
        Path scratch = BenchEnv.scratch(root, "writer");
        CpuWatch machine = new CpuWatch();
        try {
            System.out.println("# WriterThroughputBench (P2: durable command throughput of DeskWriter)");
            BenchEnv.machine(scratch).forEach(l -> System.out.println("  " + l));
            System.out.printf("  load         %d producer threads × %d outstanding = %d requests in flight; %.0f%% "
                    + "ticket.issue (services by visit share), the rest counter.next/start/done; office %s (%d services, "
                    + "%d counters)%n", producers, window, producers * window, issueShare * 100, office.id(),
                    office.services().size(), office.counters().size());
            System.out.printf("  rounds       %d timed rounds per setting of %d requests (≈ %.0f tickets) each on a new "
                    + "database, settings alternating; %d warm-up round(s) per setting first%n%n", rounds, roundRequests,
                    roundRequests * issueShare, warmupRounds);

            FsyncProbe.Result fsync = FsyncProbe.run(scratch.resolve("fsync.db"), 20_000, 2.0);
            System.out.println("fsync floor: " + fsync.summary());

            WriterThroughputBench bench = new WriterThroughputBench(office, scratch, producers, window, issueShare,
                    roundRequests);
            System.out.println("warm-up…");
            for (int w = 0; w < warmupRounds; w++) {
                for (int batch : settings) {
                    bench.round(batch);
                }
            }

            List<Round> group = new ArrayList<>();
            List<Round> single = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                // Alternate which setting goes first, so drift in the machine does not favour one.
                List<Integer> order = r % 2 == 0 ? settings : settings.reversed();
                for (int batch : order) {
                    Round result = bench.round(batch);
                    (batch == 1 ? single : group).add(result);
                    System.out.printf("round %d maxBatch=%-3d %6.0f ops/s (%d replies in %.2f s; %.1f requests per "
                            + "state-changing commit; CPU in cores: writer thread %.2f, this JVM %.2f, other processes "
                            + "%.2f%s)%n    sampled answers %s%n", r + 1, result.maxBatch(), result.opsPerSecond(),
                            result.acks(), result.seconds(),
                            result.acks() / (double) Math.max(1, result.batchesWithChanges()), result.writerCpu(),
                            result.processCpu(), result.othersCpu(), result.othersCpu() > CpuWatch.BUSY_CORES
                                    ? " BUSY" : "", result.sampledOutcomes());
                }
            }
            report(fsync, group, single, groupBatch);
            System.out.println("machine during the run: " + machine.summary());
        } finally {
            BenchEnv.deleteTree(scratch);
        }
    }

    private static void report(FsyncProbe.Result fsync, List<Round> group, List<Round> single, int groupBatch) {
        System.out.println();
        System.out.println("| setting | committed ops/s, median | min – max | rounds | median of the quiet rounds "
                + "| writer thread CPU, median |");
        System.out.println("|---|---:|---|---:|---:|---:|");
        row("group commit, maxBatch=" + groupBatch, group, true);
        row("one fsync per request, maxBatch=1", single, false);
        System.out.printf("| raw SQLite one-row transaction (no engine, no JSON), same disk | %.0f | – | 1 | – | – |%n",
                fsync.perSecond());
        System.out.println();
        System.out.println("(quiet rounds: other processes used at most " + CpuWatch.BUSY_CORES + " cores meanwhile)");
        double gMedian = Samples.median(group.stream().mapToDouble(Round::opsPerSecond).toArray());
        double sMedian = Samples.median(single.stream().mapToDouble(Round::opsPerSecond).toArray());
        if (!group.isEmpty() && !single.isEmpty()) {
            System.out.printf("group commit / baseline = %.1f× (medians of all rounds); ", gMedian / sMedian);
        }
        if (!group.isEmpty()) {
            System.out.printf("target ≥ %.0f ops/s with group commit: %s%n", TARGET_OPS,
                    gMedian >= TARGET_OPS ? "MET" : "MISSED");
        }
    }

    private static void row(String name, List<Round> rounds, boolean bold) {
        if (rounds.isEmpty()) {
            return;
        }
        double[] all = rounds.stream().mapToDouble(Round::opsPerSecond).toArray();
        double[] quiet = rounds.stream().filter(r -> r.othersCpu() <= CpuWatch.BUSY_CORES)
                .mapToDouble(Round::opsPerSecond).toArray();
        String median = String.format("%.0f", Samples.median(all));
        System.out.printf("| %s | %s | %.0f – %.0f | %d | %s | %.2f cores |%n", name, bold ? "**" + median + "**" : median,
                Samples.min(all), Samples.max(all), all.length,
                quiet.length == 0 ? "none quiet" : String.format("%.0f (%d)", Samples.median(quiet), quiet.length),
                Samples.median(rounds.stream().mapToDouble(Round::writerCpu).toArray()));
    }

    // ---- one round ------------------------------------------------------------------------------------------

    /** What the replies tell, counted on the writer thread. */
    private static final class Tally {
        final AtomicLong acks = new AtomicLong();
        final CountDownLatch allAnswered;
        final ConcurrentLinkedQueue<byte[]> sampled = new ConcurrentLinkedQueue<>();

        Tally(int requests) {
            this.allAnswered = new CountDownLatch(requests);
        }
    }

    private Round round(int maxBatch) throws Exception {
        int n = roundNumber.incrementAndGet();
        Path dir = scratch.resolve("round-" + n + "-batch-" + maxBatch);
        StateSink publisher = new StateSink();
        Tally tally = new Tally(roundRequests);
        AtomicLong budget = new AtomicLong(roundRequests);
        List<Thread> threads = new ArrayList<>();
        try (HubStore store = HubStore.open(dir.resolve("hub.db"))) {
            DeskWriter writer = new DeskWriter(office, store, Clock.systemUTC(), publisher, maxBatch);
            try {
                SignedIn.everyCounter(writer, office);
                ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                long writerThread = writerThreadId();
                long w0 = mx.getThreadCpuTime(writerThread);
                long c0 = processCpuNanos();
                CpuWatch others = new CpuWatch();
                long b0 = publisher.boards.get();
                long t0 = System.nanoTime();
                for (int p = 0; p < producers; p++) {
                    Workload load = new Workload(office, issueShare, n * 1_000L + p);
                    List<Integer> counters = countersOf(p);
                    String kiosk = "kiosk-" + (p + 1);
                    threads.add(Thread.ofPlatform().name("producer-" + p).start(() -> produce(writer, load, kiosk,
                            counters, new Semaphore(window), budget, tally)));
                }
                if (!tally.allAnswered.await(ROUND_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("round " + n + ": only " + tally.acks.get() + " of " + roundRequests
                            + " requests answered within " + ROUND_LIMIT_SECONDS + " s");
                }
                long t1 = System.nanoTime();
                long w1 = mx.getThreadCpuTime(writerThread);
                long c1 = processCpuNanos();
                double othersCores = others.othersCores();
                long b1 = publisher.boards.get();
                for (Thread t : threads) {
                    t.join(TimeUnit.SECONDS.toMillis(10));
                }
                double elapsed = (t1 - t0) / 1e9;
                return new Round(maxBatch, tally.acks.get(), elapsed, b1 - b0, (w1 - w0) / 1e9 / elapsed,
                        (c1 - c0) / 1e9 / elapsed, othersCores, outcomes(tally.sampled));
            } finally {
                budget.set(0);
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

    /** Submits until the round's budget is spent, never more than the semaphore's permits outstanding. */
    private static void produce(DeskWriter writer, Workload load, String kiosk, List<Integer> counters,
                                Semaphore inFlight, AtomicLong budget, Tally tally) {
        int[] cycle = Workload.newCycle();
        int nextCounter = 0;
        try {
            for (long i = 0; budget.getAndDecrement() > 0; i++) {
                if (!inFlight.tryAcquire(ROUND_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    return;
                }
                Request request;
                String device;
                if (load.nextIsIssue()) {
                    request = load.issue();
                    device = kiosk;
                } else {
                    int slot = nextCounter;
                    nextCounter = (nextCounter + 1) % counters.size();
                    request = load.counter(counters.get(slot), cycle);
                    device = "counter-" + counters.get(slot);
                }
                boolean sample = (i & 31) == 0;
                writer.submit(device, request, response -> {
                    // Runs on the writer thread after the commit: keep it to a count, a sample and a permit.
                    tally.acks.incrementAndGet();
                    if (sample) {
                        tally.sampled.add(response);
                    }
                    inFlight.release();
                    tally.allAnswered.countDown();
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
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("desk-writer") && t.isAlive()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no desk-writer thread")).threadId();
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
