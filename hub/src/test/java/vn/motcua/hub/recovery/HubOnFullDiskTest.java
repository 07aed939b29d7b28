package vn.motcua.hub.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.testkit.Mosquitto;
import vn.motcua.testkit.Commands;

/**
 * The hub on a full disk, for real: {@code HubMain} as a child JVM whose file size limit (RLIMIT_FSIZE, set on the
 * running process with {@code prlimit --pid}) stops its SQLite WAL from growing, so the kernel refuses the next write
 * with EFBIG. HotSpot ignores SIGXFSZ, so the write fails instead of the process dying, and SQLite reports an I/O
 * error that the hub must recognise as "full". A plain Paho unit gets the clear answer, {@code /metrics} counts it,
 * {@code /health} says 503 while the pages keep the committed state; once the limit is lifted, the unit's retry (same
 * id) is stored exactly once, next to everything stored before.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HubOnFullDiskTest {

    private static final String SITE = "nghiloc";
    private static final Path OFFICE = Path.of("../config/offices/district-office.json").toAbsolutePath();
    /**
     * Room above the largest file the hub writes when the limit is set: a few tickets' WAL frames, so the disk fills
     * after some commits rather than at once, and enough for the hub's log to take the error and recovery lines.
     */
    private static final long ROOM_BYTES = 64 * 1024;
    /** Tickets committed before the limit; they must be intact afterwards. */
    private static final int BEFORE = 5;
    /** A bound on the tickets it takes to fill {@link #ROOM_BYTES}; the WAL grows by kilobytes per ticket. */
    private static final int MAX_TO_FILL = 200;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String ERROR_LINE = "ERROR CommitHealth - the hub's storage is full";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_full_disk_gets_a_clear_answer_a_metric_and_a_503_and_the_retry_is_stored_once_when_space_is_back()
            throws Exception {
        Path data = dir.resolve("hub-data");
        Path log = dir.resolve("hub.log");
        try (Mosquitto mosquitto = Mosquitto.start(dir.resolve("mosquitto"));
             HubProcess hub = HubProcess.start("hub", HubProcess.frozenClassPath(dir.resolve("classpath")),
                     LoadOffice.withoutUnitLimits(OFFICE, dir),
                     data, mosquitto.url(), log)) {
            try {
                URI web = await("the hub up").atMost(PATIENCE).until(() -> {
                    hub.assertAlive();
                    return hub.web();
                }, Optional::isPresent).orElseThrow();
                try (LoadDevice officer = new LoadDevice(mosquitto.url(), SITE, "counter-4", 1, (unit, id, answer) -> { });
                     LoadDevice kiosk = new LoadDevice(mosquitto.url(), SITE, "kiosk-1", 1, (unit, id, answer) -> { })) {
                    // The office day starts with every counter closed: civil status (HT) takes tickets once its
                    // officer at counter 4 has signed in.
                    assertThat(answer(officer, officer.send(new RequestBody.CounterSignIn(4, "cb.4"))))
                            .isInstanceOf(Response.Ok.class);
                    fillTheDiskAndRecover(hub, web, kiosk, data, log);
                }
            } catch (Throwable failure) {
                throw new AssertionError(failure.getMessage() + "\n" + hub.tail(), failure);
            }
        }
    }

    private void fillTheDiskAndRecover(HubProcess hub, URI web, LoadDevice kiosk, Path data, Path log)
            throws Exception {
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < BEFORE; i++) {
            stored.add(issued(answer(kiosk, kiosk.send(ticket()))));
        }

        long limit = largestFile(data, log) + ROOM_BYTES;
        prlimit(hub.pid(), limit + ":unlimited"); // soft limit only, so it can be lifted again
        String refused = ticketsUntilRefused(kiosk, stored)
                .orElseThrow(() -> new AssertionError("no ticket refused within " + MAX_TO_FILL
                        + " tickets after limiting files to " + limit + " bytes"));
        System.out.printf("[full disk] files limited to %d bytes; %d ticket(s) stored after that, then refused: %s%n",
                limit, stored.size() - BEFORE, Codec.preview(kiosk.answers(refused).getFirst().payload()));
        assertFull(latest(kiosk, refused));
        hub.assertAlive();

        HttpResponse<String> health = get(web, "health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\",\"store\":\"full\"}");
        assertThat(health.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(get(web, "metrics").body()).contains("motcua_store_commit_failures_total{reason=\"full\"} 1\n",
                "motcua_store_commit_failing 1\n");
        assertThat(waiting(get(web, "api/services"), "HT")).as("the catalogue keeps the committed state")
                .isEqualTo(stored.size());

        // The unit retries while the disk is still full: the same clear answer, counted, not logged again.
        kiosk.resend(refused);
        assertFull(await().atMost(PATIENCE).until(() -> latestSinceResend(kiosk, refused), Optional::isPresent).get());
        assertThat(get(web, "metrics").body()).contains("motcua_store_commit_failures_total{reason=\"full\"} 2\n");

        prlimit(hub.pid(), "unlimited");
        kiosk.resend(refused);
        Response retried = await().atMost(PATIENCE).until(() -> latestSinceResend(kiosk, refused), Optional::isPresent)
                .get();
        assertThat(retried).as("the first retry once space is back").isInstanceOf(Response.Ok.class);
        stored.add(issued(retried));
        HttpResponse<String> healthy = get(web, "health");
        assertThat(healthy.statusCode()).isEqualTo(200);
        assertThat(healthy.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(web, "metrics").body()).contains("motcua_store_commit_failures_total{reason=\"full\"} 2\n",
                "motcua_store_commit_failing 0\n");
        List<String> logLines = Files.readAllLines(log, StandardCharsets.UTF_8);
        logLines.stream().filter(line -> line.contains("CommitHealth")).forEach(line -> System.out.println("[full disk] "
                + line.substring(0, Math.min(line.length(), 300))));
        assertThat(logLines).as("one ERROR line for the episode").filteredOn(line -> line.contains(ERROR_LINE))
                .hasSize(1);
        assertThat(logLines).anyMatch(line -> line.contains("storage works again: 2 commit(s) of 2 request(s) failed"));

        hub.killHard(); // SIGKILL: what is stored is what was committed, nothing flushed on the way out
        assertThat(ticketsIn(data.resolve("hub.db"))).as("tickets in hub.db, in number order").isEqualTo(stored);
        assertThat(timesProcessed(data.resolve("hub.db"), refused)).isEqualTo(1);
    }

    /** Asks for tickets one by one, adding those issued to {@code stored}, until one is refused; returns its id. */
    private static Optional<String> ticketsUntilRefused(LoadDevice kiosk, List<String> stored) throws Exception {
        for (int i = 0; i < MAX_TO_FILL; i++) {
            String id = kiosk.send(ticket());
            Response response = answer(kiosk, id);
            if (response instanceof Response.Failure) {
                return Optional.of(id);
            }
            stored.add(issued(response));
        }
        return Optional.empty();
    }

    private static RequestBody ticket() {
        return new RequestBody.TicketIssue("HT", Optional.empty());
    }

    private static Response answer(LoadDevice kiosk, String id) {
        await().atMost(PATIENCE).until(() -> kiosk.answered(id));
        return kiosk.answers(id).getFirst().response();
    }

    private static Response latest(LoadDevice kiosk, String id) {
        return kiosk.answers(id).getLast().response();
    }

    private static Optional<Response> latestSinceResend(LoadDevice kiosk, String id) {
        return kiosk.answeredSinceResend(id) ? Optional.of(latest(kiosk, id)) : Optional.empty();
    }

    private static String issued(Response response) {
        assertThat(response).isInstanceOf(Response.Ok.class);
        return ((ResponseBody.TicketIssued) ((Response.Ok) response).body()).ticket();
    }

    private static void assertFull(Response response) {
        assertThat(response).isInstanceOfSatisfying(Response.Failure.class, failure -> {
            assertThat(failure.code()).isEqualTo(ErrorCode.INTERNAL);
            assertThat(failure.message()).startsWith("the hub's storage is full;").contains("retry with the same id");
        });
    }

    private static long largestFile(Path data, Path log) throws IOException {
        long largest = Files.size(log);
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    largest = Math.max(largest, Files.size(file));
                }
            }
        }
        return largest;
    }

    /** {@code prlimit --pid PID --fsize=VALUE} (util-linux): changes the running hub's file size limit. */
    private static void prlimit(long pid, String value) throws IOException {
        Commands.run("prlimit", "--pid", String.valueOf(pid), "--fsize=" + value);
    }

    private HttpResponse<String> get(URI web, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(web.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int waiting(HttpResponse<String> services, String code) throws IOException {
        assertThat(services.statusCode()).isEqualTo(200);
        for (JsonNode service : json.readTree(services.body()).path("services")) {
            if (service.path("code").asText().equals(code)) {
                return service.path("waiting").asInt();
            }
        }
        throw new AssertionError("no service " + code + " in " + services.body());
    }

    private static List<String> ticketsIn(Path db) throws SQLException {
        List<String> labels = new ArrayList<>();
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rows = sqlite.createStatement().executeQuery("SELECT label FROM tickets ORDER BY number")) {
            while (rows.next()) {
                labels.add(rows.getString(1));
            }
        }
        return labels;
    }

    private static int timesProcessed(Path db, String requestId) throws SQLException {
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement count = sqlite.prepareStatement(
                     "SELECT count(*) FROM processed_requests WHERE device_id='kiosk-1' AND request_id=?")) {
            count.setString(1, requestId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
