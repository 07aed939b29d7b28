package vn.motcua.device.kiosk.offline;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.link.MqttLink;
import vn.motcua.device.metrics.DeviceMetrics;
import vn.motcua.device.printer.TicketView;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * Tickets printed while the hub is unreachable. Each takes a leased number (on disk), then stores its
 * {@code ticket.issueOffline} in the outbox — so the hub learns of every ticket that may have been printed, in print
 * order, whenever it is back — and only then is printed. A ticket that then fails to print is withdrawn with a
 * {@code ticket.cancel} behind it in the outbox, so the hub never calls a number nobody holds.
 */
public final class OfflineTickets {

    private static final Logger log = LoggerFactory.getLogger(OfflineTickets.class);

    private final MqttLink link;
    private final LeaseBook book;
    private final DeviceMetrics metrics;
    private final Clock clock;

    public OfflineTickets(MqttLink link, LeaseBook book, DeviceMetrics metrics, Clock clock) {
        this.link = link;
        this.book = book;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The offline ticket to print for {@code service}, its sync already stored; empty when no leased number is left
     * for today (nothing is printed then).
     */
    public Optional<TicketView> issue(String service, Optional<String> priority,
                                      Optional<ServiceCatalogue.Entry> entry, Optional<String> officeName) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<LeaseBook.Taken> taken = book.take(service, now.toLocalDate());
        if (taken.isEmpty()) {
            metrics.increment("offline.no_numbers_left");
            log.warn("{}: hub unreachable and no offline numbers left for {} today: no ticket",
                    link.config().deviceId(), service);
            return Optional.empty();
        }
        int number = taken.get().number();
        link.send(new RequestBody.TicketIssueOffline(service, number, now, priority));
        metrics.increment("offline.printed");
        String label = label(taken.get().prefix(), number);
        log.info("{}: hub unreachable; printing offline ticket {} ({} {})", link.config().deviceId(), label, service,
                number);
        return Optional.of(TicketView.offline(label, number, now.atZoneSameInstant(clock.getZone()), priority, service,
                entry, officeName));
    }

    /** The offline ticket could not be printed: tell the hub, after its sync, not to call it. */
    public void withdraw(TicketView ticket) {
        metrics.increment("offline.withdrawn");
        link.send(new RequestBody.TicketCancel(ticket.ticket()));
    }

    /** The protocol's label rule: prefix, a dash, the number with at least three digits ({@code 2-007}). */
    static String label(String prefix, int number) {
        return prefix + "-" + String.format("%03d", number);
    }
}
