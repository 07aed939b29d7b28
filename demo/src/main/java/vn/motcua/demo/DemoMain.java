package vn.motcua.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeConfigException;
import vn.motcua.hub.site.OfficeLoader;

/** {@code ./motcua demo}: a whole office on this machine until Ctrl-C. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs a whole one-stop office on this machine: hub, embedded broker, SQLite, a simulated kiosk, "
                + "simulated counters and citizens, in accelerated time.")
public final class DemoMain implements Callable<Integer> {

    @Option(names = "--office", defaultValue = "config/offices/district-office.json",
            description = "Office profile. Default: ${DEFAULT-VALUE}")
    Path office;

    @Option(names = "--speed", defaultValue = "60",
            description = "Office minutes per real minute (60: an office hour per minute). Default: ${DEFAULT-VALUE}")
    double speed;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed of the citizens. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--data", description = "Data directory (default: a new temporary directory)")
    Path data;

    @Option(names = "--http-port", defaultValue = "8080", description = "Web port; another is chosen if busy. Default: ${DEFAULT-VALUE}")
    int httpPort;

    @Option(names = "--mqtt-port", defaultValue = "1883", description = "Broker port; another is chosen if busy. Default: ${DEFAULT-VALUE}")
    int mqttPort;

    @Override
    public Integer call() throws Exception {
        Office profile;
        try {
            profile = OfficeLoader.load(office);
        } catch (OfficeConfigException e) {
            System.err.println("motcua demo: " + e.getMessage());
            return 2;
        }
        if (!(speed > 0 && speed <= 10_000)) {
            System.err.println("motcua demo: --speed must be between 0 and 10000, was " + speed);
            return 2;
        }
        Path dataDir = data != null ? data : Files.createTempDirectory("motcua-demo-");
        int web = portOrAny(httpPort);
        // The port is fixed before the hub starts, so the printed tickets' QR codes can link to the status page.
        HubSettings settings = HubSettings.local(profile, dataDir).withMqttListener("127.0.0.1", portOrAny(mqttPort))
                .withWeb("127.0.0.1", web).withPublicUrl("http://localhost:" + web);
        OfficeDemo demo = OfficeDemo.start(settings, speed, seed);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            demo.close();
            stopped.countDown();
        }));
        System.out.printf("%n  motcua demo — %s%n  Bảng gọi số / hall board:  http://localhost:%d/%n"
                        + "  Theo dõi số / a ticket's status:  http://localhost:%d/ticket/{số, e.g. 1-001}%n"
                        + "  MQTT broker: %s   SQLite: %s%n  %s office minutes per real minute. Ctrl-C stops.%n%n",
                profile.name(), demo.hub().httpPort(), demo.hub().httpPort(), demo.hub().brokerUrl(),
                dataDir.resolve("hub.db"), (int) speed);
        stopped.await();
        return 0;
    }

    /**
     * The wanted port if it is free on loopback, else another free one, so a busy 8080 or 1883 doesn't stop the demo.
     * A real number, not 0, so the web address is known before the hub starts.
     */
    private static int portOrAny(int wanted) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("127.0.0.1", wanted));
            return wanted;
        } catch (IOException busy) {
            try (ServerSocket any = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return any.getLocalPort();
            }
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoMain()).execute(args));
    }
}
