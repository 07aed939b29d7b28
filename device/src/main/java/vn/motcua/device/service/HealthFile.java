package vn.motcua.device.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code {dataDir}/health.json}, replaced whole: written to a temp file beside it and renamed over it, so a reader
 * (a monitoring script, a technician's {@code cat}) never sees half a file. Not fsynced: it is rewritten every few
 * seconds, and an SD card should not pay a flush for each.
 */
final class HealthFile {

    static final String NAME = "health.json";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;
    private final Path temp;

    HealthFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
        this.temp = dataDir.resolve(NAME + ".tmp");
    }

    Path path() {
        return file;
    }

    void write(HealthReport report) throws IOException {
        Files.createDirectories(file.getParent());
        json.writeValue(temp.toFile(), report.json());
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
