package vn.motcua.device.hall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.device.Hardware;
import vn.motcua.device.OfficeTime;
import vn.motcua.device.OnBroker;
import vn.motcua.device.Unit;
import vn.motcua.device.config.BrokerSecurity;
import vn.motcua.device.config.HallConfig;
import vn.motcua.device.config.HardwareConfig;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.link.MqttLink;
import vn.motcua.device.metrics.DeviceMetrics;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.Role;
import vn.motcua.testkit.ManualClock;

/** The hall voice against a real Mosquitto, with the test hub publishing retained boards as the hub does. */
class HallDisplayUnitTest extends OnBroker {

    private static final Instant NOW = Instant.parse("2026-11-23T01:15:00Z"); // 08:15 in the office
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ManualClock clock = new ManualClock(NOW, OfficeTime.ZONE);
    private final DeviceMetrics metrics = new DeviceMetrics();
    private final List<MqttLink> links = new ArrayList<>();
    private long sequence;

    @AfterEach
    void closeLinks() {
        links.forEach(MqttLink::close);
    }

    /** Starts the hall voice on a new link to the test's site, as the unit does after a (re)start. */
    private SimulatedSpeaker startHall() {
        MqttLink link = MqttLink.connect(UnitConfig.display(site, "sanh-1", broker.url(), HallConfig.DEFAULT,
                dataDir), "test-1", Duration.ofSeconds(10));
        links.add(link);
        SimulatedSpeaker speaker = new SimulatedSpeaker("sanh-1");
        new HallDisplayUnit(link, speaker, metrics, clock, HallDisplayUnit.HORIZON);
        return speaker;
    }

    /** A call made {@code secondsAgo} before the test clock's now, in the office's offset as the hub writes it. */
    private static Board.Call call(String ticket, int counter, boolean recall, int secondsAgo) {
        return new Board.Call(ticket, counter, recall,
                NOW.minusSeconds(secondsAgo).atOffset(ZoneOffset.ofHours(7)));
    }

    /** Publishes the retained board with {@code calls}, newest first as the hub lists them. */
    private void board(Board.Call... calls) throws Exception {
        hub.publishState(topics.board(), new Board("UBND xã Nghi Lộc", ++sequence, List.of(), List.of(calls),
                OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(7))));
    }

    private static void awaitSaid(SimulatedSpeaker speaker, String... texts) {
        await().atMost(WAIT).until(() -> speaker.said().size() >= texts.length);
        assertThat(speaker.said()).extracting(Announcement::text).containsExactly(texts);
    }

    @Test
    void a_new_call_is_announced_once() throws Exception {
        SimulatedSpeaker speaker = startHall();

        board(call("2-015", 4, false, 1));

        awaitSaid(speaker, "Mời công dân có số 2-015 đến quầy số 4");
        assertThat(speaker.spoken()).containsExactly("Mời công dân có số hai, mười lăm, đến quầy số bốn.");
    }

    @Test
    void the_same_board_again_and_a_board_changed_elsewhere_announce_nothing() throws Exception {
        SimulatedSpeaker speaker = startHall();
        Board.Call first = call("2-015", 4, false, 2);
        board(first);
        awaitSaid(speaker, "Mời công dân có số 2-015 đến quầy số 4");

        board(first); // republished, e.g. a counter paused: same calls
        board(first);
        board(call("1-003", 2, false, 1), first); // the last board the hall sees; it must add only 1-003

        awaitSaid(speaker, "Mời công dân có số 2-015 đến quầy số 4", "Mời công dân có số 1-003 đến quầy số 2");
    }

    @Test
    void a_recall_is_announced_again_as_a_recall() throws Exception {
        SimulatedSpeaker speaker = startHall();
        Board.Call first = call("2-015", 4, false, 20);
        board(first);
        awaitSaid(speaker, "Mời công dân có số 2-015 đến quầy số 4");

        board(call("2-015", 4, true, 1), first);

        awaitSaid(speaker, "Mời công dân có số 2-015 đến quầy số 4", "Mời lần nữa công dân có số 2-015 đến quầy số 4");
    }

    @Test
    void several_calls_in_one_board_are_announced_in_the_order_they_were_made() throws Exception {
        SimulatedSpeaker speaker = startHall();

        board(call("1-007", 1, false, 1), call("2-016", 3, true, 2), call("3-001", 2, false, 3));

        awaitSaid(speaker, "Mời công dân có số 3-001 đến quầy số 2", "Mời lần nữa công dân có số 2-016 đến quầy số 3",
                "Mời công dân có số 1-007 đến quầy số 1");
    }

    @Test
    void calls_older_than_the_horizon_at_start_are_not_announced() throws Exception {
        Board.Call old = call("1-001", 1, false, 300);
        Board.Call justBefore = call("1-002", 2, false, 5);
        board(justBefore, old);

        SimulatedSpeaker speaker = startHall();
        awaitSaid(speaker, "Mời công dân có số 1-002 đến quầy số 2");
        board(call("1-003", 1, false, 0), justBefore, old);

        awaitSaid(speaker, "Mời công dân có số 1-002 đến quầy số 2", "Mời công dân có số 1-003 đến quầy số 1");
        assertThat(metrics.count("hall.call_too_old")).isEqualTo(1);
    }

    @Test
    void after_a_reconnect_the_retained_board_announces_nothing_again() throws Exception {
        SimulatedSpeaker speaker = startHall();
        MqttLink link = links.getFirst();
        Board.Call first = call("2-015", 4, false, 1);
        board(first);
        awaitSaid(speaker, "Mời công dân có số 2-015 đến quầy số 4");
        List<String> boardsSeen = new CopyOnWriteArrayList<>();
        link.onState(topics.board(), payload -> boardsSeen.add(new String(payload, StandardCharsets.UTF_8)));
        await().atMost(WAIT).until(() -> boardsSeen.size() == 1);

        // A clean-session client with the unit's id takes its session over; the link reconnects, subscribes again
        // and the broker sends the retained board once more.
        MqttClient usurper = new MqttClient(broker.url(), "sanh-1", new MemoryPersistence());
        MqttConnectOptions clean = new MqttConnectOptions();
        clean.setCleanSession(true);
        usurper.connect(clean);
        usurper.disconnect();
        usurper.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> boardsSeen.size() == 2);
        board(call("1-003", 2, false, 0), first);

        awaitSaid(speaker, "Mời công dân có số 2-015 đến quầy số 4", "Mời công dân có số 1-003 đến quầy số 2");
    }

    @Test
    void after_a_restart_within_the_horizon_the_calls_heard_before_are_not_announced_again() throws Exception {
        SimulatedSpeaker before = startHall();
        Board.Call first = call("2-015", 4, false, 1);
        board(first);
        awaitSaid(before, "Mời công dân có số 2-015 đến quầy số 4");
        links.removeFirst().close();

        clock.advance(Duration.ofSeconds(3)); // restarted by systemd: the call is still within the horizon
        SimulatedSpeaker after = startHall();
        board(call("1-003", 2, false, 0), first);

        awaitSaid(after, "Mời công dân có số 1-003 đến quầy số 2");
    }

    @Test
    void a_unit_with_the_counter_and_display_roles_announces_through_the_speaker_its_config_names() throws Exception {
        UnitConfig config = new UnitConfig("quay-4", site, broker.url(), Set.of(Role.COUNTER, Role.DISPLAY),
                Optional.of(4), List.of(), dataDir, UnitConfig.DEFAULT_REQUEST_TIMEOUT, Optional.empty(),
                HardwareConfig.SIMULATED, HallConfig.LOG_ONLY, BrokerSecurity.NONE);

        try (Unit unit = Unit.start(config, Hardware.simulated("quay-4"))) {
            // voice off: the unit logs what it would say rather than run espeak-ng
            SimulatedSpeaker speaker = (SimulatedSpeaker) unit.hall().orElseThrow().speaker();
            assertThat(unit.counter()).isPresent();
            board(new Board.Call("2-015", 4, false, OffsetDateTime.now(ZoneOffset.ofHours(7))));

            awaitSaid(speaker, "Mời công dân có số 2-015 đến quầy số 4");
        }
    }

    @Test
    void a_malformed_board_is_ignored_and_the_next_one_is_announced() throws Exception {
        SimulatedSpeaker speaker = startHall();

        hub.publishRaw(topics.board(), "{\"v\":1,\"office\":".getBytes(StandardCharsets.UTF_8), true);
        board(call("2-015", 4, false, 1));

        awaitSaid(speaker, "Mời công dân có số 2-015 đến quầy số 4");
    }
}
