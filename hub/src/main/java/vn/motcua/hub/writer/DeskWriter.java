package vn.motcua.hub.writer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.hub.desk.Desk;
import vn.motcua.hub.desk.DeskView;
import vn.motcua.hub.desk.Outcome;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.store.HubStore;
import vn.motcua.hub.web.LiveState;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * The one writer. Every request reaches the desk through this queue and one thread; requests that arrive together
 * are applied and committed in one transaction (group commit), and only after the commit are responses sent and
 * state published. A request id seen before is answered with the stored original response and changes nothing.
 * The desk, the store and the batch belong to the writer thread; {@link #board()} and {@link #services()} are
 * safe from any thread.
 */
public final class DeskWriter implements LiveState, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskWriter.class);
    /** Requests committed together at most; 1 turns group commit off (one fsync per request, the baseline). */
    public static final int DEFAULT_MAX_BATCH = 256;
    private static final Job STOP = new Job("", null, bytes -> { });

    private final Office office;
    private final HubStore store;
    private final Clock clock;
    private final StatePublisher publisher;
    private final Codec codec = new Codec();
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final int maxBatch;
    private final Thread thread;
    private Desk desk;
    private long sequence;
    private volatile Board board;
    private volatile ServiceCatalogue services;

    public DeskWriter(Office office, HubStore store, Clock clock, StatePublisher publisher) {
        this(office, store, clock, publisher, DEFAULT_MAX_BATCH);
    }

    public DeskWriter(Office office, HubStore store, Clock clock, StatePublisher publisher, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.maxBatch = maxBatch;
        this.office = office;
        this.store = store;
        this.clock = clock;
        this.publisher = publisher;
        this.desk = recover();
        // Boards are ordered by sequence; starting from the clock keeps it increasing across hub restarts.
        this.sequence = clock.millis();
        publishAll(clock.instant());
        this.thread = Thread.ofPlatform().name("desk-writer").start(this::run);
    }

    /** Queues a request; {@code reply} receives the encoded response after its transaction commits. */
    public void submit(String deviceId, Request request, Consumer<byte[]> reply) {
        queue.add(new Job(deviceId, request, reply));
    }

    private Desk recover() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(office.zone()).toLocalDate();
        Desk recovered = new Desk(office, today);
        recovered.restore(store.ticketsOf(today), store.counters(), store.ratedTickets(today));
        return recovered;
    }

    private void run() {
        List<Job> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                try {
                    apply(batch);
                } catch (RuntimeException e) {
                    // A bug must not stop the office: log it loudly and keep the writer alive for the next batch.
                    LOG.error("unexpected failure applying a batch of {} request(s)", batch.size(), e);
                }
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    private void apply(List<Job> batch) {
        Instant now = clock.instant();
        Map<String, byte[]> answered = new HashMap<>(); // device/id → response, for duplicates within the batch
        List<Runnable> afterCommit = new ArrayList<>();
        List<HubStore.Work> writes = new ArrayList<>();
        TreeSet<Integer> counters = new TreeSet<>();
        boolean changed = false;
        for (Job job : batch) {
            String key = job.deviceId() + "/" + job.request().id();
            Optional<byte[]> earlier = Optional.ofNullable(answered.get(key))
                    .or(() -> store.processedResponse(job.deviceId(), job.request().id()));
            if (earlier.isPresent()) {
                afterCommit.add(() -> job.reply().accept(earlier.get()));
                continue;
            }
            Outcome outcome = desk.handle(job.request().body(), now);
            byte[] response = codec.encode(respond(job.request(), outcome));
            answered.put(key, response);
            writes.add(() -> {
                for (var ticket : outcome.changedTickets()) {
                    store.saveTicket(ticket);
                }
                if (outcome.rating().isPresent()) {
                    store.saveRating(job.request().id(), outcome.rating().get());
                }
                store.saveProcessed(job.request().id(), job.deviceId(), job.request().op().wireName(), response, now);
            });
            counters.addAll(outcome.changedCounters());
            changed |= outcome.changedState();
            afterCommit.add(() -> job.reply().accept(response));
        }
        try {
            store.inTransaction(() -> {
                for (HubStore.Work write : writes) {
                    write.run();
                }
                for (int counter : counters) {
                    store.saveCounter(desk.slotOf(counter));
                }
            });
        } catch (RuntimeException e) {
            LOG.error("commit failed; answering {} request(s) INTERNAL and reloading state from disk", batch.size(), e);
            desk = recover();
            batch.forEach(job -> job.reply().accept(codec.encode(Response.Failure.of(job.request(), ErrorCode.INTERNAL,
                    "the hub could not store the request; retry with the same id"))));
            return;
        }
        afterCommit.forEach(Runnable::run);
        if (changed) {
            DeskView view = desk.view();
            counters.forEach(n -> publisher.counterState(view.counterState(n, now)));
            publishViews(view, now);
        }
    }

    private static Response respond(Request request, Outcome outcome) {
        return outcome.body().<Response>map(body -> new Response.Ok(request.id(), request.op(), body))
                .orElseGet(() -> Response.Failure.of(request, outcome.rejection().orElseThrow().code(),
                        outcome.rejection().orElseThrow().message()));
    }

    private void publishAll(Instant now) {
        DeskView view = desk.view();
        view.counters().forEach(n -> publisher.counterState(view.counterState(n, now)));
        publishViews(view, now);
    }

    private void publishViews(DeskView view, Instant now) {
        board = view.board(++sequence, now);
        services = view.catalogue(now);
        publisher.board(board);
        publisher.services(services);
        listeners.forEach(Runnable::run);
    }

    @Override
    public Board board() {
        return board;
    }

    @Override
    public ServiceCatalogue services() {
        return services;
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Finishes the requests already queued, then stops the writer thread. */
    @Override
    public void close() throws InterruptedException {
        queue.add(STOP);
        thread.join();
    }
}
