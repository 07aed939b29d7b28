package vn.motcua.device.kiosk;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.OfficeTime;
import vn.motcua.device.link.MqttLink;
import vn.motcua.device.link.RequestFailedException;
import vn.motcua.device.printer.TicketPrinter;
import vn.motcua.device.printer.TicketView;
import vn.motcua.device.printer.escpos.EscPosPrinter;
import vn.motcua.device.scan.AppointmentToken;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.EventBody;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody.TicketIssued;
import vn.motcua.protocol.message.Role;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * The entrance kiosk: a citizen presses a service key, the hub issues a ticket, the printer prints it. Service names
 * come from the retained service catalogue the hub publishes.
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

    private final ScheduledExecutorService printerThread;
    private volatile ServiceCatalogue catalogue;
    /** The last printer status published; touched only on the printer thread. */
    private EventBody.PrinterStatus lastStatus;
    private final KioskScans scans;

    public KioskUnit(MqttLink link, TicketPrinter printer) {
        this(link, printer, Clock.system(OfficeTime.ZONE));
    }

    /** A kiosk whose scans are timed and dated by {@code officeClock} (tests move it). */
    KioskUnit(MqttLink link, TicketPrinter printer, Clock officeClock) {
        if (!link.config().hasRole(Role.KIOSK)) {
            throw new IllegalArgumentException(link.config().deviceId() + " is not configured as a KIOSK");
        }
        this.link = link;
        this.printer = printer;
        this.deviceId = link.config().deviceId();
        this.printerThread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("printer-" + deviceId).daemon().factory());
        link.onState(link.topics().services(), this::catalogueArrived);
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
     * such key; fails with {@link RequestFailedException} when the hub refuses (nothing is printed then).
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
                .thenApplyAsync(answer -> print((TicketIssued) answer), printerThread)
                .whenComplete((ticket, failure) -> {
                    if (failure != null) {
                        logFailure(serviceCode, failure instanceof CompletionException c ? c.getCause() : failure);
                    }
                });
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
                        logFailure(appointment.toString(), failure instanceof CompletionException c ? c.getCause() : failure);
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
