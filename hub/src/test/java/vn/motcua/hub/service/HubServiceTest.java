package vn.motcua.hub.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.systemd.Notifier;
import vn.motcua.systemd.NotifyReceiver;
import vn.motcua.systemd.SdNotify;

/** A real hub (embedded broker, SQLite, web) under {@link HubService}, with systemd's socket or a recording notifier. */
class HubServiceTest {

    private static final Office OFFICE = OfficeLoader.load(Path.of("../config/offices/district-office.json"));

    @TempDir
    Path dir;
    private Hub hub;
    private HubService service;
    /** What a recording notifier was told, with when; the watchdog tests need the order and the times exactly. */
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Notifier recording = state -> sent.add(new Sent(System.nanoTime(), state));

    /** {@code nanos}: {@link System#nanoTime()}, the clock the pinger's scheduler runs on. */
    private record Sent(long nanos, String state) {
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    private HubSettings startHub(HubSettings settings) throws Exception {
        hub = Hub.start(settings, Clock.systemUTC());
        return settings;
    }

    private List<Long> pings() {
        return sent.stream().filter(s -> s.state().equals("WATCHDOG=1")).map(Sent::nanos).toList();
    }

    private long missedProbes() {
        return hub.metrics().value(HubService.WATCHDOG_PROBE_MISSED);
    }

    @Test
    void systemd_hears_ready_with_the_office_broker_and_web_address_then_stopping_on_close() throws Exception {
        Path socket = dir.resolve("notify");
        try (NotifyReceiver systemd = NotifyReceiver.bind(socket)) {
            HubSettings settings = startHub(HubSettings.local(OFFICE, dir.resolve("hub")));
            service = HubService.start(hub, settings, SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", socket.toString())),
                    Optional.empty());
            String web = "http://127.0.0.1:" + hub.httpPort() + "/";

            systemd.awaitDatagram("READY=1\nSTATUS=" + OFFICE.id() + ": broker " + hub.brokerUrl() + ", web " + web);
            service.close();
            systemd.awaitDatagram("STOPPING=1");

            assertThat(systemd.datagrams()).hasSize(2); // no watchdog asked for, none sent
            service = null;
        }
    }

    @Test
    void the_status_line_shows_the_public_address_when_the_hub_has_one() throws Exception {
        HubSettings settings = startHub(HubSettings.local(OFFICE, dir.resolve("hub"))
                .withPublicUrl("http://192.168.1.10:8080"));
        service = HubService.start(hub, settings, recording, Optional.empty());

        assertThat(sent).extracting(Sent::state).containsExactly("READY=1\nSTATUS=" + OFFICE.id() + ": broker "
                + hub.brokerUrl() + ", web http://192.168.1.10:8080");
    }

    @Test
    void pings_arrive_every_half_watchdog_timeout_while_the_desk_writer_runs() throws Exception {
        HubSettings settings = startHub(HubSettings.local(OFFICE, dir.resolve("hub")));
        long started = System.nanoTime();
        service = HubService.start(hub, settings, recording, Optional.of(Duration.ofMillis(500)));

        // five pings at 0, 250, 500, 750 and 1000 ms: not much later than that ...
        await().atMost(Duration.ofSeconds(3)).until(() -> pings().size() >= 5);

        assertThat(sent.getFirst().state()).startsWith("READY=1\n");
        List<Long> pings = pings();
        // ... and never earlier: the k-th ping is not sent before k intervals have passed
        for (int k = 0; k < pings.size(); k++) {
            assertThat(Duration.ofNanos(pings.get(k) - started)).as("ping %d", k)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(250L * k));
        }
    }

    @Test
    void a_blocked_desk_writer_stops_the_pings_which_resume_once_it_runs_again() throws Exception {
        HubSettings settings = startHub(HubSettings.local(OFFICE, dir.resolve("hub")));
        service = HubService.start(hub, settings, recording, Optional.of(Duration.ofMillis(400)));
        await().atMost(Duration.ofSeconds(3)).until(() -> !pings().isEmpty());
        CountDownLatch blocking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        hub.writer().runBetweenBatches(() -> {
            blocking.countDown();
            try {
                release.await(); // a writer stuck in a call that never returns
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        blocking.await();
        long missedBefore = missedProbes();

        await().atMost(Duration.ofSeconds(3)).until(() -> missedProbes() >= missedBefore + 1);
        int pingsWhileBlocked = pings().size();
        await().atMost(Duration.ofSeconds(3)).until(() -> missedProbes() >= missedBefore + 3);
        assertThat(pings()).hasSize(pingsWhileBlocked);

        release.countDown();
        await().atMost(Duration.ofSeconds(3)).until(() -> pings().size() > pingsWhileBlocked);
    }

    @Test
    void a_desk_writer_that_has_stopped_gets_no_pings() throws Exception {
        HubSettings settings = startHub(HubSettings.local(OFFICE, dir.resolve("hub")));
        service = HubService.start(hub, settings, recording, Optional.of(Duration.ofMillis(400)));
        await().atMost(Duration.ofSeconds(3)).until(() -> !pings().isEmpty());

        hub.writer().close(); // its thread ends; the rest of the hub runs on
        long missedBefore = missedProbes();
        await().atMost(Duration.ofSeconds(3)).until(() -> missedProbes() >= missedBefore + 1);
        int pingsAfterStop = pings().size();
        await().atMost(Duration.ofSeconds(3)).until(() -> missedProbes() >= missedBefore + 3);

        assertThat(pings()).hasSize(pingsAfterStop);
    }
}
