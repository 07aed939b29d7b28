package vn.motcua.hub.recovery;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An office profile for load tests: the given one with the per-unit limits raised out of reach, since these tests
 * drive a few units at thousands of requests a second on purpose (the limits have their own tests).
 */
final class LoadOffice {

    private static final int OUT_OF_REACH = 100_000;

    private LoadOffice() {
    }

    /** Writes {@code profile} with raised unit limits into {@code dir} and returns the new file. */
    static Path withoutUnitLimits(Path profile, Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(profile.toFile());
        ObjectNode rules = root.has("rules") ? (ObjectNode) root.get("rules") : root.putObject("rules");
        rules.put("unitRequestsPerSecond", OUT_OF_REACH);
        rules.put("unitRequestBurst", OUT_OF_REACH);
        rules.put("unitTicketsPerMinute", OUT_OF_REACH);
        Path file = dir.resolve("load-" + profile.getFileName());
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        return file;
    }
}
