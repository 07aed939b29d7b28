package vn.motcua.device.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import vn.motcua.device.OnBroker;
import vn.motcua.device.Retained;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.systemd.NotifyReceiver;

/** {@code DeviceMain} as systemd runs it: a child JVM with {@code NOTIFY_SOCKET} and {@code WATCHDOG_USEC} set. */
class DeviceProcessTest extends OnBroker {

    /** What a JVM stopped by SIGTERM exits with after its shutdown hooks (128 + 15); the unit lists it as success. */
    private static final int STOPPED_BY_SIGTERM = 143;

    @Test
    void under_systemd_the_unit_is_ready_pings_and_on_sigterm_says_stopping_goes_offline_and_exits_143()
            throws Exception {
        Path config = dataDir.resolve("quay-3.json");
        Files.writeString(config, """
                {"v": 1, "deviceId": "quay-3", "site": "%s", "brokerUrl": "%s", "roles": ["COUNTER"],
                 "counter": 3, "dataDir": "data"}
                """.formatted(site, broker.url()));
        Path log = dataDir.resolve("quay-3.log");
        try (NotifyReceiver systemd = NotifyReceiver.bind(dataDir.resolve("notify"))) {
            ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                    "-cp", System.getProperty("java.class.path"), "-XX:+UseSerialGC", "-Xmx32m",
                    "vn.motcua.device.DeviceMain", "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("NOTIFY_SOCKET", dataDir.resolve("notify").toString());
            builder.environment().put("WATCHDOG_USEC", "400000");
            Process unit = builder.start();
            try {
                systemd.awaitDatagram("READY=1\nSTATUS=quay-3 is running");
                systemd.awaitDatagram("WATCHDOG=1");
                assertThat(dataDir.resolve("data/health.json")).exists();

                unit.destroy(); // SIGTERM, as systemctl stop sends

                assertThat(unit.waitFor(10, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
                assertThat(unit.exitValue()).as(Files.readString(log)).isEqualTo(STOPPED_BY_SIGTERM);
                assertThat(systemd.datagrams().getLast()).isEqualTo("STOPPING=1");
                assertThat(Retained.status(broker.url(), topics.device("quay-3", DeviceChannel.STATUS)))
                        .get().extracting(DeviceStatus::online).isEqualTo(false);
            } finally {
                unit.destroyForcibly();
            }
        }
    }
}
