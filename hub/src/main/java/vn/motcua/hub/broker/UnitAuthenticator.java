package vn.motcua.hub.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.moquette.broker.security.IAuthenticator;
import vn.motcua.hub.metrics.Metrics;
import vn.motcua.protocol.LogText;

/**
 * Lets a unit into the embedded broker only with the password whose hash the password file holds for its device id,
 * and only under that id as MQTT client id: a unit can then neither take over another unit's session nor the hub's
 * (a CONNECT with a taken client id would drop the older connection). The hub itself logs in with its
 * {@link BrokerLogin}.
 *
 * <p>The file is read again when its modification time, size or inode changed ({@code sed -i} makes a new inode),
 * checked on every CONNECT and by the broker's timer. A file that has become unreadable or malformed keeps the last
 * good one in force (logged, and counted in {@code motcua_broker_password_file_errors_total}). Users whose line is gone
 * or changed are handed to {@code revoked}, which disconnects them, as Mosquitto 2 does on reload.
 */
final class UnitAuthenticator implements IAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(UnitAuthenticator.class);
    /** Checked for unknown users too, so that a refusal takes as long whether or not the user exists. */
    private static final PasswordHash UNKNOWN_USER = PasswordHash.parse(
            "$7$101$AAAAAAAAAAAAAAAA$" + "A".repeat(86) + "==");

    private final Path file;
    private final BrokerLogin hub;
    private final Metrics metrics;
    private final Consumer<String> revoked;
    private volatile PasswordFile current;
    private FileStamp stamp;

    private record FileStamp(FileTime modified, long size, Object key) {
        static FileStamp of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        }
    }

    /** @throws PasswordFileException if {@code file} cannot be read or has a malformed line */
    UnitAuthenticator(Path file, BrokerLogin hub, Metrics metrics, Consumer<String> revoked) {
        this.file = file;
        this.hub = hub;
        this.metrics = metrics;
        this.revoked = revoked;
        try {
            this.stamp = FileStamp.of(file);
        } catch (IOException e) {
            throw new PasswordFileException(file + ": cannot be read (" + e + ")");
        }
        this.current = PasswordFile.read(file);
        LOG.info("units log in with the passwords in {} ({} units)", file, current.users().size());
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        if (username == null || password == null) {
            return refused("no_credentials", "a client without user name or password", clientId);
        }
        if (username.equals(hub.username())) {
            return hub.accepts(password) || refused("wrong_password", "the hub's user name", clientId);
        }
        reloadIfChanged();
        Optional<PasswordHash> hash = current.hashOf(username);
        boolean matches = hash.orElse(UNKNOWN_USER).matches(password);
        if (hash.isEmpty()) {
            return refused("unknown_user", "user " + LogText.escape(username) + ", who has no line in " + file + ",", clientId);
        }
        if (!matches) {
            return refused("wrong_password", "user " + LogText.escape(username) + " with a wrong password", clientId);
        }
        if (!username.equals(clientId)) {
            return refused("client_id", "user " + LogText.escape(username) + " under another client id", clientId);
        }
        return true;
    }

    private boolean refused(String reason, String who, String clientId) {
        metrics.increment("motcua_broker_logins_refused_total", "reason", reason);
        LOG.warn("embedded broker refused {} (client id {})", who, LogText.escape(clientId));
        return false;
    }

    /** Reads the file again if it changed since last time; disconnects the units whose line is gone or changed. */
    synchronized void reloadIfChanged() {
        FileStamp now;
        try {
            now = FileStamp.of(file);
        } catch (IOException e) {
            now = null;
        }
        if (Objects.equals(now, stamp)) {
            return;
        }
        stamp = now; // a bad file is reported once, not at every check, and read again when it changes
        PasswordFile fresh;
        try {
            fresh = PasswordFile.read(file);
        } catch (PasswordFileException e) {
            metrics.increment("motcua_broker_password_file_errors_total");
            LOG.error("{}; the embedded broker keeps the passwords it read before", e.getMessage());
            return;
        }
        PasswordFile before = current;
        current = fresh;
        Set<String> gone = new HashSet<>();
        for (String user : before.users()) {
            if (!fresh.hashOf(user).map(PasswordHash::encoded).equals(before.hashOf(user).map(PasswordHash::encoded))) {
                gone.add(user);
            }
        }
        LOG.info("read {} again: {} units; disconnecting those whose password was removed or changed: {}", file,
                fresh.users().size(), gone);
        gone.forEach(revoked);
    }
}
