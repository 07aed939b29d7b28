package vn.motcua.hub.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import vn.motcua.hub.site.Office;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;

/**
 * An officer signed in at every counter of the office, through the writer as the counter units' requests arrive (the
 * gateway's checks are not what such a test is about): an office day starts with every counter closed, and these
 * tests are about a staffed office.
 */
public final class SignedIn {

    private static final Codec CODEC = new Codec();
    private static final Ulid IDS = Ulid.generator();

    private SignedIn() {
    }

    public static void everyCounter(DeskWriter writer, Office office) throws InterruptedException {
        for (Office.Counter counter : office.counters()) {
            Request request = Request.of(IDS.next(), OffsetDateTime.now(),
                    new RequestBody.CounterSignIn(counter.number(), "CB-" + counter.number()));
            BlockingQueue<byte[]> answer = new LinkedBlockingQueue<>();
            writer.submit("counter-" + counter.number(), request, answer::add);
            byte[] response = answer.poll(10, TimeUnit.SECONDS);
            assertThat(response).as("sign-in at counter %d answered within 10 s", counter.number()).isNotNull();
            assertThat(CODEC.decodeResponse(response)).isInstanceOf(Response.Ok.class);
        }
    }
}
