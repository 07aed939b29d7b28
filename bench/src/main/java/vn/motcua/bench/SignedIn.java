package vn.motcua.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.writer.DeskWriter;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;

/**
 * An officer signed in at every counter before a benchmark times anything: an office day starts with every counter
 * closed (docs/protocol.md §9.1), and the benchmarks measure a staffed office, not refusals.
 */
final class SignedIn {

    private SignedIn() {
    }

    static void everyCounter(DeskWriter writer, Office office) throws InterruptedException {
        Ulid ids = Ulid.generator();
        CountDownLatch answered = new CountDownLatch(office.counters().size());
        for (Office.Counter counter : office.counters()) {
            writer.submit("counter-" + counter.number(), Request.of(ids.next(), OffsetDateTime.now(ZoneOffset.ofHours(7)),
                    new RequestBody.CounterSignIn(counter.number(), "cb." + counter.number())), response -> answered.countDown());
        }
        if (!answered.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the counters were not signed in within 30 s");
        }
    }
}
