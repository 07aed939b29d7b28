package vn.motcua.demo.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.link.MqttLink;
import vn.motcua.protocol.message.RequestBody;

/**
 * A counter unit's link in a JVM of its own, for {@link OutboxCrashTest}: stores {@code count} ratings of the tickets
 * 2-001, 2-002… in its outbox (printing {@code STORED n} once every one is on disk), then runs on, draining the outbox
 * to the hub, until killed.
 * Started with count 0 it only drains what an earlier life left behind.
 *
 * <p>Arguments: broker URL, site, data directory, count.
 */
public final class RatingOutboxChild {

    static final List<String> LEVELS = List.of("RAT_HAI_LONG", "HAI_LONG", "BINH_THUONG", "KHONG_HAI_LONG");

    private RatingOutboxChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        UnitConfig config = UnitConfig.counter(args[1], "counter-4", args[0], 4, Path.of(args[2]))
                .withRequestTimeout(Duration.ofSeconds(1));
        int count = Integer.parseInt(args[3]);
        MqttLink link = MqttLink.connect(config, "crash-test", Duration.ofSeconds(20));
        for (int i = 0; i < count; i++) {
            // the citizens the test served at counter 4: HT, prefix 2
            link.send(new RequestBody.RatingSubmit(4, LEVELS.get(i % LEVELS.size()),
                    Optional.of(String.format("2-%03d", i + 1))));
        }
        System.out.println("STORED " + count);
        System.out.flush();
        new CountDownLatch(1).await(); // until SIGKILL
    }
}
