package vn.motcua.device.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import vn.motcua.protocol.message.Codes;
import vn.motcua.protocol.message.Role;
import vn.motcua.protocol.topic.Topics;

/**
 * How one unit is set up: who it is, where the hub's broker is, which roles it plays and with which keys.
 * Written by {@code motcua provision device}, read once at start; the file format is described in docs/device.md.
 * Validated when built, so a running unit never holds a half-valid configuration.
 *
 * @param deviceId       the unit's id, also its MQTT client id; lower-case letters, digits, '-' and '_'
 * @param site           the office's site id, same rules as {@code deviceId}
 * @param brokerUrl      {@code tcp://host:port} or {@code ssl://host:port} (TLS) of the hub's MQTT broker
 * @param roles          what the unit does; KIOSK, COUNTER and DISPLAY are supported by this firmware
 * @param counter        the counter number (1-999), present exactly when the unit has the COUNTER role
 * @param services       service codes on the kiosk's keys, in key order; non-empty exactly for the KIOSK role
 * @param dataDir        where the unit keeps its state (MQTT persistence under {@code mqtt/})
 * @param requestTimeout how long a request waits for the hub's answer
 * @param officeName     printed on tickets until the hub's service catalogue names the office
 * @param hardware       which real drivers the unit uses ({@link HardwareConfig#SIMULATED} when the file has none)
 * @param hall           the DISPLAY role's board page and voice ({@link HallConfig#DEFAULT} when the file has none)
 * @param security       the unit's broker credentials and site CA ({@link BrokerSecurity#NONE} when the file has none)
 */
public record UnitConfig(String deviceId, String site, String brokerUrl, Set<Role> roles, Optional<Integer> counter,
                         List<String> services, Path dataDir, Duration requestTimeout, Optional<String> officeName,
                         HardwareConfig hardware, HallConfig hall, BrokerSecurity security) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final Set<Role> SUPPORTED_ROLES = Collections.unmodifiableSet(EnumSet.of(Role.KIOSK, Role.COUNTER,
            Role.DISPLAY));

    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern BROKER_URL =
            Pattern.compile("(?:tcp|ssl)://([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]):([0-9]{1,5})");
    /** The protocol's service-code rule (upper-case code such as HT), so a bad key fails here, not at the hub. */
    private static final Pattern SERVICE_CODE = Pattern.compile(Codes.CODE_PATTERN);
    private static final int MAX_OFFICE_NAME = 200;

    public UnitConfig {
        requireName(deviceId, "deviceId");
        requireName(site, "site");
        requireBrokerUrl(brokerUrl);
        roles = requireRoles(roles);
        counter = requireCounter(counter == null ? Optional.empty() : counter, roles);
        services = requireServices(services == null ? List.of() : services, roles);
        if (dataDir == null) {
            throw new UnitConfigException("dataDir", "is required: the directory where the unit keeps its state");
        }
        requestTimeout = requireTimeout(requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout);
        officeName = requireOfficeName(officeName == null ? Optional.empty() : officeName);
        hardware = hardware == null ? HardwareConfig.SIMULATED : hardware;
        hardware.checkRoles(roles);
        hardware.checkServices(services);
        hall = hall == null ? HallConfig.DEFAULT : hall;
        if (!hall.equals(HallConfig.DEFAULT) && !roles.contains(Role.DISPLAY)) {
            throw new UnitConfigException("hall", "is only for a unit with the DISPLAY role");
        }
        security = security == null ? BrokerSecurity.NONE : security;
        security.checkScheme(brokerUrl);
    }

    /** A unit with the default hall settings (no {@code hall} section) that logs in without credentials over TCP. */
    public UnitConfig(String deviceId, String site, String brokerUrl, Set<Role> roles, Optional<Integer> counter,
                      List<String> services, Path dataDir, Duration requestTimeout, Optional<String> officeName,
                      HardwareConfig hardware) {
        this(deviceId, site, brokerUrl, roles, counter, services, dataDir, requestTimeout, officeName, hardware,
                HallConfig.DEFAULT, BrokerSecurity.NONE);
    }

    /** A unit with simulated hardware (no {@code hardware} section). */
    public UnitConfig(String deviceId, String site, String brokerUrl, Set<Role> roles, Optional<Integer> counter,
                      List<String> services, Path dataDir, Duration requestTimeout, Optional<String> officeName) {
        this(deviceId, site, brokerUrl, roles, counter, services, dataDir, requestTimeout, officeName,
                HardwareConfig.SIMULATED);
    }

    /** A kiosk with keys for {@code services}, default timeout, no office name. */
    public static UnitConfig kiosk(String site, String deviceId, String brokerUrl, List<String> services, Path dataDir) {
        return new UnitConfig(deviceId, site, brokerUrl, Set.of(Role.KIOSK), Optional.empty(), services, dataDir,
                DEFAULT_REQUEST_TIMEOUT, Optional.empty());
    }

    /** A counter unit at counter {@code counter}, default timeout. */
    public static UnitConfig counter(String site, String deviceId, String brokerUrl, int counter, Path dataDir) {
        return new UnitConfig(deviceId, site, brokerUrl, Set.of(Role.COUNTER), Optional.of(counter), List.of(),
                dataDir, DEFAULT_REQUEST_TIMEOUT, Optional.empty());
    }

    /** A hall display (board screen and voice) with the given hall settings, default timeout. */
    public static UnitConfig display(String site, String deviceId, String brokerUrl, HallConfig hall, Path dataDir) {
        return new UnitConfig(deviceId, site, brokerUrl, Set.of(Role.DISPLAY), Optional.empty(), List.of(), dataDir,
                DEFAULT_REQUEST_TIMEOUT, Optional.empty(), HardwareConfig.SIMULATED, hall, BrokerSecurity.NONE);
    }

    /** Reads and validates a configuration file; relative {@code dataDir} paths are taken from the file's folder. */
    public static UnitConfig load(Path file) {
        return UnitConfigFile.read(file);
    }

    /** Writes this configuration as JSON, replacing {@code file} atomically. */
    public void write(Path file) throws IOException {
        UnitConfigFile.write(this, file);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public UnitConfig withRequestTimeout(Duration timeout) {
        return new UnitConfig(deviceId, site, brokerUrl, roles, counter, services, dataDir, timeout, officeName,
                hardware, hall, security);
    }

    public UnitConfig withOfficeName(String name) {
        return new UnitConfig(deviceId, site, brokerUrl, roles, counter, services, dataDir, requestTimeout,
                Optional.of(name), hardware, hall, security);
    }

    public UnitConfig withHardware(HardwareConfig hardware) {
        return new UnitConfig(deviceId, site, brokerUrl, roles, counter, services, dataDir, requestTimeout,
                officeName, hardware, hall, security);
    }

    public UnitConfig withHall(HallConfig hall) {
        return new UnitConfig(deviceId, site, brokerUrl, roles, counter, services, dataDir, requestTimeout,
                officeName, hardware, hall, security);
    }

    public UnitConfig withSecurity(BrokerSecurity security) {
        return new UnitConfig(deviceId, site, brokerUrl, roles, counter, services, dataDir, requestTimeout,
                officeName, hardware, hall, security);
    }

    /** The page the DISPLAY role's screen shows: {@code hall.boardUrl}, else the hub's board on the broker's host. */
    public URI boardUrl() {
        return hall.boardUrl(brokerUrl);
    }

    private static void requireName(String value, String field) {
        if (value == null) {
            throw new UnitConfigException(field, "is required");
        }
        if (!Topics.isValidName(value)) {
            throw new UnitConfigException(field, "must be 1-48 lower-case letters, digits, '-' or '_', starting with "
                    + "a letter or digit (it becomes part of MQTT topics), was \"" + value + "\"");
        }
    }

    private static void requireBrokerUrl(String url) {
        if (url == null) {
            throw new UnitConfigException("brokerUrl", "is required, e.g. ssl://hub.local:8883 or "
                    + "tcp://hub.local:1883");
        }
        var matcher = BROKER_URL.matcher(url);
        if (!matcher.matches()) {
            throw new UnitConfigException("brokerUrl", "must look like tcp://host:port or ssl://host:port (TLS), was \""
                    + url + "\"");
        }
        int port = Integer.parseInt(matcher.group(2));
        if (port < 1 || port > 65_535) {
            throw new UnitConfigException("brokerUrl", "port must be 1-65535, was " + port);
        }
    }

    private static Set<Role> requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new UnitConfigException("roles", "at least one role is required: " + SUPPORTED_ROLES);
        }
        for (Role role : roles) {
            if (role == null) {
                throw new UnitConfigException("roles", "must not contain null");
            }
            if (!SUPPORTED_ROLES.contains(role)) {
                throw new UnitConfigException("roles", role + " is not supported by this firmware; supported: "
                        + SUPPORTED_ROLES);
            }
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(roles)); // enum order keeps written files stable
    }

    private static Optional<Integer> requireCounter(Optional<Integer> counter, Set<Role> roles) {
        if (roles.contains(Role.COUNTER) && counter.isEmpty()) {
            throw new UnitConfigException("counter", "is required for the COUNTER role: the number of the counter "
                    + "this unit sits at, 1-999");
        }
        if (!roles.contains(Role.COUNTER) && counter.isPresent()) {
            throw new UnitConfigException("counter", "only a unit with the COUNTER role has a counter number");
        }
        counter.filter(n -> n < 1 || n > 999).ifPresent(n -> {
            throw new UnitConfigException("counter", "must be 1-999, was " + n);
        });
        return counter;
    }

    private static List<String> requireServices(List<String> services, Set<Role> roles) {
        if (roles.contains(Role.KIOSK) && services.isEmpty()) {
            throw new UnitConfigException("services", "a KIOSK needs the service codes on its keys, e.g. [\"DD\", \"HT\"]");
        }
        if (!roles.contains(Role.KIOSK) && !services.isEmpty()) {
            throw new UnitConfigException("services", "only a unit with the KIOSK role has service keys");
        }
        Set<String> seen = new HashSet<>();
        for (String code : services) {
            if (code == null || !SERVICE_CODE.matcher(code).matches()) {
                throw new UnitConfigException("services", "each must be an upper-case service code like HT, was \""
                        + code + "\"");
            }
            if (!seen.add(code)) {
                throw new UnitConfigException("services", code + " is listed twice");
            }
        }
        return List.copyOf(services);
    }

    private static Duration requireTimeout(Duration timeout) {
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new UnitConfigException("requestTimeout", "must be between " + MIN_TIMEOUT + " and " + MAX_TIMEOUT
                    + ", was " + timeout);
        }
        return timeout;
    }

    private static Optional<String> requireOfficeName(Optional<String> name) {
        name.filter(n -> n.isBlank() || n.length() > MAX_OFFICE_NAME).ifPresent(n -> {
            throw new UnitConfigException("officeName", "must be 1-" + MAX_OFFICE_NAME + " characters and not blank");
        });
        return name;
    }
}
