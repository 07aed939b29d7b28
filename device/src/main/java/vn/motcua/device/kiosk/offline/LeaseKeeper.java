package vn.motcua.device.kiosk.offline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.link.MqttLink;
import vn.motcua.device.link.RequestFailedException;
import vn.motcua.device.store.StoreException;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * Keeps the kiosk's offline numbers topped up: while the hub is reachable, every service on the kiosk's keys that has
 * fewer than {@link #LOW_WATER} unused numbers for today gets a new block of {@link #BLOCK_SIZE} by
 * {@code lease.renew}. Asked only once the service catalogue is known, because a block is recorded with its service's
 * label prefix (offline tickets must carry the label the hub will call them by). A hub that does not allow offline
 * printing ({@code NOT_SUPPORTED}) is not asked again for that service that day.
 *
 * <p>{@link #topUp} may be called from any thread, as often as wanted: a service already being asked is skipped.
 */
public final class LeaseKeeper {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    /** Numbers asked for at a time: a busy service issues ~30 tickets in the hour an outage might last. */
    public static final int BLOCK_SIZE = 30;
    /** Ask for more below this many unused numbers, so a new block arrives before an outage can use them all. */
    public static final int LOW_WATER = 10;

    private final MqttLink link;
    private final LeaseBook book;
    private final List<String> services;
    private final Supplier<Optional<ServiceCatalogue>> catalogue;
    private final Clock clock;
    private final Set<String> asking = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    public LeaseKeeper(MqttLink link, LeaseBook book, List<String> services,
                       Supplier<Optional<ServiceCatalogue>> catalogue, Clock clock) {
        this.link = link;
        this.book = book;
        this.services = List.copyOf(services);
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Asks for a block for each service running low today, if the hub is reachable and the catalogue known. */
    public void topUp() {
        Optional<ServiceCatalogue> known = catalogue.get();
        if (!link.hubReachable() || known.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        for (String service : services) {
            Optional<String> prefix = known.get().services().stream().filter(e -> e.code().equals(service))
                    .map(ServiceCatalogue.Entry::prefix).findFirst();
            if (prefix.isEmpty() || refused.contains(service + "@" + today) || asking.contains(service)) {
                continue;
            }
            try {
                if (book.remaining(service, today) >= LOW_WATER) {
                    continue;
                }
            } catch (StoreException e) {
                log.error("{}: {}", link.config().deviceId(), e.getMessage());
                continue;
            }
            asking.add(service);
            link.request(new RequestBody.LeaseRenew(service, BLOCK_SIZE)).whenComplete((answer, failure) -> {
                asking.remove(service);
                if (answer instanceof ResponseBody.LeaseGranted lease) {
                    granted(lease, prefix.get(), today);
                } else if (failure == null) {
                    log.warn("{}: the hub answered lease.renew with {}", link.config().deviceId(), answer);
                } else {
                    refusedOrFailed(service, today, failure instanceof CompletionException c ? c.getCause() : failure);
                }
            });
        }
    }

    private void granted(ResponseBody.LeaseGranted lease, String prefix, LocalDate today) {
        if (!lease.day().equals(today)) {
            log.warn("{}: ignored a lease of {} for {} (today is {})", link.config().deviceId(), lease.service(),
                    lease.day(), today);
            return;
        }
        try {
            book.add(lease.service(), prefix, lease.day(), lease.first(), lease.last());
            log.info("{}: offline numbers {}-{} of {} leased for {}", link.config().deviceId(), lease.first(),
                    lease.last(), lease.service(), lease.day());
        } catch (StoreException e) {
            log.error("{}: {}", link.config().deviceId(), e.getMessage());
        }
    }

    private void refusedOrFailed(String service, LocalDate today, Throwable failure) {
        if (failure instanceof RequestFailedException refusal && refusal.code() == ErrorCode.NOT_SUPPORTED) {
            refused.add(service + "@" + today);
            log.info("{}: the hub does not lease offline numbers for {}; this kiosk cannot print {} offline today",
                    link.config().deviceId(), service, service);
        } else {
            log.warn("{}: no lease for {} yet: {}", link.config().deviceId(), service, failure.toString());
        }
    }
}
