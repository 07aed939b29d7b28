package vn.motcua.hub.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Random;
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
 * An officer ({@code cb.N}, as the sample profiles' staff lists name them) signed in at every counter of the office, through the writer as the counter units' requests arrive (the
 * gateway's checks are not what such a test is about): an office day starts with every counter closed, and these
 * tests are about a staffed office.
 */
public final class SignedIn {

    private static final Codec CODEC = new Codec();
    private static final Random RANDOM = new Random(11);

    private SignedIn() {
    }

    public static void everyCounter(DeskWriter writer, Office office) throws InterruptedException {
        for (Office.Counter counter : office.counters()) {
            // ids by the writer's clock, which may be a test's manual one: it refuses ids it cannot vouch for
            Ulid ids = new Ulid(Clock.fixed(writer.now().toInstant(), ZoneOffset.UTC), RANDOM);
            Request request = Request.of(ids.next(), writer.now(),
                    new RequestBody.CounterSignIn(counter.number(), "cb." + counter.number()));
            BlockingQueue<byte[]> answer = new LinkedBlockingQueue<>();
            writer.submit("counter-" + counter.number(), request, answer::add);
            byte[] response = answer.poll(10, TimeUnit.SECONDS);
            assertThat(response).as("sign-in at counter %d answered within 10 s", counter.number()).isNotNull();
            assertThat(CODEC.decodeResponse(response)).isInstanceOf(Response.Ok.class);
        }
    }
}
