package vn.motcua.hub;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.motcua.hub.site.OfficeConfigException;
import vn.motcua.hub.site.OfficeLoader;

/** {@code ./motcua hub}: runs one office's hub until SIGTERM or Ctrl-C. */
@Command(name = "hub", mixinStandardHelpOptions = true,
        description = "Runs the motcua hub: MQTT broker (embedded unless --broker), ticket desk, SQLite store, web pages.")
public final class HubMain implements Callable<Integer> {

    @Option(names = "--office", defaultValue = "config/offices/district-office.json",
            description = "Office profile (services, counters, hours). Default: ${DEFAULT-VALUE}")
    Path office;

    @Option(names = "--data", defaultValue = "data/hub", description = "Data directory (SQLite, broker sessions). Default: ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--broker", description = "External broker URL, e.g. tcp://127.0.0.1:1883; omit to run the embedded broker")
    String broker;

    @Option(names = "--mqtt-host", defaultValue = "0.0.0.0", description = "Embedded broker address. Default: ${DEFAULT-VALUE}")
    String mqttHost;

    @Option(names = "--mqtt-port", defaultValue = "1883", description = "Embedded broker port. Default: ${DEFAULT-VALUE}")
    int mqttPort;

    @Option(names = "--http-host", defaultValue = "0.0.0.0", description = "Web address. Default: ${DEFAULT-VALUE}")
    String httpHost;

    @Option(names = "--http-port", defaultValue = "8080", description = "Web port. Default: ${DEFAULT-VALUE}")
    int httpPort;

    @Option(names = "--public-url", description = "Address phones reach this hub's web pages at, e.g. "
            + "http://192.168.1.10:8080; tickets then carry a QR link to their status page /ticket/{label}")
    String publicUrl;

    @Override
    public Integer call() throws Exception {
        HubSettings settings;
        try {
            settings = new HubSettings(OfficeLoader.load(office), data, mqttHost, mqttPort, Optional.ofNullable(broker),
                    httpHost, httpPort, Optional.ofNullable(publicUrl));
        } catch (OfficeConfigException | IllegalArgumentException e) {
            System.err.println("motcua hub: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Hub hub = Hub.start(settings, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            hub.close();
            stopped.countDown();
        }));
        System.out.println("motcua hub is running — board: http://localhost:" + hub.httpPort() + "/  broker: "
                + hub.brokerUrl() + "  (Ctrl-C stops)");
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new HubMain()).execute(args));
    }
}
