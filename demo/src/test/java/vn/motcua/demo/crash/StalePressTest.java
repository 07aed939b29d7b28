package vn.motcua.demo.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.link.MqttLink;
import vn.motcua.device.link.RequestFailedException;
import vn.motcua.device.link.RequestTimeoutException;
import vn.motcua.device.metrics.DeviceMetrics;
import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.recovery.HubProcess;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.writer.SignedIn;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.testkit.Mosquitto;

/**
 * Issue 11, item 1: a key press the unit reported as failed is never carried out later. The hub runs as a child JVM,
 * the units are real links; the hub is killed with SIGKILL, or the broker (on the embedded broker: the hub with it) is
 * frozen with SIGSTOP for longer than the units' answer timeout. Presses made meanwhile fail at the unit, and after the
 * hub is back a fresh press shows that none of them was applied: the first waiting citizen is still the one called,
 * the next ticket number is the next one. On Mosquitto and on the broker embedded in the hub.
 */
class StalePressTest {

    enum BrokerKind { EMBEDDED, MOSQUITTO }

    private static final Path OFFICE_FILE = Path.of("../config/offices/district-office.json");
    private static final Office OFFICE = OfficeLoader.load(OFFICE_FILE);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final RequestBody ISSUE_DD = new RequestBody.TicketIssue("DD", Optional.empty());
    /** Counter 1 serves DD (land) in the district office. */
    private static final RequestBody NEXT = new RequestBody.CounterNext(1);
    private static final RequestBody SIGN_IN = new RequestBody.CounterSignIn(1, "cb.1");

    @TempDir
    Path dir;
    private Mosquitto mosquitto;
    private final List<HubProcess> hubs = new ArrayList<>();
    private final List<AutoCloseable> parts = new ArrayList<>();
    private List<String> brokerArgs;
    private String brokerUrl;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable part : parts.reversed()) {
            part.close();
        }
        for (HubProcess hub : hubs) {
            hub.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void presses_that_failed_while_the_hub_was_dead_are_not_carried_out_after_its_restart(BrokerKind kind)
            throws Exception {
        startBroker(kind);
        HubProcess first = startHub("hub-1");
        MqttLink kiosk = link(UnitConfig.kiosk(OFFICE.id(), "kiosk-1", brokerUrl, List.of("DD"), dir.resolve("kiosk-1")));
        MqttLink counter = link(UnitConfig.counter(OFFICE.id(), "counter-1", brokerUrl, 1, dir.resolve("counter-1")));
        counter.request(SIGN_IN).get(); // the office day starts with every counter closed
        assertThat(number(kiosk.request(ISSUE_DD).get())).isEqualTo(1);
        assertThat(number(kiosk.request(ISSUE_DD).get())).isEqualTo(2);

        first.killHard();
        // The officer presses NEXT twice and a citizen presses the kiosk key: each fails at the unit (no answer in
        // time on Mosquitto; at once on the embedded broker, which died with the hub).
        assertFails(counter.request(NEXT));
        assertFails(counter.request(NEXT));
        assertFails(kiosk.request(ISSUE_DD));

        startHub("hub-2");
        await().atMost(PATIENCE).until(() -> kiosk.isConnected() && counter.isConnected());
        // Per unit, requests reach the hub in order: a replay of what failed would come before these fresh ones.
        assertThat(called(await().atMost(PATIENCE).until(() -> answerOrNull(counter, NEXT), a -> a != null)))
                .as("the first citizen is the one called, so neither failed press was carried out").isEqualTo("1-001");
        assertThat(number(kiosk.request(ISSUE_DD).get())).as("no ghost ticket took number 3").isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void a_press_held_up_by_a_frozen_broker_is_refused_as_expired_when_it_finally_arrives(BrokerKind kind)
            throws Exception {
        startBroker(kind);
        HubProcess hub = startHub("hub-1");
        MqttLink kiosk = link(UnitConfig.kiosk(OFFICE.id(), "kiosk-1", brokerUrl, List.of("DD"), dir.resolve("kiosk-1")));
        MqttLink counter = link(UnitConfig.counter(OFFICE.id(), "counter-1", brokerUrl, 1, dir.resolve("counter-1")));
        counter.request(SIGN_IN).get(); // the office day starts with every counter closed
        assertThat(number(kiosk.request(ISSUE_DD).get())).isEqualTo(1);
        long frozen = kind == BrokerKind.MOSQUITTO ? mosquitto.pid() : hub.pid(); // the embedded broker is the hub's

        HubProcess.signal(frozen, "STOP");
        Instant pressed = Instant.now();
        CompletableFuture<ResponseBody> held = counter.request(NEXT);
        assertThat(held).failsWithin(ANSWER_TIMEOUT.plusSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(RequestTimeoutException.class);
        // Frozen a second longer than the unit waited, so the hub cannot take it just inside its deadline.
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(pressed.plus(ANSWER_TIMEOUT).plusSeconds(1)));
        HubProcess.signal(frozen, "CONT");

        // The press sat in a socket buffer and reaches the hub now, over a connection that never dropped.
        URI metrics = hub.web().orElseThrow().resolve("/metrics");
        await().atMost(PATIENCE).until(() -> get(metrics).contains("motcua_requests_expired_total{op=\"counter.next\"} 1"));
        assertThat(called(counter.request(NEXT).get())).isEqualTo("1-001");
    }

    @Test
    void a_unit_whose_clock_is_minutes_behind_works_from_its_second_press_on() throws Exception {
        Hub hub = Hub.start(HubSettings.local(OFFICE, dir.resolve("hub")).withWeb("127.0.0.1", 0), Clock.systemUTC());
        parts.add(hub);
        SignedIn.everyCounter(hub.writer(), OFFICE);
        UnitConfig config = UnitConfig.kiosk(OFFICE.id(), "kiosk-1", hub.brokerUrl(), List.of("DD"),
                dir.resolve("kiosk-1")).withRequestTimeout(ANSWER_TIMEOUT);
        MqttLink kiosk = MqttLink.connect(config, "test", new DeviceMetrics(), PATIENCE,
                Clock.offset(Clock.system(ZoneOffset.ofHours(7)), Duration.ofMinutes(-3)));
        parts.add(kiosk);

        assertThat(kiosk.request(ISSUE_DD)).failsWithin(PATIENCE).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(RequestFailedException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.EXPIRED));
        assertThat(number(kiosk.request(ISSUE_DD).get())).isEqualTo(1);
    }

    // ---- harness --------------------------------------------------------------------------------------------------

    private void startBroker(BrokerKind kind) throws Exception {
        if (kind == BrokerKind.MOSQUITTO) {
            mosquitto = Mosquitto.start(dir.resolve("mosquitto"));
            brokerUrl = mosquitto.url();
            brokerArgs = List.of("--broker", brokerUrl);
        } else {
            int port = Mosquitto.freePort();
            brokerUrl = "tcp://127.0.0.1:" + port;
            brokerArgs = List.of("--mqtt-host", "127.0.0.1", "--mqtt-port", String.valueOf(port));
        }
    }

    /** Starts a hub on the test's data directory and broker and waits until it takes requests. */
    private HubProcess startHub(String name) throws Exception {
        HubProcess hub = HubProcess.start(name, System.getProperty("java.class.path"), OFFICE_FILE.toAbsolutePath(),
                dir.resolve("hub"), brokerArgs, dir.resolve("logs").resolve(name + ".log"));
        hubs.add(hub);
        await(name + " up").atMost(PATIENCE).until(() -> hub.web().isPresent());
        return hub;
    }

    private MqttLink link(UnitConfig config) {
        MqttLink link = MqttLink.connect(config.withRequestTimeout(ANSWER_TIMEOUT), "test", new DeviceMetrics(), PATIENCE);
        parts.add(link);
        return link;
    }

    private static void assertFails(CompletableFuture<ResponseBody> press) {
        assertThat(press).failsWithin(ANSWER_TIMEOUT.plusSeconds(5));
    }

    /** The answer to a fresh request, or null while the link or the hub is not ready to take it; a refusal fails. */
    private static ResponseBody answerOrNull(MqttLink link, RequestBody body) throws InterruptedException {
        try {
            return link.request(body).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RequestFailedException refused) {
                throw new AssertionError("the hub refused a fresh " + refused.operation().wireName() + ": "
                        + refused.code() + " " + refused.hubMessage(), refused);
            }
            return null; // not connected yet, or no answer in time
        }
    }

    private static int number(ResponseBody answer) {
        return ((ResponseBody.TicketIssued) answer).number();
    }

    private static String called(ResponseBody answer) {
        return ((ResponseBody.TicketCalled) answer).ticket();
    }

    private static String get(URI uri) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
