package vn.motcua.hub;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.motcua.hub.broker.BrokerTls;
import vn.motcua.hub.broker.PasswordFileException;
import vn.motcua.hub.broker.TlsFileException;
import vn.motcua.hub.service.HubService;
import vn.motcua.hub.site.OfficeConfigException;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.systemd.SdNotify;

/** {@code ./motcua hub}: runs one office's hub until SIGTERM or Ctrl-C. */
@Command(name = "hub", mixinStandardHelpOptions = true,
        description = "Runs the motcua hub: MQTT broker (embedded unless --broker), ticket desk, SQLite store, web pages.")
public final class HubMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(HubMain.class);

    @Option(names = "--office", defaultValue = "config/offices/district-office.json",
            description = "Office profile (services, counters, hours). Default: ${DEFAULT-VALUE}")
    Path office;

    @Option(names = "--data", defaultValue = "data/hub", description = "Data directory (SQLite, broker sessions). Default: ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--broker", description = "External broker URL, e.g. tcp://127.0.0.1:1883; omit to run the embedded broker")
    String broker;

    @Option(names = "--mqtt-host", defaultValue = "127.0.0.1", description = "Embedded broker address; units on other "
            + "machines need e.g. 0.0.0.0, and then --password-file. Default: ${DEFAULT-VALUE}")
    String mqttHost;

    @Option(names = "--password-file", description = "Mosquitto password file (user:$7$… lines, mosquitto_passwd): the "
            + "embedded broker then lets in only these units, each confined to its own topics (the unit ACL)")
    Path passwordFile;

    @Option(names = "--allow-anonymous", description = "Let the embedded broker on a non-loopback --mqtt-host take "
            + "anyone, without --password-file: any machine that reaches it may publish as any unit")
    boolean allowAnonymous;

    @Option(names = "--allow-unbound-units", description = "Serve a profile without units and staff sections: any "
            + "unit may then act as any role for any counter, and any staff code may sign in (docs/configuration.md)")
    boolean allowUnboundUnits;

    @Option(names = "--mqtt-port", defaultValue = "1883", description = "Embedded broker port. Default: ${DEFAULT-VALUE}")
    int mqttPort;

    @Option(names = "--tls-cert", description = "Broker certificate in PEM (the hub.pem of docs/operations.md, "
            + "intermediates after it): the embedded broker then listens with TLS only, on --mqtt-tls-port")
    Path tlsCert;

    @Option(names = "--tls-key", description = "The certificate's private key: unencrypted PKCS#8 PEM, EC or RSA (the "
            + "hub.key openssl req -nodes writes)")
    Path tlsKey;

    @Option(names = "--mqtt-tls-port", defaultValue = "8883", description = "Embedded broker TLS port, with --tls-cert; "
            + "--mqtt-port then stays closed. Default: ${DEFAULT-VALUE}")
    int mqttTlsPort;

    @Option(names = "--http-host", defaultValue = "0.0.0.0", description = "Web address. Default: ${DEFAULT-VALUE}")
    String httpHost;

    @Option(names = "--http-port", defaultValue = "8080", description = "Web port. Default: ${DEFAULT-VALUE}")
    int httpPort;

    @Option(names = "--public-url", description = "Address phones reach this hub's web pages at, e.g. "
            + "http://192.168.1.10:8080; tickets then carry a QR link to their status page /ticket/{label}")
    String publicUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        HubSettings settings;
        Hub hub;
        try {
            Office loaded = OfficeLoader.load(office);
            checkBindings(loaded);
            settings = new HubSettings(loaded, data, mqttHost, mqttPort, Optional.ofNullable(broker),
                    httpHost, httpPort, Optional.ofNullable(publicUrl), Optional.ofNullable(passwordFile), brokerTls());
            checkBrokerExposure();
            hub = Hub.start(settings, Clock.systemUTC());
        } catch (OfficeConfigException | IllegalArgumentException | PasswordFileException | TlsFileException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("motcua hub: " + e.getMessage());
            err.flush();
            return 2;
        }
        HubService service = HubService.start(hub, settings, SdNotify.fromEnvironment(System.getenv()),
                SdNotify.watchdogTimeout(System.getenv(), ProcessHandle.current().pid()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            service.close();
            hub.close();
            stopped.countDown();
        }));
        System.out.println("motcua hub is running — board: http://localhost:" + hub.httpPort() + "/  broker: "
                + hub.brokerUrl() + "  (Ctrl-C stops)");
        stopped.await();
        return 0;
    }

    private Optional<BrokerTls> brokerTls() {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together: the certificate and its key");
        }
        return tlsCert == null ? Optional.empty() : Optional.of(new BrokerTls(tlsCert, tlsKey, mqttTlsPort));
    }

    /**
     * An embedded broker that other machines can reach must check passwords, unless the administrator says
     * explicitly that anyone may publish. With TLS it must check them in any case: encryption alone does not say who
     * may connect.
     */
    private void checkBrokerExposure() {
        if (broker != null) {
            return;
        }
        if (tlsCert != null && passwordFile == null && !isLoopback(mqttHost)) {
            throw new IllegalArgumentException("TLS does not say who may connect: give --password-file as well, so that "
                    + "only enrolled units get in");
        }
        if (allowAnonymous && passwordFile != null) {
            throw new IllegalArgumentException("--allow-anonymous and --password-file exclude each other: with a "
                    + "password file only the units in it may connect");
        }
        if (passwordFile == null && !isLoopback(mqttHost)) {
            if (!allowAnonymous) {
                throw new IllegalArgumentException("the embedded broker would listen on " + mqttHost + " and take "
                        + "anyone: give --password-file (Mosquitto's password file), or --allow-anonymous to accept that "
                        + "any machine may publish as any unit, or --mqtt-host 127.0.0.1");
            }
            LOG.warn("the embedded broker listens on {} without passwords (--allow-anonymous): any machine that "
                    + "reaches it may publish as any unit", mqttHost);
        }
    }

    /**
     * A profile that binds no units would let any client that reaches the broker act as any kiosk or counter, so it
     * is served only when the administrator says so, as with {@code --allow-anonymous}.
     */
    private void checkBindings(Office loaded) {
        if (loaded.bindings().isPresent()) {
            return;
        }
        if (!allowUnboundUnits) {
            throw new IllegalArgumentException(office + " has no units and staff sections, so it does not say which unit "
                    + "may act for which counter: add them (docs/configuration.md), or give --allow-unbound-units to "
                    + "let any unit act as any role for any counter");
        }
        LOG.warn("{} binds no units (--allow-unbound-units): any unit may act as any role for any counter, and any "
                + "staff code may sign in", office);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--mqtt-host " + host + " is not an address of this machine");
        }
    }

    static CommandLine commandLine() {
        return new CommandLine(new HubMain());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
