package vn.motcua.hub.appointment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.hub.engine.Command;
import vn.motcua.hub.engine.Decision;
import vn.motcua.hub.metrics.Metrics;
import vn.motcua.hub.writer.DeskWriter;
import vn.motcua.protocol.message.Codes;

/**
 * Imports appointments booked elsewhere (the provincial public-service portal, a booking page): files
 * {@code *.json} dropped into {@code {data}/inbox/appointments/}, each
 * {@code {"appointments":[{"token":"…","service":"HT","slot":"2026-11-24T09:30:00+07:00"}, …]}}. Every booking goes
 * through the writer like any command; the file then moves to {@code imported/} with a {@code .result.txt} saying
 * which bookings were taken, or to {@code rejected/} with the reason when the file itself is broken. Nothing is
 * lost and the hub never stops on a bad file. Scans at start and every 30 s on its own thread. A file changed in the
 * last {@link #SETTLE} is left for a later scan: whoever copies it in place (scp, a network share) may still be
 * writing it, and half a file would be rejected as broken JSON.
 */
public final class AppointmentInbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppointmentInbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "[A-Za-z0-9_-]{8,64}";
    static final Duration SETTLE = Duration.ofSeconds(5);

    private final Path inbox;
    private final DeskWriter writer;
    private final Metrics metrics;
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("appointment-inbox").daemon().factory());

    private AppointmentInbox(Path inbox, DeskWriter writer, Metrics metrics) {
        this.inbox = inbox;
        this.writer = writer;
        this.metrics = metrics;
    }

    public static AppointmentInbox start(Path dataDir, DeskWriter writer, Metrics metrics) throws IOException {
        Path inbox = dataDir.resolve("inbox").resolve("appointments");
        Files.createDirectories(inbox.resolve("imported"));
        Files.createDirectories(inbox.resolve("rejected"));
        AppointmentInbox started = new AppointmentInbox(inbox, writer, metrics);
        started.scanner.scheduleWithFixedDelay(started::scan, 0, 30, TimeUnit.SECONDS);
        return started;
    }

    /** Imports every waiting file; public so tests need not wait for the next scan. One scan at a time. */
    public synchronized void scan() {
        try (Stream<Path> files = Files.list(inbox)) {
            Instant settled = Instant.now().minus(SETTLE);
            for (Path file : files.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isAfter(settled)) {
                    LOG.debug("appointment file {} changed less than {} ago: next scan", file.getFileName(), SETTLE);
                    continue;
                }
                importFile(file);
            }
        } catch (IOException | RuntimeException e) {
            metrics.increment("motcua_appointment_import_failures_total");
            LOG.error("cannot scan the appointment inbox {}", inbox, e);
        }
    }

    private void importFile(Path file) throws IOException {
        List<Command.Book> bookings;
        try {
            bookings = parse(JSON.readTree(file.toFile()));
        } catch (JsonProcessingException | InvalidBooking e) {
            String reason = e instanceof JsonProcessingException json
                    ? "not valid JSON at line " + json.getLocation().getLineNr() + ": " + json.getOriginalMessage()
                    : e.getMessage();
            metrics.increment("motcua_appointment_files_rejected_total");
            LOG.warn("appointment file {} rejected: {}", file.getFileName(), reason);
            Files.writeString(inbox.resolve("rejected").resolve(file.getFileName() + ".error.txt"), reason + "\n");
            Files.move(file, inbox.resolve("rejected").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        for (Command.Book booking : bookings) {
            CompletableFuture<String> outcome = new CompletableFuture<>();
            writer.submit(booking, decision -> outcome.complete(booking.token() + ": " + describe(decision)));
            outcomes.add(outcome);
        }
        StringBuilder result = new StringBuilder();
        for (CompletableFuture<String> outcome : outcomes) {
            result.append(outcome.join()).append('\n');
        }
        metrics.increment("motcua_appointment_files_imported_total");
        Files.writeString(inbox.resolve("imported").resolve(file.getFileName() + ".result.txt"), result);
        Files.move(file, inbox.resolve("imported").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        LOG.info("imported {} appointment(s) from {}", bookings.size(), file.getFileName());
    }

    private static String describe(Decision decision) {
        return decision.rejection().map(r -> "refused, " + r.code() + ": " + r.message()).orElse("booked");
    }

    /** A whole file is taken or refused: a half-valid export is more likely a broken export than intent. */
    static List<Command.Book> parse(JsonNode root) {
        JsonNode list = root.path("appointments");
        if (!list.isArray()) {
            throw new InvalidBooking("appointments is required and must be a list");
        }
        List<Command.Book> bookings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String at = "appointments[" + i + "]";
            String token = item.path("token").asText("");
            if (!token.matches(TOKEN)) {
                throw new InvalidBooking(at + ".token must be 8-64 letters, digits, '-' or '_'");
            }
            String service = item.path("service").asText("");
            if (!Codes.isCode(service)) {
                throw new InvalidBooking(at + ".service must be a service code like HT");
            }
            try {
                bookings.add(new Command.Book(token, service, OffsetDateTime.parse(item.path("slot").asText("")).toInstant()));
            } catch (DateTimeException e) {
                throw new InvalidBooking(at + ".slot must be a time with offset, e.g. 2026-11-24T09:30:00+07:00");
            }
        }
        return bookings;
    }

    /** A booking file that cannot be imported; the message names the entry and the field. */
    static final class InvalidBooking extends RuntimeException {
        InvalidBooking(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        scanner.shutdownNow();
    }
}
