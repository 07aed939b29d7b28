package vn.motcua.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import vn.motcua.hub.site.Office;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;

/**
 * The request mix both benchmarks send: ticket.issue with services drawn by the office's visit shares, and the
 * counter keys, each counter going round next → start → done as an officer does for one citizen. Not thread-safe: one
 * per sending thread.
 */
final class Workload {

    private final Random random;
    private final Ulid ids;
    private final List<Office.Service> services;
    private final double[] cumulativeShare;
    private final double issueShare;

    /** {@code issueShare} of the requests are ticket.issue, the rest counter.next/start/done. */
    Workload(Office office, double issueShare, long seed) {
        this.random = new Random(seed);
        this.ids = new Ulid(java.time.Clock.systemUTC(), new Random(seed ^ 0x5DEECE66DL));
        this.services = office.services();
        this.cumulativeShare = new double[services.size()];
        double total = services.stream().mapToDouble(Office.Service::share).sum();
        double running = 0;
        for (int i = 0; i < services.size(); i++) {
            running += services.get(i).share() / total;
            cumulativeShare[i] = running;
        }
        this.issueShare = issueShare;
    }

    /** Whether the next request should be a ticket.issue (a kiosk) rather than a counter operation. */
    boolean nextIsIssue() {
        return random.nextDouble() < issueShare;
    }

    Request issue() {
        double u = random.nextDouble();
        int i = 0;
        while (i < cumulativeShare.length - 1 && u > cumulativeShare[i]) {
            i++;
        }
        return request(new RequestBody.TicketIssue(services.get(i).code(), Optional.empty()));
    }

    /** The next key officer at {@code counter} presses: next, start, done, next… ({@code cycle} is per counter). */
    Request counter(int counter, int[] cycle) {
        int step = cycle[counter]++ % 3;
        return request(switch (step) {
            case 0 -> new RequestBody.CounterNext(counter);
            case 1 -> new RequestBody.CounterStart(counter);
            default -> new RequestBody.CounterDone(counter, Optional.empty());
        });
    }

    /** A per-counter cycle position for {@link #counter}, for counters numbered up to 999. */
    static int[] newCycle() {
        return new int[1_000];
    }

    private Request request(RequestBody body) {
        return Request.of(ids.next(), OffsetDateTime.now(ZoneOffset.ofHours(7)), body);
    }
}
