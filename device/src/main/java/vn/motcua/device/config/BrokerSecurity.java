package vn.motcua.device.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a unit proves who it is to the broker and how it knows the broker is the hub's: the config fields
 * {@code username}, {@code passwordFile} and {@code caFile}. Only paths live here: the password stays in its own file
 * (never in the config JSON, never in a log, never in this record's {@code toString}), and both files are read when
 * the link starts ({@code link.LinkSecurity}), so {@code provision check} works on a machine that does not hold them.
 *
 * @param username     the MQTT user name; empty means the device id, which the broker's ACL patterns ({@code %u})
 *                     rely on
 * @param passwordFile the file holding the unit's MQTT password; empty means the unit logs in without credentials
 * @param caFile       PEM certificate of the site CA the broker's certificate must chain to; required for
 *                     {@code ssl://} and only for it
 */
public record BrokerSecurity(Optional<String> username, Optional<Path> passwordFile, Optional<Path> caFile) {

    /** No credentials, no TLS: a plain {@code tcp://} broker that lets anyone in (a closed device network). */
    public static final BrokerSecurity NONE = new BrokerSecurity(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Printable ASCII without ':' (the separator of Mosquitto's password file) or spaces, at most 64 characters; a
     * device id always qualifies.
     */
    private static final Pattern USERNAME = Pattern.compile("[!-9;-~]{1,64}");

    public BrokerSecurity {
        username = username == null ? Optional.empty() : username;
        passwordFile = passwordFile == null ? Optional.empty() : passwordFile;
        caFile = caFile == null ? Optional.empty() : caFile;
        username.filter(name -> !USERNAME.matcher(name).matches()).ifPresent(name -> {
            throw new UnitConfigException("username", "must be 1-64 printable ASCII characters without ':' or "
                    + "spaces, was \"" + name + "\"");
        });
        if (username.isPresent() && passwordFile.isEmpty()) {
            throw new UnitConfigException("username", "needs passwordFile: the broker checks a user name only "
                    + "together with its password");
        }
    }

    /** The user name the unit logs in with. */
    public String usernameFor(String deviceId) {
        return username.orElse(deviceId);
    }

    public boolean hasCredentials() {
        return passwordFile.isPresent();
    }

    /**
     * Checks the fields against the broker's URL scheme. The site CA is required for {@code ssl://}: offices reach
     * their hub by a private name ({@code hub.local}, 192.168.x.y) that no public CA certifies, and trusting only the
     * site CA means no certificate from elsewhere can pass for the hub. A CA with {@code tcp://} would be ignored, so
     * it is refused as the likely mistake it is.
     */
    void checkScheme(String brokerUrl) {
        boolean tls = brokerUrl.startsWith("ssl://");
        if (tls && caFile.isEmpty()) {
            throw new UnitConfigException("caFile", "is required for an ssl:// broker: the PEM certificate of the "
                    + "site CA that issued the broker's certificate, e.g. /etc/motcua/ca.pem");
        }
        if (!tls && caFile.isPresent()) {
            throw new UnitConfigException("caFile", "is only for an ssl:// broker; brokerUrl is " + brokerUrl);
        }
    }

    /** Relative paths taken from {@code folder}, as the config file's reader does for every path. */
    BrokerSecurity resolvedFrom(Path folder) {
        return new BrokerSecurity(username, passwordFile.map(folder::resolve).map(Path::normalize),
                caFile.map(folder::resolve).map(Path::normalize));
    }
}
