package vn.motcua.device.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.OnBroker;
import vn.motcua.device.Samples;
import vn.motcua.device.TestHub;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.link.HubUnreachableException;
import vn.motcua.device.link.MqttLink;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.testkit.Mosquitto;

class CounterUnitTest extends OnBroker {

    private final SimulatedCounterDisplay display = new SimulatedCounterDisplay("counter-3");

    private MqttLink connect(String brokerUrl) {
        return MqttLink.connect(UnitConfig.counter(site, "counter-3", brokerUrl, 3, dataDir), "test-1",
                Duration.ofSeconds(10));
    }

    @Test
    void the_display_shows_the_retained_counter_state_and_follows_it() throws Exception {
        hub.publishState(topics.counterState(3), Samples.serving(3, "1-023"));
        try (MqttLink link = connect(broker.url())) {
            CounterUnit unit = new CounterUnit(link, display);

            await().atMost(Duration.ofSeconds(5)).until(display::text, "Quầy 3 · 1-023"::equals);
            hub.publishState(topics.counterState(3), Samples.paused(3));

            await().atMost(Duration.ofSeconds(5)).until(display::text, "Quầy 3 · Tạm nghỉ"::equals);
            assertThat(unit.state()).contains(Samples.paused(3));
        }
    }

    @Test
    void a_staff_key_sends_its_operation_for_the_units_counter() throws Exception {
        ResponseBody.TicketCalled called = new ResponseBody.TicketCalled("1-023", "DD", 3, 0, Samples.MORNING);
        hub.answerOk(request -> called);
        try (MqttLink link = connect(broker.url())) {
            CounterUnit unit = new CounterUnit(link, display);

            assertThat(unit.press(StaffKey.NEXT).get()).isEqualTo(called);
            assertThat(hub.requests()).extracting(r -> r.body()).containsExactly(new RequestBody.CounterNext(3));
        }
    }

    @Test
    void a_rating_is_sent_for_the_units_counter() throws Exception {
        hub.answerOk(request -> new ResponseBody.RatingRecorded("SATISFIED", Optional.of("1-023")));
        try (MqttLink link = connect(broker.url())) {
            CounterUnit unit = new CounterUnit(link, display);

            unit.rate("SATISFIED").get();

            assertThat(hub.requests()).extracting(r -> r.body())
                    .containsExactly(new RequestBody.RatingSubmit(3, "SATISFIED", Optional.empty()));
        }
    }

    @Test
    void while_the_hubs_presence_says_offline_the_display_says_so_and_keys_fail_at_once_until_it_is_back()
            throws Exception {
        hub.publishState(topics.hubStatus(), Samples.hubOnline());
        hub.publishState(topics.counterState(3), Samples.serving(3, "1-023"));
        try (MqttLink link = connect(broker.url())) {
            CounterUnit unit = new CounterUnit(link, display);
            await().atMost(Duration.ofSeconds(5)).until(display::text, "Quầy 3 · 1-023"::equals);

            hub.publishState(topics.hubStatus(), DeviceStatus.offline());

            await().atMost(Duration.ofSeconds(5)).until(display::text, CounterText.OFFLINE::equals);
            assertThat(display.text()).isEqualTo("Mất kết nối với máy chủ");
            assertThat(unit.press(StaffKey.NEXT)).as("refused on the unit, not after a timeout")
                    .failsWithin(Duration.ofMillis(100)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(HubUnreachableException.class)
                    .withMessage("Mất kết nối với máy chủ");
            assertThat(hub.requests()).isEmpty();

            hub.publishState(topics.counterState(3), Samples.paused(3));
            hub.publishState(topics.hubStatus(), Samples.hubOnline());

            await().atMost(Duration.ofSeconds(5)).until(display::text, "Quầy 3 · Tạm nghỉ"::equals);
            assertThat(link.hubReachable()).isTrue();
        }
    }

    @Test
    void after_a_broker_restart_that_lost_the_hubs_presence_the_unit_waits_for_the_hub_to_say_it_is_back(
            @TempDir Path ownBrokerDir) throws Exception {
        Mosquitto first = Mosquitto.start(ownBrokerDir.resolve("first"));
        try (TestHub before = TestHub.start(first.url())) {
            before.publishState(topics.hubStatus(), Samples.hubOnline());
            before.publishState(topics.counterState(3), Samples.serving(3, "1-023"));
        }
        try (MqttLink link = connect(first.url())) {
            CounterUnit unit = new CounterUnit(link, display);
            await().atMost(Duration.ofSeconds(5)).until(display::text, "Quầy 3 · 1-023"::equals);

            first.close();
            await().atMost(Duration.ofSeconds(5)).until(display::text, CounterText.OFFLINE::equals);
            try (Mosquitto restarted = Mosquitto.start(ownBrokerDir.resolve("restarted"), first.port())) {
                await().atMost(Duration.ofSeconds(10)).until(link::isConnected);

                // connected again, but no hub says it is there: the last number is not shown as if it were current
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                        .until(display::text, CounterText.OFFLINE::equals);
                assertThat(unit.press(StaffKey.NEXT)).failsWithin(Duration.ofMillis(100))
                        .withThrowableOfType(ExecutionException.class).havingCause()
                        .isInstanceOf(HubUnreachableException.class);

                try (TestHub after = TestHub.start(restarted.url())) {
                    after.publishState(topics.counterState(3), Samples.paused(3));
                    after.publishState(topics.hubStatus(), Samples.hubOnline());
                    await().atMost(Duration.ofSeconds(5)).until(display::text, "Quầy 3 · Tạm nghỉ"::equals);
                }
            }
        }
    }

    @Test
    void the_display_says_the_link_is_lost_when_the_broker_goes_away(@TempDir Path ownBrokerDir) throws Exception {
        try (Mosquitto ownBroker = Mosquitto.start(ownBrokerDir); MqttLink link = connect(ownBroker.url())) {
            new CounterUnit(link, display);
            assertThat(display.text()).isEqualTo(CounterText.STARTING);

            ownBroker.close();

            await().atMost(Duration.ofSeconds(5)).until(display::text, CounterText.OFFLINE::equals);
        }
    }
}
