package vn.motcua.device.kiosk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.OfficeTime;
import vn.motcua.device.kiosk.offline.LeaseBook;
import vn.motcua.device.kiosk.offline.LeaseKeeper;
import vn.motcua.device.kiosk.offline.OfflineTickets;
import vn.motcua.device.link.LinkException;
import vn.motcua.device.link.MqttLink;
import vn.motcua.device.link.RequestFailedException;
import vn.motcua.device.link.RequestTimeoutException;
import vn.motcua.device.metrics.DeviceMetrics;
import vn.motcua.device.printer.TicketPrinter;
import vn.motcua.device.printer.TicketView;
import vn.motcua.device.printer.escpos.EscPosPrinter;
import vn.motcua.device.scan.AppointmentToken;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.EventBody;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody.TicketIssued;
import vn.motcua.protocol.message.Role;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * The entrance kiosk: a citizen presses a service key, the hub issues a ticket, the printer prints it. Service names
 * come from the retained service catalogue the hub publishes.
 *
 * <p>When the hub is unreachable (its presence says offline or the link is down: at once; or no answer within the
 * request timeout) the kiosk prints from the
 * numbers the hub leased to it ({@link LeaseKeeper}, {@link OfflineTickets}): marked offline, no estimate, synced
 * through the outbox when the hub is back. If the hub's answer to the timed-out request arrives after all, that
 * ticket was issued but never printed, so the kiosk cancels it.
 *
 * <p>Threads: {@link #press} may be called from any thread (key handlers). The catalogue is replaced on the link's
 * event thread and read by any. The printer is used only by this kiosk's printer thread, one ticket at a time,
 * so a slow printer never holds up the link.
 */
public final class KioskUnit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KioskUnit.class);

    private final MqttLink link;
    private final TicketPrinter printer;
    private final String deviceId;
    private final Codec codec = new Codec();
    /** How often an ESC/POS printer's status is read between tickets. */
    static final long STATUS_POLL_SECONDS = 30;
    /** How often the offline leases are checked (a local query; the hub is asked only when one runs low). */
    static final long LEASE_CHECK_SECONDS = 60;

    private final ScheduledExecutorService printerThread;
    private volatile ServiceCatalogue catalogue;
    /** The last printer status published; written only on the printer thread. */
    private volatile EventBody.PrinterStatus lastStatus;
    private final DeviceMetrics metrics;
    private final LeaseBook leases;
    private final LeaseKeeper leaseKeeper;
    private final OfflineTickets offline;
    private final KioskScans scans;

    public KioskUnit(MqttLink link, TicketPrinter printer) {
        this(link, printer, new DeviceMetrics());
    }

    public KioskUnit(MqttLink link, TicketPrinter printer, DeviceMetrics metrics) {
        this(link, printer, metrics, Clock.system(OfficeTime.ZONE));
    }

    /** A kiosk whose scans and offline tickets are timed and dated by {@code officeClock} (tests move it). */
    KioskUnit(MqttLink link, TicketPrinter printer, DeviceMetrics metrics, Clock officeClock) {
        if (!link.config().hasRole(Role.KIOSK)) {
            throw new IllegalArgumentException(link.config().deviceId() + " is not configured as a KIOSK");
        }
        this.link = link;
        this.printer = printer;
        this.deviceId = link.config().deviceId();
        this.printerThread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("printer-" + deviceId).daemon().factory());
        this.metrics = metrics;
        this.leases = LeaseBook.open(link.config().dataDir().resolve("leases.db"));
        this.leaseKeeper = new LeaseKeeper(link, leases, link.config().services(), this::catalogue, officeClock);
        this.offline = new OfflineTickets(link, leases, metrics, officeClock);
        link.onState(link.topics().services(), this::catalogueArrived);
        link.onHub(reachable -> {
            if (reachable) {
                leaseKeeper.topUp();
            }
        });
        link.onUnclaimedAnswer(this::lateAnswer);
        printerThread.scheduleWithFixedDelay(leaseKeeper::topUp, LEASE_CHECK_SECONDS, LEASE_CHECK_SECONDS,
                TimeUnit.SECONDS);
        this.scans = new KioskScans(this, deviceId, link.config().hardware().scanner(), officeClock);
        if (printer instanceof EscPosPrinter) {
            printerThread.scheduleWithFixedDelay(this::pollStatus, 0, STATUS_POLL_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * A citizen pressed the key of {@code serviceCode}: completes with the printed ticket. The ticket has the elderly
     * priority when an elderly citizen's card was scanned just before ({@link KioskScans}).
     */
    public CompletableFuture<TicketView> press(String serviceCode) {
        return press(serviceCode, scans.takePriority());
    }

    /**
     * A key press with a priority class (e.g. {@code ELDERLY}). Fails without asking the hub when the kiosk has no
     * such key; fails with {@link RequestFailedException} when the hub refuses (nothing is printed then). When the hub
     * is unreachable the ticket is printed offline, or the press fails with {@link NoOfflineNumbersException}.
     */
    public CompletableFuture<TicketView> press(String serviceCode, Optional<String> priority) {
        if (!link.config().services().contains(serviceCode)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(deviceId + " has no key for service \""
                    + serviceCode + "\"; its keys are " + link.config().services()));
        }
        RequestBody.TicketIssue body;
        try {
            body = new RequestBody.TicketIssue(serviceCode, priority);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        log.info("{}: key {} pressed{}", deviceId, serviceCode, priority.map(p -> " (priority " + p + ")").orElse(""));
        return link.request(body)
                .handleAsync((answer, failure) -> {
                    if (failure == null) {
                        return print((TicketIssued) answer);
                    }
                    Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
                    if (cause instanceof LinkException || cause instanceof RequestTimeoutException) {
                        return printOffline(serviceCode, priority);
                    }
                    throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
                }, printerThread)
                .whenComplete((ticket, failure) -> {
                    if (failure != null) {
                        logFailure(serviceCode, failure instanceof CompletionException c ? c.getCause() : failure);
                    }
                });
    }

    /** The ESC/POS printer's status as last read ({@code DLE EOT}); empty for a simulated or silent printer. */
    public Optional<EventBody.PrinterStatus> printerStatus() {
        return Optional.ofNullable(lastStatus);
    }

    /** Leased numbers of {@code serviceCode} left for printing offline today. */
    public int offlineNumbersLeft(String serviceCode) {
        return leases.remaining(serviceCode, LocalDate.now(OfficeTime.ZONE));
    }

    /** What the kiosk does with scans; the unit's scanner hands them over through it. */
    public KioskScans scans() {
        return scans;
    }

    /** A scanned appointment: checks it in and prints the ticket the hub answers, as a key press does. */
    CompletableFuture<TicketView> checkIn(AppointmentToken appointment) {
        log.info("{}: appointment {} scanned", deviceId, appointment);
        return link.request(new RequestBody.AppointmentCheckin(appointment.token()))
                .thenApplyAsync(answer -> print((TicketIssued) answer), printerThread)
                .whenComplete((ticket, failure) -> {
                    if (failure != null) {
                        logFailure(appointment.toString(),
                                failure instanceof CompletionException c ? c.getCause() : failure);
                    }
                });
    }

    /** The latest service catalogue from the hub, if one has arrived. */
    public Optional<ServiceCatalogue> catalogue() {
        return Optional.ofNullable(catalogue);
    }

    /** Stops the printer thread after the ticket being printed; the link belongs to the caller. */
    @Override
    public void close() {
        printerThread.shutdown();
        try {
            if (!printerThread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("{}: the printer did not finish within 10 s", deviceId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leases.close();
    }

    /** On the printer thread: a ticket from the leased numbers, its sync stored before it is printed. */
    private TicketView printOffline(String serviceCode, Optional<String> priority) {
        Optional<ServiceCatalogue> known = catalogue();
        Optional<ServiceCatalogue.Entry> service = known.flatMap(c -> c.services().stream()
                .filter(entry -> entry.code().equals(serviceCode)).findFirst());
        Optional<String> office = known.map(ServiceCatalogue::office).or(() -> link.config().officeName());
        TicketView ticket = offline.issue(serviceCode, priority, service, office)
                .orElseThrow(() -> new NoOfflineNumbersException(serviceCode));
        try {
            printer.print(ticket);
        } catch (RuntimeException e) {
            offline.withdraw(ticket);
            throw e;
        }
        return ticket;
    }

    /**
     * The hub answered a ticket request after the kiosk stopped waiting (it printed offline instead, or nothing, or
     * restarted): that ticket exists at the hub but nobody holds it, so cancel it before a counter calls it.
     */
    private void lateAnswer(Response.Ok answer) {
        if (answer.operation() == Operation.TICKET_ISSUE && answer.body() instanceof TicketIssued issued) {
            log.warn("{}: the hub issued {} after the kiosk stopped waiting; cancelling it", deviceId, issued.ticket());
            metrics.increment("kiosk.late_ticket_cancelled");
            link.send(new RequestBody.TicketCancel(issued.ticket()));
        }
    }

    private TicketView print(TicketIssued issued) {
        Optional<ServiceCatalogue> known = catalogue();
        Optional<ServiceCatalogue.Entry> service = known.flatMap(c -> c.services().stream()
                .filter(entry -> entry.code().equals(issued.service())).findFirst());
        Optional<String> office = known.map(ServiceCatalogue::office).or(() -> link.config().officeName());
        TicketView ticket = TicketView.of(issued, service, office);
        try {
            printer.print(ticket);
        } finally {
            if (printer instanceof EscPosPrinter) {
                pollStatus();
            }
        }
        return ticket;
    }

    /**
     * On the printer thread: reads an ESC/POS printer's status ({@code DLE EOT}) and publishes a
     * {@code printer.status} event when it differs from the last one published. A printer that does not answer
     * (no status) publishes nothing.
     */
    private void pollStatus() {
        try {
            Optional<EventBody.PrinterStatus> status = ((EscPosPrinter) printer).status();
            if (status.isPresent() && !status.get().equals(lastStatus)) {
                lastStatus = status.get();
                log.info("{}: printer status {}", deviceId, lastStatus);
                link.publishEvent(lastStatus);
            }
        } catch (RuntimeException e) {
            log.warn("{}: reading the printer status failed: {}", deviceId, e.toString());
        }
    }

    private void catalogueArrived(byte[] payload) {
        if (payload.length == 0) {
            return; // the retained catalogue was cleared; keep the names we have rather than print codes
        }
        try {
            catalogue = codec.decodeState(payload, ServiceCatalogue.class);
            log.debug("{}: service catalogue now has {} services", deviceId, catalogue.services().size());
            leaseKeeper.topUp();
        } catch (ProtocolException e) {
            log.warn("{}: ignored a malformed service catalogue ({}): {}", deviceId, e.getMessage(),
                    Codec.preview(payload));
        }
    }

    private void logFailure(String serviceCode, Throwable failure) {
        if (failure instanceof RequestFailedException refused) {
            log.warn("{}: no ticket for {}: the hub says {} ({})", deviceId, serviceCode, refused.code(),
                    refused.hubMessage());
        } else {
            log.error("{}: no ticket for {}: {}", deviceId, serviceCode, failure.toString());
        }
    }
}
