package vn.motcua.demo.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.paho.client.mqttv3.MqttException;

import vn.motcua.hub.recovery.HubProcess;
import vn.motcua.testkit.Mosquitto;

/**
 * Every real part of the suite and the faults that can be done to them: a Mosquitto on a fixed free port (so that
 * it comes back where everyone looks for it), the hub as a child JVM on it, and the units each behind its proxy.
 *
 * <p>Threads: faults of one target are done by one thread at a time ({@link FaultSchedule} never overlaps them);
 * the hub and broker references are volatile for the test thread that reads them.
 */
final class ChaosOffice implements AutoCloseable {

    private final Path dir;
    private final int brokerPort;
    private final String classPath;
    private final List<HubProcess> hubs = new ArrayList<>();
    private final Map<String, ChaosUnit> units = new LinkedHashMap<>();
    private volatile Mosquitto broker;
    private volatile HubProcess hub;
    private Duplicator duplicator;
    private ChaosKeypad keypad;

    private ChaosOffice(Path dir, int brokerPort, String classPath) {
        this.dir = dir;
        this.brokerPort = brokerPort;
        this.classPath = classPath;
    }

    /** Starts the broker and launches the hub; returns before the hub is up ({@link #hubUp()}). */
    static ChaosOffice start(Path dir) throws IOException {
        ChaosOffice office = new ChaosOffice(dir, Mosquitto.freePort(), HubProcess.frozenClassPath(dir.resolve("classes")));
        office.startBroker();
        office.startHub();
        return office;
    }

    /**
     * Starts every unit of {@link ChaosSite} (each blocks until connected), the keypad unit's JVM (behind its own
     * proxy, also until connected) and the duplicator.
     */
    void startUnits() throws Exception {
        for (String id : ChaosSite.UNITS) {
            units.put(id, ChaosUnit.start(id, brokerPort, dir.resolve("units").resolve(id)));
        }
        keypad = ChaosKeypad.start(classPath, brokerPort, dir.resolve("units").resolve(ChaosSite.KEYPAD),
                dir.resolve("logs"));
        duplicator = Duplicator.start(brokerUrl());
    }

    String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    boolean hubUp() {
        HubProcess current = hub;
        if (current == null) {
            return false;
        }
        current.assertAlive();
        return current.web().isPresent();
    }

    ChaosUnit unit(String id) {
        return units.get(id);
    }

    List<ChaosUnit> counters() {
        return units.values().stream().filter(u -> ChaosSite.COUNTERS.containsKey(u.id())).toList();
    }

    ChaosKeypad keypad() {
        return keypad;
    }

    Duplicator duplicator() {
        return duplicator;
    }

    Path hubDatabase() {
        return dir.resolve("hub").resolve("hub.db");
    }

    // ---- faults --------------------------------------------------------------------------------------------------

    void killHub() throws InterruptedException {
        HubProcess dying = hub;
        hub = null;
        dying.killHard();
    }

    void startHub() throws IOException {
        String name = "hub-" + (hubs.size() + 1);
        HubProcess started = HubProcess.start(name, classPath, ChaosSite.PROFILE, dir.resolve("hub"), brokerUrl(),
                dir.resolve("logs").resolve(name + ".log"));
        hubs.add(started);
        hub = started;
    }

    /** Stops the broker the way an operator's restart does (SIGTERM); with no persistence, its state goes. */
    void stopBroker() {
        Mosquitto stopping = broker;
        broker = null;
        stopping.close();
    }

    void startBroker() throws IOException {
        broker = Mosquitto.start(dir.resolve("mosquitto"), List.of(
                "listener " + brokerPort + " 127.0.0.1",
                "allow_anonymous true",
                "set_tcp_nodelay true",
                "persistence false",
                "max_inflight_messages 0",
                "max_queued_messages 10000",
                "log_dest stdout"), List.of(brokerPort));
    }

    /** Stops the hub for good (SIGKILL: the suite reads its database, which holds only committed state). */
    void stopHub() throws InterruptedException {
        if (hub != null) {
            killHub();
        }
    }

    /** The last lines of every hub's log and of the broker's, for a failure message. */
    String logs() {
        StringBuilder text = new StringBuilder();
        for (HubProcess h : hubs) {
            text.append(h.tail(25)).append('\n');
        }
        try {
            List<String> lines = Files.readAllLines(dir.resolve("mosquitto").resolve("mosquitto.log"),
                    StandardCharsets.UTF_8);
            text.append("---- last lines of the broker's log ----\n")
                    .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
        } catch (IOException e) {
            text.append("(no broker log: ").append(e.getMessage()).append(')');
        }
        return text.toString();
    }

    /** Units first (they say goodbye), then the duplicator, the hub and the broker. */
    @Override
    public void close() throws MqttException, InterruptedException {
        units.values().forEach(ChaosUnit::close);
        if (keypad != null) {
            keypad.close();
        }
        if (duplicator != null) {
            duplicator.close();
        }
        hubs.forEach(HubProcess::close);
        Optional.ofNullable(broker).ifPresent(Mosquitto::close);
    }

    /** Closes the units only, so that their last words reach the hub before it stops. */
    void closeUnits() throws InterruptedException {
        units.values().forEach(ChaosUnit::close);
        keypad.close();
    }
}
