package vn.motcua.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.paho.client.mqttv3.MqttException;

import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.UnitLimits;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.topic.Topics;
import vn.motcua.protocol.transport.NoDelaySocketFactory;
import vn.motcua.testkit.Mosquitto;

/**
 * Fairness: the latency of one unit's requests (the victim: a counter unit pressing next → start → done on a fixed
 * timetable) while other units flood the hub with {@code ticket.issue} as fast as their Paho client sends (1,000
 * each, 1,000 in flight), against the same unit's latency with nobody flooding, on the same hub in the same run.
 * The hub is the real one on a real Mosquitto, as in P1, with the profile's per-unit budget (the defaults unless the
 * profile sets them); a last phase runs the same flood against a hub whose budget is out of reach, to show what the
 * budget prevents.
 *
 * <pre>options: --victim-rate 10 --seconds 30 --floods 5</pre>
 */
public final class FairnessBench implements LoadDevice.Receiver {

    private static final List<String> OPTIONS = List.of("--victim-rate", "--seconds", "--floods");
    private static final int FLOOD = 1_000;
    private static final String VICTIM = "counter-1";
    private static final String FEEDER = "kiosk-00";

    private record Pending(long scheduledNanos, Samples into) {
    }

    /** One flood: when it began, when its last publish returned and when its last answer arrived. */
    private static final class Flood {
        final String unit;
        volatile long started;
        volatile long published;
        final AtomicLong answered = new AtomicLong();
        final AtomicLong lastAnswer = new AtomicLong();

        Flood(String unit) {
            this.unit = unit;
        }
    }

    private final Codec codec = new Codec();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Integer> floodOutcomes = new ConcurrentHashMap<>();
    private final Map<String, Integer> victimOutcomes = new ConcurrentHashMap<>();
    private final Map<String, Flood> floods = new ConcurrentHashMap<>();
    private final Office office;

    private FairnessBench(Office office) {
        this.office = office;
    }

    public static void main(String[] args) throws Exception {
        BenchEnv.rejectUnknown(args, OPTIONS, List.of());
        double victimRate = BenchEnv.doubleArg(args, "--victim-rate", 10);
        int seconds = BenchEnv.intArg(args, "--seconds", 30);
        int floodCount = BenchEnv.intArg(args, "--floods", 5);
        if (victimRate <= 0 || victimRate > 20 || seconds < 5 || seconds > 120 || floodCount < 1 || floodCount > 9) {
            throw new IllegalArgumentException("victim-rate (0, 20] (the budget's default rate), seconds 5-120, floods 1-9");
        }
        Path root = BenchEnv.repoRoot();
        Office profile = BenchEnv.office(root);
        List<String> kiosks = new ArrayList<>(List.of(FEEDER));
        for (int f = 1; f <= floodCount; f++) {
            kiosks.add("kiosk-f" + f);
        }
        Office office = BenchEnv.binding(profile, kiosks, Map.of(VICTIM, 1));
        Path scratch = BenchEnv.scratch(root, "fairness");
        FairnessBench bench = new FairnessBench(office);
        try (Mosquitto mosquitto = Mosquitto.start(scratch.resolve("mosquitto"))) {
            System.out.println("# FairnessBench (one unit's latency while others flood ticket.issue)");
            BenchEnv.machine(scratch).forEach(l -> System.out.println("  " + l));
            UnitLimits limits = office.rules().unitLimits();
            System.out.printf("  budget       %d requests/s after a burst of %d, %d tickets a minute per unit%n",
                    limits.requestsPerSecond(), limits.requestBurst(), limits.ticketsPerMinute());
            System.out.printf("  victim       %s: counter.next/start/done on counter 1, %.0f a second, open loop; "
                    + "phases of %d s%n%n", VICTIM, victimRate, seconds);
            Topics topics = Topics.forSite(office.id());
            List<LoadDevice> units = new ArrayList<>();
            try {
                LoadDevice victim = new LoadDevice(mosquitto.url(), topics, VICTIM, 1, bench, new AtomicLong());
                units.add(victim);
                victim.connect(new NoDelaySocketFactory()).waitForCompletion(10_000);
                victim.subscribe(false).waitForCompletion(10_000);
                List<LoadDevice> flooders = new ArrayList<>();
                for (int f = 1; f <= floodCount; f++) {
                    LoadDevice flooder = new LoadDevice(mosquitto.url(), topics, "kiosk-f" + f, 0, bench, new AtomicLong());
                    units.add(flooder);
                    flooders.add(flooder);
                    flooder.connect(new NoDelaySocketFactory(), FLOOD).waitForCompletion(10_000);
                    flooder.subscribe(false).waitForCompletion(10_000);
                }
                String[] rows;
                try (Hub hub = Hub.start(HubSettings.local(office, scratch.resolve("hub"))
                        .withExternalBroker(mosquitto.url()), Clock.systemUTC())) {
                    bench.prepare(hub);
                    Samples quiet = bench.victim(victim, victimRate, 5, List.of(), 0, "warm-up");
                    quiet = bench.victim(victim, victimRate, seconds, List.of(), 0, "no flood (baseline)");
                    Samples flooded = bench.victim(victim, victimRate, seconds, flooders,
                            (double) seconds / floodCount, floodCount + " floods of " + FLOOD);
                    rows = new String[] {row("no flood (baseline)", quiet), row(floodCount + " floods of 1,000 "
                            + "ticket.issue, one unit at a time, budget on", flooded)};
                }
                System.out.println("flood answers, budget on: " + new TreeMap<>(bench.floodOutcomes));
                bench.printFloods();
                bench.floodOutcomes.clear();
                bench.floods.clear();
                Office unlimited = office.withRules(office.rules().withUnitLimits(new UnitLimits(100_000, 100_000,
                        100_000)));
                String unbounded;
                try (Hub hub = Hub.start(HubSettings.local(unlimited, scratch.resolve("hub-unlimited"))
                        .withExternalBroker(mosquitto.url()), Clock.systemUTC())) {
                    bench.prepare(hub);
                    bench.victim(victim, victimRate, 5, List.of(), 0, "warm-up");
                    Samples flooded = bench.victim(victim, victimRate, Math.max(5, seconds / floodCount),
                            flooders.subList(0, 1), 0.5, "1 flood of " + FLOOD + ", budget out of reach");
                    unbounded = row("1 flood of 1,000 ticket.issue, budget out of reach (comparison)", flooded);
                }
                System.out.println("flood answers, budget out of reach: " + new TreeMap<>(bench.floodOutcomes));
                bench.printFloods();
                System.out.println("victim answers: " + new TreeMap<>(bench.victimOutcomes));
                System.out.println();
                System.out.println("| victim counter-1's requests | samples | p50 ms | p90 ms | p99 ms | max ms |");
                System.out.println("|---|---:|---:|---:|---:|---:|");
                System.out.println(rows[0]);
                System.out.println(rows[1]);
                System.out.println(unbounded);
            } finally {
                units.forEach(LoadDevice::close);
            }
        } finally {
            BenchEnv.deleteTree(scratch);
        }
    }

    /** Every counter signed in and 300 land-records (DD) tickets waiting for counter 1, issued through the writer. */
    private void prepare(Hub hub) throws InterruptedException {
        SignedIn.everyCounter(hub.writer(), office);
        Ulid ids = Ulid.generator();
        CountDownLatch issued = new CountDownLatch(300);
        for (int i = 0; i < 300; i++) {
            hub.writer().submit(FEEDER, Request.of(ids.next(), OffsetDateTime.now(ZoneOffset.ofHours(7)),
                    new RequestBody.TicketIssue("DD", Optional.empty())), r -> issued.countDown());
        }
        if (!issued.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("300 tickets not issued within 30 s");
        }
    }

    /**
     * The victim's requests at {@code rate} for {@code seconds}; with {@code flooders}, each floods in turn,
     * {@code every} seconds apart from the start. Returns the victim's latencies.
     */
    private Samples victim(LoadDevice victim, double rate, double seconds, List<LoadDevice> flooders, double every,
                           String name) throws InterruptedException {
        int count = (int) Math.round(rate * seconds);
        Samples latency = new Samples(count);
        long period = Math.round(1e9 / rate);
        Workload load = new Workload(office, 0, 7);
        int[] cycle = Workload.newCycle();
        CpuWatch cpu = new CpuWatch();
        long start = System.nanoTime() + 50_000_000L;
        List<Thread> flooding = new ArrayList<>();
        for (int f = 0; f < flooders.size(); f++) {
            LoadDevice flooder = flooders.get(f);
            long at = start + (long) ((0.2 + f * every) * 1e9);
            flooding.add(Thread.ofPlatform().name("flood-" + flooder.id).start(() -> flood(flooder, at)));
        }
        for (int i = 0; i < count; i++) {
            long scheduled = start + i * period;
            while (System.nanoTime() < scheduled) {
                LockSupport.parkNanos(Math.min(scheduled - System.nanoTime(), 500_000L));
            }
            Request request = load.counter(1, cycle);
            pending.put(request.id(), new Pending(scheduled, latency));
            try {
                victim.publish(victim.requestTopic, codec.encode(request));
            } catch (MqttException e) {
                pending.remove(request.id());
                victimOutcomes.merge("send failed", 1, Integer::sum);
            }
        }
        for (Thread t : flooding) {
            t.join(60_000);
        }
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        if (!pending.isEmpty()) {
            victimOutcomes.merge("unanswered", pending.size(), Integer::sum);
            pending.clear();
        }
        long[] s = latency.sorted();
        System.out.printf("%s: victim p50 %s ms, p99 %s ms, max %s ms (%d answers)%n  CPU %s%n", name,
                Samples.ms(Samples.percentile(s, 50)), Samples.ms(Samples.percentile(s, 99)),
                Samples.ms(Samples.percentile(s, 100)), s.length, cpu.summary());
        return latency;
    }

    /** 1,000 ticket.issue as fast as Paho takes them (a full in-flight window waits for a slot, spinning). */
    private void flood(LoadDevice flooder, long at) {
        while (System.nanoTime() < at) {
            LockSupport.parkNanos(Math.min(at - System.nanoTime(), 1_000_000L));
        }
        Flood flood = new Flood(flooder.id);
        floods.put(flooder.id, flood);
        Workload load = new Workload(office, 1.0, flooder.id.hashCode());
        flood.started = System.nanoTime();
        for (int i = 0; i < FLOOD; i++) {
            byte[] payload = codec.encode(load.issue());
            while (true) {
                try {
                    flooder.publish(flooder.requestTopic, payload);
                    break;
                } catch (MqttException e) {
                    if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                        floodOutcomes.merge("send failed", 1, Integer::sum);
                        break;
                    }
                    Thread.onSpinWait();
                }
            }
        }
        flood.published = System.nanoTime();
    }

    @Override
    public void received(LoadDevice device, boolean echo, byte[] payload, long arrivedNanos) {
        Response response = codec.decodeResponse(payload);
        String outcome = response instanceof Response.Failure f ? f.code().name() : "ok";
        Flood flood = floods.get(device.id);
        if (!device.id.equals(VICTIM)) {
            floodOutcomes.merge(outcome, 1, Integer::sum);
            if (flood != null) {
                flood.answered.incrementAndGet();
                flood.lastAnswer.accumulateAndGet(arrivedNanos, Math::max);
            }
            return;
        }
        Pending p = pending.remove(response.id().orElse(""));
        if (p != null) {
            p.into().add(arrivedNanos - p.scheduledNanos());
            victimOutcomes.merge(response.op().map(op -> op.wireName()).orElse("?") + " " + outcome, 1, Integer::sum);
        }
    }

    private void printFloods() {
        new TreeMap<>(floods).values().forEach(f -> System.out.printf("  %s: 1,000 published in %.0f ms, %d answered, "
                + "last answer %.0f ms after the first publish%n", f.unit, (f.published - f.started) / 1e6,
                f.answered.get(), (f.lastAnswer.get() - f.started) / 1e6));
    }

    private static String row(String name, Samples samples) {
        long[] s = samples.sorted();
        return String.format("| %s | %d | %s | %s | %s | %s |", name, s.length, Samples.ms(Samples.percentile(s, 50)),
                Samples.ms(Samples.percentile(s, 90)), Samples.ms(Samples.percentile(s, 99)),
                Samples.ms(Samples.percentile(s, 100)));
    }
}
