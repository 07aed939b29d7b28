package vn.motcua.hub.writer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.hub.authority.UnitPermissions;
import vn.motcua.hub.engine.Command;
import vn.motcua.hub.engine.Decision;
import vn.motcua.hub.engine.Engine;
import vn.motcua.hub.engine.Event;
import vn.motcua.hub.engine.TicketStatus;
import vn.motcua.hub.engine.Views;
import vn.motcua.hub.metrics.Metrics;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.store.CommitFailedException;
import vn.motcua.hub.store.HubStore;
import vn.motcua.hub.web.LiveState;
import vn.motcua.hub.web.TicketLookup;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * The one writer. Every request reaches the engine through this queue and one thread, unless the sending unit is not
 * bound to send it ({@link UnitPermissions}: answered {@code NOT_PERMITTED} and recorded like any answer); requests that arrive together
 * are decided and committed in one transaction (group commit), and only after the commit are responses sent and
 * state published. A request id seen before is answered with the stored original response and changes nothing.
 * A new request that comes too late ({@link Staleness}) is refused, and the refusal recorded like any other.
 * The engine, the store and the batch belong to the writer thread; {@link #board()} and {@link #services()} are
 * safe from any thread. With no requests for a minute the writer lets the clock in (a new office day at midnight).
 * {@link #status} reads one ticket through the same queue, so it sees exactly what was committed. A batch whose
 * commit fails (a full disk…) is answered {@code INTERNAL} with the reason and the engine is reloaded from disk;
 * {@link CommitHealth} counts, logs and reports it ({@link #storeProblem()}).
 */
public final class DeskWriter implements LiveState, TicketLookup, AutoCloseable {

    /**
     * Office days of history the wait predictor learns from after a restart. Each half hour's estimate weighs an
     * older observation 0.9 for each newer one, so for any service and half hour seen at least once a day, sixty days
     * leave what is older at under 0.2 % of the weight: after a restart the estimates are, to the minute, those before.
     */
    static final int LEARNED_DAYS = 60;

    /**
     * How often the catalogue's per-service estimates are worked out again; between times every commit publishes
     * fresh waiting counts with the last estimates. A kiosk key's estimate a few seconds old is still the promise
     * it was; the ticket itself always carries the estimate made when it was issued.
     */
    static final Duration ESTIMATES_EVERY = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(DeskWriter.class);
    /** Requests committed together at most; 1 turns group commit off (one fsync per request, the baseline). */
    public static final int DEFAULT_MAX_BATCH = 256;
    private static final Job STOP = new Job.Stop();
    /** How long a status read waits for the writer, busy with a large batch, before the page says "try again". */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final Office office;
    private final HubStore store;
    private final Clock clock;
    private final StatePublisher publisher;
    private final Codec codec = new Codec();
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final int maxBatch;
    private final StatusLinks links;
    private final Thread thread;
    private final CommitHealth commits;
    private final Staleness staleness;
    private final UnitPermissions permissions;
    private Engine engine;
    private volatile Board board;
    private volatile ServiceCatalogue services;
    /** When the catalogue's estimates were last worked out ({@link #ESTIMATES_EVERY}); null before the first. */
    private Instant estimatedAt;

    public DeskWriter(Office office, HubStore store, Clock clock, StatePublisher publisher) {
        this(office, store, clock, publisher, DEFAULT_MAX_BATCH);
    }

    public DeskWriter(Office office, HubStore store, Clock clock, StatePublisher publisher, int maxBatch) {
        this(office, store, clock, publisher, maxBatch, StatusLinks.none());
    }

    /** {@code links}: the status-page link added to every issued ticket's answer. */
    public DeskWriter(Office office, HubStore store, Clock clock, StatePublisher publisher, int maxBatch,
                      StatusLinks links) {
        this(office, store, clock, publisher, maxBatch, links, new Metrics());
    }

    /** {@code metrics}: where failed commits and requests not permitted are counted. */
    public DeskWriter(Office office, HubStore store, Clock clock, StatePublisher publisher, int maxBatch,
                      StatusLinks links, Metrics metrics) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.maxBatch = maxBatch;
        this.links = links;
        this.office = office;
        this.store = store;
        this.clock = clock;
        this.publisher = publisher;
        this.commits = new CommitHealth(metrics, clock);
        this.staleness = new Staleness(metrics);
        this.permissions = new UnitPermissions(office, metrics);
        this.engine = recover();
        tick(); // a hub that was down over midnight opens the new office day now, not a minute after it starts
        publishAll(clock.instant());
        this.thread = Thread.ofPlatform().name("desk-writer").start(this::run);
    }

    /** Queues a request; {@code reply} receives the encoded response after its transaction commits. */
    public void submit(String deviceId, Request request, Consumer<byte[]> reply) {
        queue.add(new Job.FromDevice(deviceId, request, reply));
    }

    /** Queues a command from inside the hub; {@code done} hears the decision after it commits. */
    public void submit(Command command, Consumer<Decision> done) {
        queue.add(new Job.Internal(command, done));
    }

    /**
     * Runs {@code work} on the writer thread between batches, after everything queued before it: how the systemd
     * watchdog learns that this thread still takes work. {@code work} must not throw or block.
     */
    public void runBetweenBatches(Runnable work) {
        queue.add(new Job.Read(engine -> work.run()));
    }

    /**
     * Today's ticket {@code label} as committed now, read on the writer thread.
     *
     * @throws TicketLookup.Unavailable if the writer does not get to it within two seconds (or is stopped)
     */
    @Override
    public Optional<TicketStatus> status(String label) {
        CompletableFuture<Optional<TicketStatus>> answer = new CompletableFuture<>();
        queue.add(new Job.Read(engine -> {
            try {
                answer.complete(engine.view().ticketStatus(label, clock.instant()));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e); // a bug: the page gets a 500, the writer carries on
            }
        }));
        try {
            return answer.get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TicketLookup.Unavailable("the ticket desk is busy; try again in a moment");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TicketLookup.Unavailable("interrupted while reading " + label);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading " + label + " failed", e.getCause());
        }
    }

    /**
     * The engine as the log on disk says it is: every stored group of the current day replayed in order, after its
     * wait predictor has learned again from the office days before ({@link #LEARNED_DAYS}).
     */
    private Engine recover() {
        LocalDate today = clock.instant().atZone(office.zone()).toLocalDate();
        Engine recovered = new Engine(office, store.firstDay().orElse(today));
        recovered.learn(store.learningHistory(LEARNED_DAYS));
        store.recovery().forEach(group -> recovered.replay(group.actor(), group.events()));
        return recovered;
    }

    private void run() {
        List<Job> batch = new ArrayList<>();
        while (true) {
            try {
                Job first = queue.poll(1, TimeUnit.MINUTES);
                if (first == null) {
                    tick();
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            boolean stop = batch.remove(STOP);
            // Reads see the state committed by earlier batches, before this batch changes it; they write nothing.
            batch.removeIf(job -> {
                if (job instanceof Job.Read read) {
                    read.read().accept(engine);
                    return true;
                }
                return false;
            });
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

    private void tick() {
        Instant now = clock.instant();
        LocalDate before = engine.state().day();
        Decision decision = engine.handle(new Command.Tick(), now);
        if (decision.changed()) {
            try {
                store.inTransaction(() -> store.append(before, Optional.empty(), decision.prelude(), Optional.empty()));
            } catch (RuntimeException e) {
                commits.failed(e, 0); // logs it, once per episode; the next tick tries the new day again
                engine = recover();
                return;
            }
            commits.committed();
            publishChanges(decision.prelude(), now);
        }
    }

    private void apply(List<Job> batch) {
        Instant now = clock.instant();
        OffsetDateTime answeredAt = now.atZone(office.zone()).toOffsetDateTime();
        Map<String, byte[]> answered = new HashMap<>(); // device/id → response, for duplicates within the batch
        List<Runnable> afterCommit = new ArrayList<>();
        List<HubStore.Work> writes = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (Job next : batch) {
            if (next instanceof Job.Internal internal) {
                LocalDate dayBefore = engine.state().day();
                Decision decision = engine.handle(internal.command(), now);
                LocalDate day = engine.state().day();
                writes.add(() -> {
                    store.append(dayBefore, Optional.empty(), decision.prelude(), Optional.empty());
                    store.append(day, decision.actor(), decision.events(), Optional.empty());
                });
                events.addAll(decision.prelude());
                events.addAll(decision.events());
                afterCommit.add(() -> internal.done().accept(decision));
                continue;
            }
            Job.FromDevice job = (Job.FromDevice) next;
            String key = job.deviceId() + "/" + job.request().id();
            Optional<byte[]> earlier = Optional.ofNullable(answered.get(key))
                    .or(() -> store.processedResponse(job.deviceId(), job.request().id()));
            if (earlier.isPresent()) {
                afterCommit.add(() -> job.reply().accept(earlier.get()));
                continue;
            }
            LocalDate dayBefore = engine.state().day();
            Decision decision = staleness.refusal(job.request(), now)
                    .or(() -> permissions.refusal(job.deviceId(), job.request().body())
                            .map(reason -> Decision.rejected(ErrorCode.NOT_PERMITTED, reason)))
                    .or(() -> Commands.of(job.deviceId(), job.request()).map(command -> engine.handle(command, now)))
                    .orElseGet(() -> notSupported(job.request()));
            LocalDate day = engine.state().day();
            byte[] response = codec.encode(respond(job.request(), decision, links).answeredAt(answeredAt));
            answered.put(key, response);
            Optional<String> requestId = Optional.of(job.request().id());
            writes.add(() -> {
                store.append(dayBefore, Optional.empty(), decision.prelude(), Optional.empty());
                store.append(day, decision.actor(), decision.events(), requestId);
                store.saveProcessed(job.request().id(), job.deviceId(), job.request().op().wireName(), response, now);
            });
            events.addAll(decision.prelude());
            events.addAll(decision.events());
            afterCommit.add(() -> job.reply().accept(response));
        }
        try {
            store.inTransaction(() -> {
                for (HubStore.Work write : writes) {
                    write.run();
                }
            });
        } catch (RuntimeException e) {
            // Logged once per episode by CommitHealth: under load on a full disk, a line per batch would flood the
            // journal, which shares that disk.
            CommitFailedException.Reason reason = commits.failed(e, batch.size());
            engine = recover();
            String message = CommitHealth.wireMessage(reason);
            Decision failed = new Decision(List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.of(
                    new Decision.Rejection(ErrorCode.INTERNAL, message)));
            for (Job job : batch) {
                switch (job) {
                    case Job.FromDevice device -> device.reply().accept(codec.encode(Response.Failure.of(device.request(),
                            ErrorCode.INTERNAL, message).answeredAt(answeredAt)));
                    case Job.Internal internal -> internal.done().accept(failed);
                    case Job.Read read -> { }
                    case Job.Stop stop -> { }
                }
            }
            return;
        }
        if (!writes.isEmpty()) {
            commits.committed(); // a batch of repeats alone writes nothing, so it proves nothing about the storage
        }
        afterCommit.forEach(Runnable::run);
        if (!events.isEmpty()) {
            publishChanges(events, now);
        }
    }

    private static Decision notSupported(Request request) {
        return new Decision(List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.of(new Decision.Rejection(
                ErrorCode.NOT_SUPPORTED, request.op().wireName() + " is not supported by this hub version")));
    }

    private static Response respond(Request request, Decision decision, StatusLinks links) {
        return decision.answer().<Response>map(body -> new Response.Ok(request.id(), request.op(), links.link(body)))
                .orElseGet(() -> Response.Failure.of(request, decision.rejection().orElseThrow().code(),
                        decision.rejection().orElseThrow().message()));
    }

    private void publishChanges(List<Event> events, Instant now) {
        Views view = engine.view();
        Set<Integer> counters = new TreeSet<>(Changes.counters(events, view.counters()));
        counters.forEach(n -> publisher.counterState(view.counterState(n)));
        publishViews(view, now);
    }

    private void publishAll(Instant now) {
        Views view = engine.view();
        view.counters().forEach(n -> publisher.counterState(view.counterState(n)));
        publishViews(view, now);
    }

    private void publishViews(Views view, Instant now) {
        // The board's sequence is the log's latest change: it grows with every commit and, read from the log, goes on
        // from where it was after a restart, which republishes the same board with the same number.
        board = view.board(store.lastChange());
        if (estimatedAt == null || !now.isBefore(estimatedAt.plus(ESTIMATES_EVERY))
                || !services.updatedAt().toLocalDate().equals(now.atZone(office.zone()).toLocalDate())) {
            services = view.catalogue(now);
            estimatedAt = now;
        } else {
            services = view.catalogue(now, services);
        }
        publisher.board(board);
        publisher.services(services);
        listeners.forEach(Runnable::run);
    }

    /** The hub's clock in the office's offset, as every answer's {@code at} gives it. */
    public OffsetDateTime now() {
        return clock.instant().atZone(office.zone()).toOffsetDateTime();
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
    public Optional<String> storeProblem() {
        return commits.failing().map(CommitFailedException.Reason::label);
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
