package vn.motcua.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.site.Office;

/**
 * The index of waiting tickets that "call next" reads is the day's tickets filtered to WAITING, whatever happened
 * (transfers, holds, undo, offline syncs, day changes), both in the engine that decided and in one rebuilt by replay.
 */
class WaitingIndexPropertiesTest {

    @Test
    void the_waiting_index_is_the_waiting_tickets_after_every_step_live_and_replayed() {
        Tries.check(250, Scenarios::days, (scenario, seen) -> {
            Run run = new Run(scenario.office(), scenario.start());
            Engine replayed = new Engine(run.office(), run.firstDay());
            List<String> services = run.office().services().stream().map(Office.Service::code).toList();
            for (Scenarios.Step next : scenario.steps()) {
                int from = run.steps().size();
                run.step(next);
                for (int i = from; i < run.steps().size(); i++) {
                    Run.groups(run.steps().get(i)).forEach(group -> replayed.replay(group.actor(), group.events()));
                }
                int i = run.steps().size() - 1;
                Run.Step step = run.steps().get(i);
                List<Ticket> expected = step.after().tickets().stream().filter(t -> t.state() == TicketState.WAITING)
                        .sorted(Comparator.comparing(Ticket::label)).toList();
                for (EngineState state : List.of(run.engine().state(), replayed.state())) {
                    String which = state == replayed.state() ? "replayed" : "live";
                    assertThat(state.waitingFor(services)).as("%s, step #%d%s", which, i, run.at(i))
                            .containsExactlyInAnyOrderElementsOf(expected);
                    for (String service : services) {
                        assertThat(state.waitingFor(List.of(service))).as("%s %s, step #%d%s", which, service, i, run.at(i))
                                .isEqualTo(expected.stream().filter(t -> t.service().equals(service)).toList());
                    }
                }
                seen.count(expected.isEmpty() ? "nobody waiting" : "someone waiting");
            }
        }).require("someone waiting", 2000).require("nobody waiting", 50);
    }
}
