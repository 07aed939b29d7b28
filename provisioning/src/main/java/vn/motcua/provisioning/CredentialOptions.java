package vn.motcua.provisioning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import vn.motcua.device.config.BrokerSecurity;
import vn.motcua.device.config.DevicePassword;
import vn.motcua.device.config.UnitConfig;

/**
 * The {@code provision device} options for how the unit logs in to the broker and trusts it: a password made for
 * each unit, kept in its own file next to the config, and the site CA for {@code ssl://} brokers.
 */
final class CredentialOptions {

    @Option(names = "--ca-file", paramLabel = "FILE",
            description = "The site CA's PEM certificate, where the unit will find it, e.g. /etc/motcua/ca.pem; "
                    + "required for an ssl:// broker.")
    private Path caFile;

    @Option(names = "--no-password",
            description = "Make no password, for a broker on a closed device network that lets anyone in.")
    private boolean noPassword;

    /**
     * The config's security fields. The password file is named {@code <id>.password} and written next to the config,
     * which names it without a folder, so the two files can be copied to the unit together.
     */
    BrokerSecurity security(String deviceId) {
        Optional<Path> passwordFile = noPassword ? Optional.empty() : Optional.of(Path.of(deviceId + ".password"));
        return new BrokerSecurity(Optional.empty(), passwordFile, Optional.ofNullable(caFile));
    }

    /** Refuses to overwrite the unit's password file unless {@code force}; call before writing anything. */
    void checkSecretFree(UnitConfig config, Path configFile, boolean force, CommandLine commandLine) {
        Optional<Path> secret = secretFile(config, configFile);
        if (secret.filter(Files::exists).isPresent() && !force) {
            throw new ParameterException(commandLine, secret.get() + " exists; add --force to replace it (and the "
                    + "unit's line in the broker's password file)");
        }
    }

    /**
     * Makes the unit's password, writes it (mode 0600) and returns what the administrator must do on the broker: the
     * line for Mosquitto's password file, which holds a salted hash, never the password.
     */
    String writeSecret(UnitConfig config, Path configFile) throws IOException {
        Optional<Path> secret = secretFile(config, configFile);
        if (secret.isEmpty()) {
            return "  no password: the broker must let anyone in (allow_anonymous true)\n";
        }
        char[] password = DevicePassword.generate();
        try {
            DevicePassword.write(secret.get(), password);
            String user = config.security().usernameFor(config.deviceId());
            return "wrote " + secret.get() + " (the unit's MQTT password, mode 0600; give it to the unit's user: "
                    + "chown motcua:motcua)\n"
                    + "add this line to the broker's password_file and reload Mosquitto (docs/operations.md):\n"
                    + DevicePassword.mosquittoLine(user, password) + "\n";
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static Optional<Path> secretFile(UnitConfig config, Path configFile) {
        Path folder = configFile.toAbsolutePath().getParent();
        return config.security().passwordFile().map(folder::resolve);
    }
}
