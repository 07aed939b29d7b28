package vn.motcua.demo.chaos;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.counter.CounterUnit;
import vn.motcua.protocol.message.CounterState;

/**
 * The chaos suite: a seeded office morning on real parts — Mosquitto, the hub as a child JVM, the product's kiosk
 * and three counter units, each through its own {@link TcpProxy}, and counter 3's keypad as a unit in a JVM of its
 * own ({@link ChaosKeypad}) — while a seeded {@link FaultSchedule} kills the hub, restarts the broker, crashes a unit,
 * SIGKILLs the keypad's JVM, cuts and silently holds every unit's network and duplicates requests. At the
 * end the test's own {@link Ledger} is checked against the hub's database ({@link Invariants}), and every counter
 * unit must show its counter's true state within {@link #CONVERGENCE} of the last heal.
 *
 * <p>The seed is {@code -Dchaos.seed} (default {@link #DEFAULT_SEED}); a failure prints it with the whole schedule,
 * what was done when, and the ledger's totals, so that the run can be repeated exactly (docs/operations.md).
 */
class ChaosSuiteTest {

    /**
     * CI's seed: its schedule ends the server's faults with a broker restart (no hub restart after it), so the
     * retained counter states must come back by the hub's own doing, and it has ghosts of every kind to catch.
     */
    static final long DEFAULT_SEED = 3;
    /** How long the morning lasts; every fault is done and undone within it. */
    private static final Duration MORNING = Duration.ofSeconds(75);
    /** P6: every unit shows the right state this soon after the last heal (and the hub being up). */
    private static final Duration CONVERGENCE = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private ChaosOffice office;
    private RetainedStates retained;
    private OfficeMorning morning;
    private FaultInjector faults;

    @AfterEach
    void stop() throws Exception {
        if (morning != null) {
            morning.close();
        }
        if (faults != null) {
            faults.close();
        }
        if (retained != null) {
            retained.close();
        }
        if (office != null) {
            office.close();
        }
    }

    @Test
    void an_office_morning_under_outages_crashes_and_duplicates_keeps_every_promise_to_its_people() throws Exception {
        long seed = Long.getLong("chaos.seed", DEFAULT_SEED);
        FaultSchedule schedule = FaultSchedule.draw(seed, ChaosSite.UNITS, MORNING);
        System.out.println(schedule.describe());
        Ledger ledger = new Ledger();

        office = ChaosOffice.start(dir);
        await("the hub up").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(office::hubUp);
        office.startUnits();
        retained = RetainedStates.watch(office.brokerUrl());
        // The kiosk prints offline only from numbers leased while the hub was there.
        await("offline numbers leased to the kiosk").atMost(Duration.ofSeconds(20)).until(() ->
                ChaosSite.KIOSK_SERVICES.stream().allMatch(s ->
                        office.unit(ChaosSite.KIOSK).kiosk().orElseThrow().offlineNumbersLeft(s) > 0));

        morning = new OfficeMorning(ledger, office.keypad());
        faults = new FaultInjector(office, schedule);
        morning.start(seed, office.unit(ChaosSite.KIOSK), office.counters());
        faults.start();
        await("every fault done and undone").atMost(MORNING.plus(Duration.ofSeconds(45)))
                .pollInterval(Duration.ofMillis(200)).until(faults::finished);
        morning.stop();
        // The last heal: the last fault undone, or the hub up again if it was still starting then.
        Instant healed = faults.lastUndone();
        if (!office.hubUp()) {
            await("the hub up after the last fault").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50)).until(office::hubUp);
            healed = Instant.now();
        }
        List<String> problems = new ArrayList<>(convergence(healed));
        await("every press reported").atMost(Duration.ofSeconds(15)).until(() -> morning.inFlight() == 0);
        problems.addAll(drained());
        Map<Integer, String> shown = shownStates();
        office.closeUnits();
        String keypad = office.keypad().report(ledger);
        office.stopHub();
        HubRecord hub = HubRecord.read(office.hubDatabase());
        problems.addAll(agreeWithHub(shown, hub));

        Map<String, List<String>> violations = new LinkedHashMap<>(new Invariants(ledger, hub).violations());
        if (!problems.isEmpty()) {
            violations.put("every unit shows the right state within " + CONVERGENCE.toSeconds()
                    + " s of the last heal", problems);
        }
        if (!violations.isEmpty()) {
            fail(report(violations, schedule, ledger));
        }
        System.out.println("chaos seed " + seed + ": every invariant held; " + ledger.summary() + "\n" + keypad + "\n"
                + faults.log());
    }

    /** Each counter unit connected and showing what the broker holds for its counter, within the bound. */
    private List<String> convergence(Instant healed) {
        Duration left = CONVERGENCE.minus(Duration.between(healed, Instant.now()));
        try {
            await().atMost(left.compareTo(Duration.ofMillis(200)) > 0 ? left : Duration.ofMillis(200))
                    .pollInterval(Duration.ofMillis(50)).until(() -> notConverged().isEmpty());
            return List.of();
        } catch (ConditionTimeoutException e) {
            return notConverged();
        }
    }

    private List<String> notConverged() {
        List<String> wrong = new ArrayList<>();
        for (ChaosUnit unit : office.counters()) {
            int number = ChaosSite.COUNTERS.get(unit.id());
            Optional<String> atBroker = retained.counter(number).map(RetainedStates::shown);
            Optional<String> onUnit = unit.counter().flatMap(CounterUnit::state).map(RetainedStates::shown);
            if (!unit.connected()) {
                wrong.add(unit.id() + " is not connected (its display says it lost the hub)");
            } else if (atBroker.isEmpty()) {
                wrong.add("the broker holds no retained state for counter " + number + "; " + unit.id() + " shows "
                        + onUnit.orElse("nothing"));
            } else if (!atBroker.equals(onUnit)) {
                wrong.add(unit.id() + " shows " + onUnit.orElse("nothing") + ", the broker holds " + atBroker.get());
            }
        }
        return wrong;
    }

    /** The durable messages (offline tickets, ratings, cancels) reach the hub once the network is back. */
    private List<String> drained() {
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    ChaosSite.UNITS.stream().allMatch(id -> office.unit(id).unit().orElseThrow().link().outboxDepth() == 0)
                            && office.keypad().outboxDepth() == 0);
            return List.of();
        } catch (ConditionTimeoutException e) {
            List<String> left = new ArrayList<>();
            ChaosSite.UNITS.forEach(id -> left.add(id + "'s outbox still holds "
                    + office.unit(id).unit().orElseThrow().link().outboxDepth() + " message(s) 30 s after the last heal"));
            left.add(ChaosSite.KEYPAD + "'s outbox still holds " + office.keypad().outboxDepth()
                    + " rating(s) 30 s after the last heal");
            return left;
        }
    }

    private Map<Integer, String> shownStates() {
        Map<Integer, String> shown = new LinkedHashMap<>();
        for (ChaosUnit unit : office.counters()) {
            shown.put(ChaosSite.COUNTERS.get(unit.id()),
                    unit.counter().flatMap(CounterUnit::state).map(RetainedStates::shown).orElse("nothing"));
        }
        return shown;
    }

    /** What each unit showed at the end against the hub's own counters table. */
    private static List<String> agreeWithHub(Map<Integer, String> shown, HubRecord hub) {
        List<String> wrong = new ArrayList<>();
        shown.forEach((number, onUnit) -> {
            Optional<HubRecord.CounterRow> row = hub.counter(number);
            String atHub = row.map(r -> r.status() + " officer " + r.officer().orElse("-") + " "
                    + r.current().orElse("nobody at the counter")).orElse("no row");
            String onUnitWithoutPhase = onUnit.replaceAll(" (CALLED|SERVING)$", "");
            if (!atHub.equals(onUnitWithoutPhase)) {
                wrong.add("counter " + number + ": its unit ended showing " + onUnit + ", the hub's database says "
                        + atHub);
            }
        });
        return wrong;
    }

    private String report(Map<String, List<String>> violations, FaultSchedule schedule, Ledger ledger) {
        StringBuilder text = new StringBuilder("the chaos suite found broken promises\n\n");
        violations.forEach((invariant, lines) -> {
            text.append("VIOLATED: ").append(invariant).append(" (").append(lines.size()).append(")\n");
            lines.forEach(line -> text.append("  - ").append(line).append('\n'));
        });
        text.append('\n').append(schedule.describe()).append(faults.log())
                .append("duplicates sent: ").append(office.duplicator().sent().size()).append('\n')
                .append("ledger: ").append(ledger.summary()).append("\n\n").append(office.logs());
        return text.toString();
    }
}
