package vn.motcua.hub.broker;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.protocol.topic.Topics;

/**
 * The units' credentials, read from the very file Mosquitto's {@code password_file} names: one {@code user:hash} a
 * line, blank lines and {@code #} comments allowed. Users are device ids; a line for any other user name (Mosquitto
 * may serve other clients too) is ignored with a warning, since the unit ACL would give it no topic anyway.
 */
final class PasswordFile {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordFile.class);

    private final Map<String, PasswordHash> hashes;

    private PasswordFile(Map<String, PasswordHash> hashes) {
        this.hashes = Map.copyOf(hashes);
    }

    /** @throws PasswordFileException naming the file, and the line if one is malformed */
    static PasswordFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new PasswordFileException(file + ": is not UTF-8 text");
        } catch (IOException e) {
            throw new PasswordFileException(file + ": cannot be read (" + e + ")");
        }
        Map<String, PasswordHash> hashes = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new PasswordFileException(file + ":" + number + ": expected user:hash");
            }
            String user = line.substring(0, colon);
            PasswordHash hash;
            try {
                hash = PasswordHash.parse(line.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new PasswordFileException(file + ":" + number + ": " + e.getMessage());
            }
            if (!Topics.isValidName(user)) {
                LOG.warn("{}:{}: '{}' is not a unit's device id; the embedded broker ignores this line", file, number, user);
                continue;
            }
            Integer earlier = lineOf.putIfAbsent(user, number);
            if (earlier != null) {
                throw new PasswordFileException(file + ":" + number + ": " + user + " already has a password on line "
                        + earlier + "; keep one line per unit");
            }
            hashes.put(user, hash);
        }
        return new PasswordFile(hashes);
    }

    Optional<PasswordHash> hashOf(String user) {
        return Optional.ofNullable(hashes.get(user));
    }

    Set<String> users() {
        return hashes.keySet();
    }
}
