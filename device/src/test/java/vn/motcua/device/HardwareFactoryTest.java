package vn.motcua.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;

import vn.motcua.device.config.HardwareConfig;
import vn.motcua.device.config.Keypad;
import vn.motcua.device.config.KioskKeys;
import vn.motcua.device.config.ScannerConfig;
import vn.motcua.device.config.TouchScreen;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.counter.SimulatedCounterDisplay;
import vn.motcua.device.counter.StaffKey;
import vn.motcua.device.display.Hd44780Display;
import vn.motcua.device.display.Max7219Display;
import vn.motcua.device.keys.GpioKeys;
import vn.motcua.device.kiosk.ServiceKeys;
import vn.motcua.device.printer.SimulatedPrinter;
import vn.motcua.device.printer.escpos.EscPosPrinter;
import vn.motcua.device.printer.escpos.PaperWidth;
import vn.motcua.device.printer.escpos.PrinterSimulator;
import vn.motcua.device.printer.escpos.PtyPair;
import vn.motcua.device.printer.escpos.PtyPrinter;
import vn.motcua.device.printer.escpos.SerialSettings;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.ServingPhase;

class HardwareFactoryTest extends OnBroker {

    private final AtomicInteger contextsMade = new AtomicInteger();

    private Context mockContext() {
        contextsMade.incrementAndGet();
        return Pi4J.newContextBuilder().noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
                        MockSpiProvider.newInstance(), MockI2CProvider.newInstance())
                .build();
    }

    private UnitConfig counter(HardwareConfig hardware) {
        return UnitConfig.counter(site, "quay-3", broker.url(), 3, dataDir).withHardware(hardware);
    }

    @Test
    void without_a_hardware_section_everything_is_simulated_and_no_pi4j_context_is_made() {
        UnitConfig config = UnitConfig.counter(site, "quay-3", broker.url(), 3, dataDir);
        try (HardwareFactory.Opened opened = HardwareFactory.open(config, this::mockContext)) {
            assertThat(opened.hardware().printer()).isInstanceOf(SimulatedPrinter.class);
            assertThat(opened.hardware().counterDisplay()).isInstanceOf(SimulatedCounterDisplay.class);
            assertThat(opened.context()).isEmpty();
        }
        assertThat(contextsMade).hasValue(0);
    }

    @Test
    void a_counter_with_an_hd44780_builds_the_lcd_driver_on_the_injected_context() {
        HardwareConfig hardware = new HardwareConfig("gpiochip0", Optional.empty(),
                Optional.of(new HardwareConfig.Hd44780(1, 0x27, 16, 2)), Map.of());
        try (HardwareFactory.Opened opened = HardwareFactory.open(counter(hardware), this::mockContext)) {
            assertThat(opened.hardware().counterDisplay()).isInstanceOf(Hd44780Display.class);
            assertThat(opened.context()).isPresent();
        }
        assertThat(contextsMade).hasValue(1);
    }

    @Test
    void a_counter_with_a_max7219_and_keys_sends_next_when_the_next_key_is_pressed() throws Exception {
        hub.answerOk(request -> new vn.motcua.protocol.message.ResponseBody.TicketCalled("1-023", "DD", 3, 0, Samples.MORNING));
        HardwareConfig hardware = new HardwareConfig("gpiochip0", Optional.empty(),
                Optional.of(new HardwareConfig.Max7219(0, 0, 8)),
                Map.of(StaffKey.NEXT, new HardwareConfig.KeyPin(5, Optional.of(7))));
        UnitConfig config = counter(hardware);
        try (HardwareFactory.Opened opened = HardwareFactory.open(config, this::mockContext);
             Unit unit = Unit.start(config, opened.hardware())) {
            assertThat(opened.hardware().counterDisplay()).isInstanceOf(Max7219Display.class);
            AtomicLong clock = new AtomicLong(1_000); // milliseconds, moved by hand: no waiting on real time
            GpioKeys<StaffKey> keys = opened.startKeys(unit, false, clock::get).orElseThrow();
            Context context = opened.context().orElseThrow();
            MockDigitalInput next = (MockDigitalInput) context.registry().get("key-5");
            next.mockState(DigitalState.HIGH); // released (pull-up)
            clock.addAndGet(100);
            keys.tick();
            next.mockState(DigitalState.LOW);  // pressed
            clock.addAndGet(150);
            keys.tick();
            next.mockState(DigitalState.HIGH); // released: a short press
            clock.addAndGet(100);
            keys.tick();

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hub.requests())
                    .extracting(r -> r.body()).containsExactly(new RequestBody.CounterNext(3)));
        }
    }

    @Test
    void a_kiosk_with_an_esc_pos_printer_prints_the_ticket_into_the_device_file() throws Exception {
        hub.publishState(topics.services(), Samples.catalogue());
        hub.answerOk(request -> Samples.ticket());
        Path device = Files.createFile(dataDir.resolve("lp0"));
        UnitConfig config = UnitConfig.kiosk(site, "kiosk-1", broker.url(), List.of("DD"), dataDir.resolve("state"))
                .withHardware(new HardwareConfig("gpiochip0", Optional.of(new HardwareConfig.Printer(
                        device.toString(), 58)), Optional.empty(), Map.of()));
        try (HardwareFactory.Opened opened = HardwareFactory.open(config, this::mockContext);
             Unit unit = Unit.start(config, opened.hardware())) {
            assertThat(opened.hardware().printer()).isInstanceOf(EscPosPrinter.class);
            unit.kiosk().orElseThrow().press("DD").get();
        }
        assertThat(contextsMade).hasValue(0);

        PrinterSimulator printer = new PrinterSimulator(PaperWidth.MM58);
        printer.output().write(Files.readAllBytes(device));
        assertThat(printer.tickets()).hasSize(1);
        assertThat(printer.lastTicket().orElseThrow().getWidth()).isEqualTo(PaperWidth.MM58.dots());
    }

    @Test
    void a_kiosk_with_a_serial_printer_prints_over_the_line_with_a_native_qr(@TempDir Path cables) throws Exception {
        hub.publishState(topics.services(), Samples.catalogue());
        hub.answerOk(request -> Samples.ticket());
        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM80);
        try (PtyPair cable = new PtyPair(cables).start();
             PtyPrinter far = new PtyPrinter(cable.printerEnd(), paper)) {
            UnitConfig config = UnitConfig.kiosk(site, "kiosk-1", broker.url(), List.of("DD"), dataDir)
                    .withHardware(new HardwareConfig("gpiochip0", Optional.of(new HardwareConfig.Printer(
                            cable.unitEnd().toString(), 80, Optional.of(new SerialSettings(115200,
                            SerialSettings.FlowControl.RTS_CTS)), true)), Optional.empty(), Map.of()));
            try (HardwareFactory.Opened opened = HardwareFactory.open(config, this::mockContext);
                 Unit unit = Unit.start(config, opened.hardware())) {
                unit.kiosk().orElseThrow().press("DD").get();
                await().atMost(Duration.ofSeconds(5)).until(() -> paper.tickets().size() == 1);
            }
            assertThat(far.failure()).isNull();
        }
        assertThat(contextsMade).hasValue(0);
    }

    @Test
    void a_counter_with_a_wired_keypad_rates_the_ticket_just_served() throws Exception {
        hub.answerOk(request -> new ResponseBody.RatingRecorded("HAI_LONG", Optional.of("1-023")));
        Keypad keypad = new Keypad(Keypad.DEFAULT_WINDOW, List.of(
                new Keypad.Level("HAI_LONG", "Hài lòng", Optional.of(new HardwareConfig.KeyPin(17, Optional.of(24)))),
                new Keypad.Level("KHONG_HAI_LONG", "Không hài lòng",
                        Optional.of(new HardwareConfig.KeyPin(27, Optional.of(25))))));
        UnitConfig config = counter(new HardwareConfig("gpiochip0", Optional.empty(), Optional.empty(), Map.of(),
                ScannerConfig.SIMULATED, keypad, KioskKeys.NONE));
        try (HardwareFactory.Opened opened = HardwareFactory.open(config, this::mockContext);
             Unit unit = Unit.start(config, opened.hardware())) {
            AtomicLong clock = new AtomicLong(1_000);
            GpioKeys<String> keys = opened.startKeypad(unit, false, clock::get).orElseThrow().keys();
            hub.publishState(topics.counterState(3), Samples.atCounter(3, "1-023", ServingPhase.SERVING));
            await().atMost(Duration.ofSeconds(5)).until(() -> unit.counter().orElseThrow().state().isPresent());
            hub.publishState(topics.counterState(3), Samples.open(3));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> unit.counter().orElseThrow().keypad().ratable().isPresent());
            MockDigitalInput satisfied = (MockDigitalInput) opened.context().orElseThrow().registry().get("key-17");
            for (DigitalState level : List.of(DigitalState.HIGH, DigitalState.LOW, DigitalState.HIGH)) {
                satisfied.mockState(level); // released, pressed, released: one short press
                clock.addAndGet(100);
                keys.tick();
            }

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hub.requests())
                    .extracting(r -> r.body()).containsExactly(new RequestBody.RatingSubmit(3, "HAI_LONG",
                            Optional.of("1-023"))));
        }
    }

    @Test
    void a_kiosk_with_gpio_service_keys_asks_for_a_ticket_when_one_is_pressed() throws Exception {
        hub.answerOk(request -> Samples.ticket());
        UnitConfig config = UnitConfig.kiosk(site, "kiosk-1", broker.url(), List.of("DD"), dataDir)
                .withHardware(new HardwareConfig("gpiochip0", Optional.empty(), Optional.empty(), Map.of(),
                        ScannerConfig.SIMULATED, Keypad.DEFAULT, new KioskKeys(Map.of("DD", new HardwareConfig.KeyPin(5, Optional.of(17))),
                        Optional.empty())));
        try (HardwareFactory.Opened opened = HardwareFactory.open(config, this::mockContext);
             Unit unit = Unit.start(config, opened.hardware())) {
            AtomicLong clock = new AtomicLong(1_000);
            GpioKeys<ServiceKeys.Key> keys = opened.startServiceKeys(unit, false, clock::get).orElseThrow().keys();
            Context context = opened.context().orElseThrow();
            MockDigitalInput dd = (MockDigitalInput) context.registry().get("key-5");
            for (DigitalState level : List.of(DigitalState.HIGH, DigitalState.LOW, DigitalState.HIGH)) {
                dd.mockState(level); // released, pressed, released: one short press
                clock.addAndGet(100);
                keys.tick();
                if (level == DigitalState.LOW) {
                    assertThat(context.registry().<DigitalOutput>get("led-17").state()).isEqualTo(DigitalState.HIGH);
                }
            }

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hub.requests())
                    .extracting(r -> r.body()).containsExactly(new RequestBody.TicketIssue("DD", Optional.empty())));
        }
        assertThat(contextsMade).hasValue(1);
    }

    @Test
    void a_kiosk_with_a_touch_screen_serves_its_page_on_the_configured_local_port_until_closed() throws Exception {
        int port;
        UnitConfig config;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort();
            config = UnitConfig.kiosk(site, "kiosk-1", broker.url(), List.of("DD"), dataDir)
                    .withHardware(new HardwareConfig("gpiochip0", Optional.empty(), Optional.empty(), Map.of(),
                            ScannerConfig.SIMULATED, Keypad.DEFAULT, KioskKeys.NONE, Optional.of(new TouchScreen(port))));
            try (HardwareFactory.Opened opened = HardwareFactory.open(config, this::mockContext);
                 Unit unit = Unit.start(config, opened.hardware())) {
                assertThatThrownBy(() -> opened.startAllKeys(unit)).isInstanceOf(UncheckedIOException.class)
                        .hasMessageContaining("cannot serve the touch page on 127.0.0.1:" + port);
            }
        }
        URI page = URI.create("http://127.0.0.1:" + port + "/");
        try (HttpClient http = HttpClient.newHttpClient()) {
            try (HardwareFactory.Opened opened = HardwareFactory.open(config, this::mockContext);
                 Unit unit = Unit.start(config, opened.hardware())) {
                opened.startAllKeys(unit);

                HttpResponse<String> response = http.send(HttpRequest.newBuilder(page).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("<title>Lấy số thứ tự</title>");
                assertThat(opened.startTouchScreen(unit).orElseThrow().uri()).isEqualTo(page);
            }
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(page).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        }
        assertThat(contextsMade).hasValue(0);
    }
}
