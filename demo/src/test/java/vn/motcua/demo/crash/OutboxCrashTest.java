package vn.motcua.demo.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.store.Outbox;
import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.engine.Command;
import vn.motcua.hub.engine.Decision;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.testkit.Mosquitto;

/**
 * The device outbox against the operating system's worst: a counter unit's JVM stores ratings, the hub starts taking
 * them, and the unit is killed with SIGKILL mid-way — one rating possibly sent and unanswered, the rest on disk. A new
 * life of the unit on the same data directory delivers the rest: the hub ends with every rating exactly once.
 * Real Mosquitto, real hub with SQLite, the unit in a child JVM.
 */
class OutboxCrashTest {

    private static final Office OFFICE = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    private static final int RATINGS = 200;

    @TempDir
    Path dir;
    private Mosquitto mosquitto;
    private Hub hub;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Process child : children) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (hub != null) {
            hub.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void ratings_stored_before_a_sigkill_reach_the_hub_exactly_once_after_the_restart() throws Exception {
        mosquitto = Mosquitto.start(dir.resolve("mosquitto"));
        Path unitData = dir.resolve("counter-4");

        HubSettings settings = HubSettings.local(OFFICE, dir.resolve("hub")).withExternalBroker(mosquitto.url());
        // A rating counts only for a citizen served at that counter: serve as many as there will be ratings.
        hub = Hub.start(settings, Clock.systemUTC());
        serveAtCounter4(RATINGS);
        hub.close();

        // First life: every rating is on disk before the hub is back to take any.
        Process first = child(unitData, RATINGS, dir.resolve("first-life.log"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(dir.resolve("first-life.log"))
                .contains("STORED " + RATINGS));
        hub = Hub.start(settings, Clock.systemUTC());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> ratingsAtHub() >= 40);
        first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no goodbye
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(137);
        int beforeRestart = ratingsAtHub();
        assertThat(beforeRestart).as("the kill came while ratings were still on their way").isLessThan(RATINGS);

        // Second life: nothing new, only what the outbox kept.
        child(unitData, 0, dir.resolve("second-life.log"));
        await().atMost(Duration.ofSeconds(60)).until(() -> ratingsAtHub() == RATINGS && outboxDepth(unitData) == 0);

        assertThat(count("SELECT count(DISTINCT request_id) FROM processed_requests WHERE device_id = 'counter-4' "
                + "AND op = 'rating.submit'")).isEqualTo(RATINGS);
        assertThat(count("SELECT count(*) FROM ratings WHERE level = 'RAT_HAI_LONG'")).isEqualTo(RATINGS / 4);
        System.out.printf("[outbox crash test] SIGKILL with %d of %d ratings at the hub; after the restart %d%n",
                beforeRestart, RATINGS, ratingsAtHub());
    }

    /** Citizens 2-001, 2-002… (HT) called, started and done at counter 4, through the hub's own writer. */
    private void serveAtCounter4(int citizens) throws InterruptedException {
        List<Command> commands = new ArrayList<>(List.of(new Command.SignIn(4, "cb.4")));
        for (int i = 0; i < citizens; i++) {
            commands.addAll(List.of(new Command.Issue("HT", Optional.empty()), new Command.CallNext(4),
                    new Command.Start(4), new Command.Done(4, Optional.empty())));
        }
        BlockingQueue<Decision> decisions = new LinkedBlockingQueue<>();
        commands.forEach(command -> hub.writer().submit(command, decisions::add));
        for (Command command : commands) {
            Decision decision = decisions.poll(10, TimeUnit.SECONDS);
            assertThat(decision).as("the writer decided %s", command).isNotNull();
            assertThat(decision.rejection()).as("%s", command).isEmpty();
        }
    }

    private Process child(Path unitData, int count, Path log) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RatingOutboxChild.class.getName(), mosquitto.url(), OFFICE.id(), unitData.toString(),
                String.valueOf(count))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()) // a file, not a pipe: a full pipe would stall the unit's logging
                .start();
        children.add(process);
        return process;
    }

    private int ratingsAtHub() throws SQLException {
        return count("SELECT count(*) FROM ratings");
    }

    private int count(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub").resolve("hub.db"));
             Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.getInt(1);
        }
    }

    private static int outboxDepth(Path unitData) {
        try (Outbox outbox = Outbox.open(unitData.resolve("outbox.db"))) {
            return outbox.depth();
        }
    }
}
