package vn.motcua.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.motcua.device.Hardware;
import vn.motcua.device.Unit;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.counter.CounterText;
import vn.motcua.device.counter.SimulatedCounterDisplay;
import vn.motcua.device.counter.StaffKey;
import vn.motcua.device.kiosk.KioskUnit;
import vn.motcua.device.link.HubUnreachableException;
import vn.motcua.device.printer.TicketView;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.testkit.Mosquitto;

/**
 * What the units do while the hub is dead, and how they come back by themselves: the hub runs as a child JVM and is
 * killed with SIGKILL, real units (a kiosk, a counter) watch. On Mosquitto the broker stays and publishes the hub's
 * will; on the embedded broker the broker dies with the hub and the units lose their link. Either way the counter
 * display says so within 5 s, keys needing the hub fail at once, the kiosk prints offline at once (its request timeout
 * is 10 s), and within 5 s of the hub being up again the display shows the counter's state.
 */
class HubOutageTest {

    enum BrokerKind { EMBEDDED, MOSQUITTO }

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
    private static final Duration HUB_START = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private Mosquitto mosquitto;
    private Process hub;
    private Unit kiosk;
    private Unit counter;

    @AfterEach
    void stop() throws Exception {
        Parts.closeAll(kiosk, counter);
        if (hub != null) {
            hub.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        }
        Parts.closeAll(mosquitto);
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void units_say_the_hub_is_gone_within_5_s_of_its_death_and_show_the_counter_within_5_s_of_its_return(
            BrokerKind kind) throws Exception {
        List<String> broker;
        String url;
        if (kind == BrokerKind.MOSQUITTO) {
            mosquitto = Mosquitto.start(dir.resolve("mosquitto"));
            url = mosquitto.url();
            broker = List.of("--broker", url);
        } else {
            int port = Mosquitto.freePort();
            url = "tcp://127.0.0.1:" + port;
            broker = List.of("--mqtt-host", "127.0.0.1", "--mqtt-port", Integer.toString(port));
        }
        Path hubLog = dir.resolve("hub-1.log");
        hub = startHub(broker, hubLog);
        kiosk = Unit.start(UnitConfig.kiosk(Parts.DISTRICT.id(), "kiosk-1", url, List.of("HT"), dir.resolve("kiosk-1"))
                .withRequestTimeout(Duration.ofSeconds(10)), Hardware.simulated("kiosk-1"));
        counter = Unit.start(UnitConfig.counter(Parts.DISTRICT.id(), "counter-4", url, 4, dir.resolve("counter-4")),
                Hardware.simulated("counter-4"));
        SimulatedCounterDisplay display = (SimulatedCounterDisplay) counter.hardware().counterDisplay();
        KioskUnit keys = kiosk.kiosk().orElseThrow();
        awaitUp(hubLog);
        counter.counter().orElseThrow().signIn("cb.4").get(); // the office day starts with every counter closed
        await().atMost(Duration.ofSeconds(10)).until(() -> keys.offlineNumbersLeft("HT") > 0);
        String ticket = keys.press("HT").get().ticket();
        counter.counter().orElseThrow().press(StaffKey.NEXT).get();
        String called = "Quầy 4 · " + ticket;
        await().atMost(FIVE_SECONDS).until(display::text, called::equals);

        hub.destroyForcibly(); // SIGKILL: no goodbye, the broker (or the lost link) must tell

        await().atMost(FIVE_SECONDS).until(display::text, CounterText.OFFLINE::equals);
        assertThat(counter.counter().orElseThrow().press(StaffKey.DONE)).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOf(HubUnreachableException.class).withMessage("Mất kết nối với máy chủ");
        TicketView offline = keys.press("HT").get(2, TimeUnit.SECONDS);
        assertThat(offline.offline()).isTrue();
        assertThat(hub.waitFor(15, TimeUnit.SECONDS)).isTrue();

        Path secondLog = dir.resolve("hub-2.log");
        hub = startHub(broker, secondLog);
        awaitUp(secondLog);
        long up = System.nanoTime();
        await().atMost(FIVE_SECONDS).until(display::text, called::equals);
        assertThat(Duration.ofNanos(System.nanoTime() - up)).isLessThan(FIVE_SECONDS);
        await().atMost(FIVE_SECONDS).until(() -> kiosk.link().hubReachable());
        assertThat(keys.press("HT").get(10, TimeUnit.SECONDS).offline()).as("online again").isFalse();
        assertThat(counter.counter().orElseThrow().press(StaffKey.START).get())
                .isInstanceOf(ResponseBody.CounterUpdated.class);
    }

    /** {@code HubMain} in a child JVM on this test's class path, on the sample office and this test's data. */
    private Process startHub(List<String> broker, Path log) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                "vn.motcua.hub.HubMain", "--office", "../config/offices/district-office.json",
                "--data", dir.resolve("hub").toString(), "--http-host", "127.0.0.1", "--http-port", "0"));
        command.addAll(broker);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Until the hub logs that it is up: it takes requests and has said so on its presence topic. */
    private void awaitUp(Path log) {
        await().atMost(HUB_START).until(() -> {
            assertThat(hub.isAlive()).as("the hub exited; see " + log).isTrue();
            return Files.exists(log) && Files.readString(log).contains(" is up: ");
        });
    }
}
