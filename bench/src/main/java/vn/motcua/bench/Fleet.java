package vn.motcua.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.eclipse.paho.client.mqttv3.MqttException;

import vn.motcua.hub.site.Office;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.topic.Topics;
import vn.motcua.protocol.transport.NoDelaySocketFactory;

/**
 * P1's simulated units as a fleet for benches that run the hub as a child process: kiosks and counter units (the
 * ids of {@link RequestLatencyBench}), each its own Paho client following the retained state a real unit follows,
 * driven on P1's fixed open-loop timetable, with each answer's latency from its scheduled send time.
 */
final class Fleet implements LoadDevice.Receiver, AutoCloseable {

    private record Pending(long scheduledNanos, boolean measured) {
    }

    private final Codec codec = new Codec();
    private final Office office;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong stateMessages = new AtomicLong();
    private final List<LoadDevice> kiosks = new ArrayList<>();
    private final List<LoadDevice> counterUnits = new ArrayList<>();
    private Samples latency = new Samples(1);

    Fleet(Office office) {
        this.office = office;
    }

    /** Kiosk ids and counter-unit ids with their counters, as {@link RequestLatencyBench} names them. */
    static List<String> kioskIds(int devices, int counterDevices) {
        return IntStream.range(0, devices - counterDevices).mapToObj(RequestLatencyBench::kioskId)
                .toList();
    }

    static Map<String, Integer> counterUnits(Office office, int counterDevices) {
        List<Integer> numbers = office.counters().stream().map(Office.Counter::number).toList();
        Map<String, Integer> units = new LinkedHashMap<>();
        for (int j = 0; j < counterDevices; j++) {
            units.put(RequestLatencyBench.counterUnitId(j, numbers), numbers.get(j % numbers.size()));
        }
        return units;
    }

    /** Connects and subscribes every unit (answers, and the retained state of its kind with the hub's presence). */
    void connect(String url, int devices, int counterDevices) throws MqttException {
        Topics topics = Topics.forSite(office.id());
        for (String id : kioskIds(devices, counterDevices)) {
            kiosks.add(new LoadDevice(url, topics, id, 0, this, stateMessages));
        }
        counterUnits(office, counterDevices).forEach((id, counter) -> {
            try {
                counterUnits.add(new LoadDevice(url, topics, id, counter, this, stateMessages));
            } catch (MqttException e) {
                throw new IllegalStateException(e);
            }
        });
        List<LoadDevice> all = all();
        LoadDevice.connectAll(all, new NoDelaySocketFactory(), true);
    }

    private List<LoadDevice> all() {
        List<LoadDevice> all = new ArrayList<>(kiosks);
        all.addAll(counterUnits);
        return all;
    }

    /** The first unit of every counter signs its officer ({@code cb.N}, the profile's staff) in; waits for the answers. */
    void signInEveryCounter() {
        Ulid ids = Ulid.generator();
        Map<Integer, LoadDevice> first = new TreeMap<>();
        counterUnits.forEach(u -> first.putIfAbsent(u.counter, u));
        first.forEach((counter, unit) -> send(unit, Request.of(ids.next(), OffsetDateTime.now(
                ZoneOffset.ofHours(7)), new RequestBody.CounterSignIn(counter, "cb." + counter)),
                System.nanoTime(), false));
        awaitAnswers(30);
        outcomes.clear();
    }

    /**
     * {@code warm} then {@code measured} requests at {@code rate} a second on a fixed timetable (P1's mix); calls
     * {@code everySecond} about once a second with the number of measured requests scheduled so far; then waits
     * (bounded) for the answers.
     */
    void run(double rate, double issueShare, int warm, int measured, long seed, IntConsumer everySecond) {
        long period = Math.round(1e9 / rate);
        latency = new Samples(Math.max(measured, 1));
        Workload load = new Workload(office, issueShare, seed);
        Random pick = new Random(seed + 2);
        int[] cycle = Workload.newCycle();
        int nextCounterUnit = 0;
        long start = System.nanoTime() + 50_000_000L;
        long nextTick = start + 1_000_000_000L;
        for (int i = 0; i < warm + measured; i++) {
            long scheduled = start + i * period;
            while (System.nanoTime() < scheduled) {
                LockSupport.parkNanos(Math.min(scheduled - System.nanoTime(), 1_000_000L));
            }
            if (scheduled >= nextTick) {
                everySecond.accept(Math.max(0, i - warm));
                nextTick += 1_000_000_000L;
            }
            LoadDevice device;
            Request request;
            if (load.nextIsIssue()) {
                device = kiosks.get(pick.nextInt(kiosks.size()));
                request = load.issue();
            } else {
                device = counterUnits.get(nextCounterUnit);
                nextCounterUnit = (nextCounterUnit + 1) % counterUnits.size();
                request = load.counter(device.counter, cycle);
            }
            send(device, request, scheduled, i >= warm);
        }
        awaitAnswers(10);
    }

    private void send(LoadDevice device, Request request, long scheduled, boolean measured) {
        pending.put(request.id(), new Pending(scheduled, measured));
        try {
            device.publish(device.requestTopic, codec.encode(request));
        } catch (MqttException e) {
            pending.remove(request.id());
            outcomes.merge("send failed", 1, Integer::sum);
        }
    }

    private void awaitAnswers(double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        if (!pending.isEmpty()) {
            outcomes.merge("unanswered", pending.size(), Integer::sum);
            pending.clear();
        }
    }

    @Override
    public void received(LoadDevice device, boolean echo, byte[] payload, long arrivedNanos) {
        Response response;
        try {
            response = codec.decodeResponse(payload);
        } catch (RuntimeException e) {
            outcomes.merge("undecodable", 1, Integer::sum);
            return;
        }
        Pending p = pending.remove(response.id().orElse(""));
        if (p == null) {
            return;
        }
        if (p.measured()) {
            latency.add(arrivedNanos - p.scheduledNanos());
            outcomes.merge(response.op().map(op -> op.wireName()).orElse("?") + " "
                    + (response instanceof Response.Failure f ? f.code().name() : "ok"), 1, Integer::sum);
        }
    }

    Samples latency() {
        return latency;
    }

    Map<String, Integer> outcomes() {
        return new TreeMap<>(outcomes);
    }

    long stateMessages() {
        return stateMessages.get();
    }

    @Override
    public void close() {
        all().forEach(LoadDevice::close);
    }
}
