package vn.motcua.device.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.device.Hardware;
import vn.motcua.device.OnBroker;
import vn.motcua.device.Unit;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.EventBody;
import vn.motcua.protocol.topic.DeviceChannel;

class UnitServiceTest extends OnBroker {

    private static final UnitService.Periods FAST = new UnitService.Periods(Duration.ofMillis(50), Duration.ofMillis(100));

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_counter_unit_is_ready_pings_the_watchdog_keeps_its_health_file_and_says_stopping() throws Exception {
        try (Unit unit = Unit.start(UnitConfig.counter(site, "quay-3", broker.url(), 3, dataDir),
                Hardware.simulated("quay-3"))) {
            unit.metrics().increment("scan.rejected.too_long");
            UnitService service = UnitService.start(unit, sent::add, Optional.of(Duration.ofMillis(200)),
                    new HealthSources(() -> 7, Optional::empty), FAST, Clock.systemUTC());

            assertThat(sent.getFirst()).isEqualTo("READY=1\nSTATUS=quay-3 is running");
            await().atMost(Duration.ofSeconds(5)).until(() -> sent.contains("WATCHDOG=1"));
            Path file = dataDir.resolve("health.json");
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(file));
            JsonNode health = json.readTree(file.toFile());
            assertThat(health.get("deviceId").asText()).isEqualTo("quay-3");
            assertThat(health.get("linkConnected").asBoolean()).isTrue();
            assertThat(health.get("outboxDepth").asInt()).isEqualTo(7);
            assertThat(health.get("uptimeSeconds").asLong()).isNotNegative();
            assertThat(health.get("heapUsedMb").asLong()).isPositive();
            assertThat(health.get("metrics").get("scan.rejected.too_long").asLong()).isEqualTo(1);
            assertThat(health.has("printer")).as("a counter unit has no printer").isFalse();
            assertThat(dataDir.resolve("health.json.tmp")).doesNotExist();

            service.close();

            assertThat(sent.getLast()).isEqualTo("STOPPING=1");
        }
    }

    @Test
    void a_kiosk_reports_its_printer_and_publishes_the_health_event_to_the_hub() throws Exception {
        MqttClient hubSide = new MqttClient(broker.url(), "hub-" + UUID.randomUUID(), new MemoryPersistence());
        hubSide.connect();
        List<EventBody> events = new CopyOnWriteArrayList<>();
        hubSide.subscribe(topics.device("kiosk-1", DeviceChannel.EVENT), 1,
                (topic, message) -> events.add(new Codec().decodeEvent(message.getPayload()).body()));
        EventBody.PrinterStatus paperLow = new EventBody.PrinterStatus(EventBody.Paper.LOW, false, true);
        try (Unit unit = Unit.start(UnitConfig.kiosk(site, "kiosk-1", broker.url(), List.of("DD"), dataDir),
                Hardware.simulated("kiosk-1"));
                UnitService service = UnitService.start(unit, sent::add, Optional.empty(),
                        new HealthSources(() -> 2, () -> Optional.of(paperLow)), FAST, Clock.systemUTC())) {

            await().atMost(Duration.ofSeconds(5)).until(() -> events.stream()
                    .anyMatch(e -> e instanceof EventBody.Health h && h.outboxDepth() == 2 && h.heapUsedMb() > 0));
            Path file = dataDir.resolve("health.json");
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(file));
            JsonNode printer = json.readTree(file.toFile()).get("printer");
            assertThat(printer.get("paper").asText()).isEqualTo("LOW");
            assertThat(printer.get("online").asBoolean()).isTrue();
            assertThat(sent).as("no watchdog configured: no pings").doesNotContain("WATCHDOG=1");
        } finally {
            hubSide.disconnect();
            hubSide.close();
        }
    }
}
