package vn.motcua.device.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.protocol.message.Role;

/**
 * The JSON form of {@link UnitConfig}. Reading walks the tree by hand rather than binding, so that every problem is
 * reported with the field's name and what was expected. Unknown fields are refused: in a hand-edited file they are
 * almost always typos ({@code "servcies"}) that would otherwise be silently ignored.
 */
final class UnitConfigFile {

    /** Version of this file format, written as {@code "v"}. */
    static final int FORMAT = 1;

    private static final List<String> FIELDS = List.of("v", "deviceId", "site", "brokerUrl", "roles", "counter",
            "services", "dataDir", "requestTimeout", "officeName", "hardware", "hall", "username", "passwordFile",
            "caFile");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private UnitConfigFile() {
    }

    static UnitConfig read(Path file) {
        JsonNode tree = parse(file);
        if (!tree.isObject()) {
            throw new UnitConfigException(file, "must hold one JSON object", null);
        }
        try {
            return fromTree((ObjectNode) tree, file);
        } catch (UnitConfigException e) {
            throw e.in(file);
        }
    }

    static void write(UnitConfig config, Path file) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("v", FORMAT);
        root.put("deviceId", config.deviceId());
        root.put("site", config.site());
        root.put("brokerUrl", config.brokerUrl());
        ArrayNode roles = root.putArray("roles");
        config.roles().forEach(role -> roles.add(role.name()));
        config.counter().ifPresent(counter -> root.put("counter", counter));
        if (!config.services().isEmpty()) {
            ArrayNode services = root.putArray("services");
            config.services().forEach(services::add);
        }
        root.put("dataDir", config.dataDir().toString());
        root.put("requestTimeout", config.requestTimeout().toString());
        config.officeName().ifPresent(name -> root.put("officeName", name));
        if (!config.hardware().equals(HardwareConfig.SIMULATED)) {
            root.set("hardware", config.hardware().toJson(MAPPER));
        }
        if (config.hasRole(Role.DISPLAY)) {
            config.hall().toJson(root.putObject("hall"));
        }
        config.security().username().ifPresent(name -> root.put("username", name));
        config.security().passwordFile().ifPresent(path -> root.put("passwordFile", path.toString()));
        config.security().caFile().ifPresent(path -> root.put("caFile", path.toString()));

        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // Write beside the target and rename, so a crash never leaves a half-written config behind.
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, MAPPER.writeValueAsBytes(root));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static JsonNode parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnitConfigException(file, "no such file", e);
        } catch (IOException e) {
            throw new UnitConfigException(file, "cannot be read: " + e, e);
        }
        try {
            JsonNode tree = MAPPER.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw new UnitConfigException(file, "is empty; it must hold one JSON object", null);
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new UnitConfigException(file, "is not valid JSON" + where + ": " + reason(e), e);
        } catch (IOException e) {
            throw new UnitConfigException(file, "cannot be read: " + e, e);
        }
    }

    private static UnitConfig fromTree(ObjectNode root, Path file) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new UnitConfigException(name, "unknown field; the fields are " + FIELDS);
            }
        }
        JsonNode version = root.get("v");
        if (version != null && !(version.isInt() && version.intValue() == FORMAT)) {
            throw new UnitConfigException("v", "this firmware reads format " + FORMAT + ", was " + version);
        }
        Path folder = file.toAbsolutePath().getParent();
        Path dataDir = Path.of(text(root, "dataDir").orElseThrow(() -> required("dataDir")));
        if (!dataDir.isAbsolute()) {
            dataDir = folder.resolve(dataDir).normalize();
        }
        return new UnitConfig(
                text(root, "deviceId").orElseThrow(() -> required("deviceId")),
                text(root, "site").orElseThrow(() -> required("site")),
                text(root, "brokerUrl").orElseThrow(() -> required("brokerUrl")),
                roles(root),
                counter(root),
                texts(root, "services"),
                dataDir,
                text(root, "requestTimeout").map(UnitConfigFile::duration).orElse(UnitConfig.DEFAULT_REQUEST_TIMEOUT),
                text(root, "officeName"),
                HardwareConfig.fromJson(root.get("hardware")),
                HallConfig.fromJson(root.get("hall")),
                new BrokerSecurity(text(root, "username"), path(root, "passwordFile"), path(root, "caFile"))
                        .resolvedFrom(folder));
    }

    private static Set<Role> roles(ObjectNode root) {
        if (!root.has("roles")) {
            throw required("roles");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : texts(root, "roles")) {
            try {
                roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new UnitConfigException("roles", "unknown role \"" + name + "\"; roles are "
                        + UnitConfig.SUPPORTED_ROLES);
            }
        }
        return roles;
    }

    private static Optional<Integer> counter(ObjectNode root) {
        JsonNode node = root.get("counter");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isInt()) {
            throw new UnitConfigException("counter", "must be a whole number 1-999, was " + node);
        }
        return Optional.of(node.intValue());
    }

    private static Optional<String> text(ObjectNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new UnitConfigException(field, "must be a text in double quotes, was " + node);
        }
        return Optional.of(node.textValue());
    }

    private static Optional<Path> path(ObjectNode root, String field) {
        Optional<String> text = text(root, field);
        text.filter(String::isBlank).ifPresent(blank -> {
            throw new UnitConfigException(field, "must be a file path, was empty");
        });
        try {
            return text.map(Path::of);
        } catch (InvalidPathException e) {
            throw new UnitConfigException(field, "is not a usable file path: " + e.getMessage());
        }
    }

    private static List<String> texts(ObjectNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new UnitConfigException(field, "must be a list of texts like [\"A\", \"B\"], was " + node);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw new UnitConfigException(field, "must hold only texts, found " + element);
            }
            values.add(element.textValue());
        }
        return values;
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new UnitConfigException("requestTimeout", "must be an ISO-8601 duration like \"PT5S\" (5 seconds) "
                    + "or \"PT0.5S\", was \"" + text + "\"");
        }
    }

    /** Jackson's explanation without its internal position notes, which the line and column already give. */
    private static String reason(JsonProcessingException e) {
        return e.getOriginalMessage().replaceAll("\\s*\\(start marker at .*", "").replaceAll("\\s*at \\[Source.*", "");
    }

    private static UnitConfigException required(String field) {
        return new UnitConfigException(field, "is required");
    }
}
