package vn.motcua.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.broker.EmbeddedBroker;
import vn.motcua.hub.metrics.Metrics;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.store.HubStore;
import vn.motcua.hub.writer.DeskWriter;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.Response;
import vn.motcua.testkit.Mosquitto;

/**
 * The hub's own presence on {@code hub/status} and its recovery from a broker that lost everything, over a real broker:
 * the embedded one and a Mosquitto process.
 */
class HubPresenceOverMqttTest {

    enum BrokerKind { EMBEDDED, MOSQUITTO }

    private static final Office OFFICE = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private final Codec codec = new Codec();
    private final HttpClient http = HttpClient.newHttpClient();
    private Mosquitto mosquitto;
    private EmbeddedBroker embedded;
    private HubStore store;
    private DeviceGateway gateway;
    private DeskWriter writer;
    private Hub hub;
    private RawDevice watcher;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {watcher, hub, writer, gateway, store, embedded, mosquitto}) {
            if (part != null) {
                part.close();
            }
        }
        http.close();
    }

    /** The hub's parts by hand, so that the test can drop the gateway's connection the way a crash would. */
    private String startParts(BrokerKind kind) throws Exception {
        String url;
        if (kind == BrokerKind.MOSQUITTO) {
            mosquitto = Mosquitto.start(dir.resolve("mosquitto"));
            url = mosquitto.url();
        } else {
            embedded = EmbeddedBroker.start("127.0.0.1", 0, dir.resolve("broker"), OFFICE.id(), OFFICE::isUnit, Optional.empty(),
                    new Metrics());
            url = embedded.url();
        }
        store = HubStore.open(dir.resolve("hub.db"));
        gateway = DeviceGateway.connect(url, OFFICE.id(), new Metrics(), Optional.empty());
        writer = new DeskWriter(OFFICE, store, Clock.systemUTC(), gateway);
        gateway.serve(writer, OFFICE);
        return url;
    }

    private DeviceStatus presence() {
        byte[] payload = watcher.lastRetained(watcher.topics().hubStatus());
        return payload == null ? null : codec.decodeState(payload, DeviceStatus.class);
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void the_hub_says_it_is_online_once_it_serves_and_the_broker_says_offline_the_moment_its_connection_drops(
            BrokerKind kind) throws Exception {
        String url = startParts(kind);
        watcher = new RawDevice(url, OFFICE.id(), "display-1");
        await().atMost(FIVE_SECONDS).until(() -> presence() != null && presence().online());
        assertThat(presence().firmware()).hasValueSatisfying(firmware -> assertThat(firmware).startsWith("motcua-hub "));
        assertThat(presence().since()).isPresent();

        gateway.dropAbruptly();

        await().atMost(FIVE_SECONDS).until(() -> presence() != null && !presence().online());
        assertThat(presence()).isEqualTo(DeviceStatus.offline());
    }

    @Test
    void a_hub_closed_cleanly_says_it_is_offline_itself() throws Exception {
        String url = startParts(BrokerKind.MOSQUITTO);
        watcher = new RawDevice(url, OFFICE.id(), "display-1");
        await().atMost(FIVE_SECONDS).until(() -> presence() != null && presence().online());

        writer.close();
        writer = null;
        gateway.close();
        gateway = null;

        await().atMost(FIVE_SECONDS).until(() -> presence() != null && !presence().online());
    }

    @Test
    void after_mosquitto_restarts_without_persistence_a_new_subscriber_sees_every_counter_within_5_s_without_a_hub_restart()
            throws Exception {
        mosquitto = Mosquitto.start(dir.resolve("mosquitto"));
        int port = mosquitto.port();
        hub = Hub.start(HubSettings.local(OFFICE, dir.resolve("hub")).withExternalBroker(mosquitto.url()),
                Clock.systemUTC());
        int counters = hub.writer().board().counters().size();
        Map<Integer, byte[]> before = new HashMap<>();
        try (RawDevice counter = new RawDevice(hub.brokerUrl(), OFFICE.id(), "counter-4")) {
            counter.sendRaw("{not json"); // any message is a sign of life
            assertThat(counter.nextResponse()).isInstanceOf(Response.Failure.class);
            await().atMost(FIVE_SECONDS).until(() -> IntStream.rangeClosed(1, counters)
                    .allMatch(n -> counter.lastRetained(counter.topics().counterState(n)) != null));
            IntStream.rangeClosed(1, counters).forEach(n -> before.put(n,
                    counter.lastRetained(counter.topics().counterState(n))));
        }
        assertThat(metric("motcua_broker_connected")).isEqualTo("1");
        assertThat(metric("motcua_device_last_seen_seconds{device=\"counter-4\"}")).isIn("0", "1");

        mosquitto.close();
        await().atMost(FIVE_SECONDS).untilAsserted(() -> {
            assertThat(metric("motcua_broker_connected")).isEqualTo("0");
            HttpResponse<String> health = get("/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\",\"broker\":\"disconnected\"}");
        });
        mosquitto = Mosquitto.start(dir.resolve("mosquitto-restarted"), port);
        long restarted = System.nanoTime();
        watcher = new RawDevice(mosquitto.url(), OFFICE.id(), "display-1");

        await().atMost(FIVE_SECONDS).untilAsserted(() -> {
            for (int n = 1; n <= counters; n++) {
                assertThat(watcher.lastRetained(watcher.topics().counterState(n))).as("counter %d", n).isNotNull();
            }
            assertThat(watcher.lastRetained(watcher.topics().board())).isNotNull();
            assertThat(watcher.lastRetained(watcher.topics().services())).isNotNull();
            assertThat(presence()).isNotNull().extracting(DeviceStatus::online).isEqualTo(true);
        });
        assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(FIVE_SECONDS);
        for (int n = 1; n <= counters; n++) {
            assertThat(watcher.lastRetained(watcher.topics().counterState(n))).as("counter %d as before", n)
                    .isEqualTo(before.get(n));
        }
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    private String metric(String series) throws Exception {
        return get("/metrics").body().lines().filter(line -> line.startsWith(series + " "))
                .map(line -> line.substring(series.length() + 1)).findFirst().orElse("(absent)");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
