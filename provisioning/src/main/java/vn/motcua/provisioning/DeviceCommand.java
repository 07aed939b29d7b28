package vn.motcua.provisioning;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import vn.motcua.device.config.HallConfig;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.config.UnitConfigException;
import vn.motcua.protocol.message.Role;

/** {@code provision device}: writes the config file of a new unit, refusing anything the unit would refuse. */
@Command(name = "device", mixinStandardHelpOptions = true, description = "Writes the config file of a new unit.",
        footerHeading = "%nExamples:%n", footer = {
                "  provision device --site nghiloc --id kiosk-1 --role kiosk \\",
                "      --services DD,HT,CT --broker ssl://hub.local:8883 --ca-file /etc/motcua/ca.pem",
                "  provision device --site nghiloc --id kiosk-9 --role kiosk --services DD \\",
                "      --broker tcp://10.0.0.1:1883 --no-password",
                "  provision device --site nghiloc --id quay-3 --role counter \\",
                "      --counter 3 --broker tcp://hub.local:1883",
                "  provision device --site nghiloc --id kiosk-2 --role kiosk --services DD \\",
                "      --broker tcp://hub.local:1883 --printer-serial /dev/ttyUSB0 --baud 115200 --native-qr",
                "  provision device --site nghiloc --id quay-4 --role counter --counter 4 \\",
                "      --broker tcp://hub.local:1883 --display hd44780 --lcd-size 20x4 --hardware keys.json"})
final class DeviceCommand implements Callable<Integer> {

    /** Config fields as the options that set them, so refusals name what the administrator typed. */
    private static final Map<String, String> OPTION_OF_FIELD = Map.ofEntries(Map.entry("deviceId", "--id"),
            Map.entry("site", "--site"), Map.entry("brokerUrl", "--broker"), Map.entry("roles", "--role"),
            Map.entry("counter", "--counter"), Map.entry("services", "--services"), Map.entry("dataDir", "--data-dir"),
            Map.entry("requestTimeout", "--request-timeout"), Map.entry("officeName", "--office-name"),
            Map.entry("caFile", "--ca-file"));

    @Spec
    private CommandSpec spec;

    @Option(names = "--site", required = true, description = "The office's site id, e.g. nghiloc.")
    private String site;

    @Option(names = "--id", required = true, description = "The unit's id, e.g. kiosk-1 or quay-3.")
    private String deviceId;

    @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
            description = "kiosk, counter or display (hall board + voice); several for a combined unit (counter,display).")
    private List<Role> roles;

    @Option(names = "--services", split = ",", paramLabel = "CODE",
            description = "Service codes on the kiosk's keys, in key order, e.g. DD,HT,CT.")
    private List<String> services = List.of();

    @Option(names = "--counter", paramLabel = "N", description = "The counter number (1-999) of a counter unit.")
    private Integer counter;

    @Option(names = "--broker", required = true, paramLabel = "URL",
            description = "The hub's MQTT broker, ssl://host:port (TLS) or tcp://host:port.")
    private String brokerUrl;

    @Mixin
    private CredentialOptions credentials;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "/var/lib/motcua",
            description = "Where the unit keeps its state (default: ${DEFAULT-VALUE}); relative paths are taken "
                    + "from the config file's folder.")
    private Path dataDir;

    @Option(names = "--request-timeout", paramLabel = "DURATION",
            description = "How long the unit waits for the hub, ISO-8601 (default PT5S).")
    private Duration requestTimeout;

    @Option(names = "--office-name", paramLabel = "NAME",
            description = "Printed on tickets until the hub names the office.")
    private String officeName;

    @Mixin
    private HardwareOptions hardware;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: <id>.json).")
    private Path out;

    @Option(names = "--force", description = "Replace the file if it exists.")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        UnitConfig config;
        try {
            config = new UnitConfig(deviceId, site, brokerUrl, EnumSet.copyOf(roles), Optional.ofNullable(counter),
                    services, dataDir, requestTimeout, Optional.ofNullable(officeName), hardware.hardware(),
                    HallConfig.DEFAULT, credentials.security(deviceId));
        } catch (UnitConfigException e) {
            String option = e.field().map(f -> f.startsWith("hardware") ? hardware.optionOf(f)
                    : OPTION_OF_FIELD.getOrDefault(f, f)).orElse("config");
            throw new ParameterException(spec.commandLine(), option + ": " + e.problem());
        }
        Path file = out != null ? out : Path.of(deviceId + ".json");
        if (Files.exists(file) && !force) {
            throw new ParameterException(spec.commandLine(), file + " exists; add --force to replace it");
        }
        credentials.checkSecretFree(config, file, force, spec.commandLine());
        String broker = credentials.writeSecret(config, file);
        config.write(file);
        String jvm = JvmOptions.write(config, file);
        PrintWriter report = spec.commandLine().getOut();
        report.println("wrote " + file);
        report.print(Summary.of(config));
        report.print(jvm);
        report.print(broker);
        report.flush();
        return 0;
    }
}
