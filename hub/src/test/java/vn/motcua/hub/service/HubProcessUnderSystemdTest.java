package vn.motcua.hub.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.systemd.NotifyReceiver;
import vn.motcua.testkit.Mosquitto;

/**
 * {@code HubMain} as {@code systemd/motcua-hub.service} runs it: a child JVM on a Mosquitto broker with
 * {@code NOTIFY_SOCKET} and {@code WATCHDOG_USEC} set, stopped by SIGTERM.
 */
class HubProcessUnderSystemdTest {

    /** What a JVM stopped by SIGTERM exits with after its shutdown hooks (128 + 15); the unit lists it as success. */
    private static final int STOPPED_BY_SIGTERM = 143;

    @TempDir
    Path dir;

    @Test
    void ready_comes_once_the_web_answers_and_requests_are_taken_then_pings_and_stopping_on_sigterm() throws Exception {
        Path socket = dir.resolve("notify");
        Path log = dir.resolve("hub.log");
        try (Mosquitto mosquitto = Mosquitto.start(dir.resolve("mosquitto"));
             NotifyReceiver systemd = NotifyReceiver.bind(socket)) {
            ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                    "-cp", System.getProperty("java.class.path"), "-XX:+UseSerialGC", "-Xmx128m",
                    "vn.motcua.hub.HubMain", "--office", "../config/offices/district-office.json",
                    "--data", dir.resolve("hub").toString(), "--broker", mosquitto.url(),
                    "--http-host", "127.0.0.1", "--http-port", "0")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("NOTIFY_SOCKET", socket.toString());
            builder.environment().put("WATCHDOG_USEC", "1000000");
            Process hub = builder.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> !systemd.datagrams().isEmpty());
                String ready = systemd.datagrams().getFirst();
                assertThat(ready).as(Files.readString(log))
                        .startsWith("READY=1\nSTATUS=nghiloc: broker " + mosquitto.url() + ", web http://127.0.0.1:");
                // Ready means ready: no retry, the board answers the moment systemd hears READY=1 ...
                String web = ready.substring(ready.indexOf("http://127.0.0.1:"));
                HttpResponse<String> board = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(web)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(board.statusCode()).isEqualTo(200);
                // ... and the gateway had subscribed to the units' requests before
                assertThat(Files.readString(log)).contains("taking requests");

                systemd.awaitDatagram("WATCHDOG=1");
                hub.destroy(); // SIGTERM, as systemctl stop sends

                assertThat(hub.waitFor(15, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
                assertThat(hub.exitValue()).as(Files.readString(log)).isEqualTo(STOPPED_BY_SIGTERM);
                assertThat(systemd.datagrams().getLast()).isEqualTo("STOPPING=1");
            } finally {
                hub.destroyForcibly();
            }
        }
    }
}
