package vn.motcua.device.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.protocol.message.ServingPhase.CALLED;
import static vn.motcua.protocol.message.ServingPhase.SERVING;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import vn.motcua.device.Samples;

class RatingWindowTest {

    private final AtomicLong now = new AtomicLong(50_000);
    private final RatingWindow window = new RatingWindow(Duration.ofSeconds(120), now::get);

    private void served(String ticket) {
        window.stateArrived(Samples.atCounter(3, ticket, CALLED));
        window.stateArrived(Samples.atCounter(3, ticket, SERVING));
    }

    @Test
    void a_ticket_that_leaves_after_being_served_may_be_rated_once() {
        served("1-023");
        window.stateArrived(Samples.open(3));

        assertThat(window.claim()).contains("1-023");
        assertThat(window.claim()).isEmpty();
    }

    @Test
    void nothing_may_be_rated_while_the_citizen_is_still_being_served() {
        served("1-023");

        assertThat(window.claim()).isEmpty();
        window.stateArrived(Samples.open(3));
        assertThat(window.claim()).as("the refused press did not use up the window").contains("1-023");
    }

    @Test
    void the_window_closes_after_its_length() {
        served("1-023");
        window.stateArrived(Samples.open(3));
        now.addAndGet(119_999);
        assertThat(window.open()).contains("1-023");

        now.addAndGet(1);

        assertThat(window.claim()).isEmpty();
    }

    @Test
    void a_no_show_opens_nothing() {
        window.stateArrived(Samples.atCounter(3, "1-023", CALLED));
        window.stateArrived(Samples.open(3));

        assertThat(window.claim()).isEmpty();
    }

    @Test
    void a_no_show_leaves_the_window_of_the_ticket_before_it_as_it_was() {
        served("1-022");
        window.stateArrived(Samples.atCounter(3, "1-023", CALLED));
        window.stateArrived(Samples.open(3)); // 1-023 never came

        assertThat(window.claim()).contains("1-022");
    }

    @Test
    void calling_the_next_citizen_keeps_the_window_open_but_their_service_closes_it() {
        served("1-022");
        window.stateArrived(Samples.atCounter(3, "1-023", CALLED)); // next pressed while serving: 1-022 is done
        assertThat(window.open()).contains("1-022");

        window.stateArrived(Samples.atCounter(3, "1-023", SERVING));

        assertThat(window.claim()).as("1-023 is at the keypad now").isEmpty();
    }

    @Test
    void the_next_service_opens_a_window_for_its_own_ticket_only() {
        served("1-022");
        window.stateArrived(Samples.open(3));
        served("1-023");
        window.stateArrived(Samples.paused(3)); // done, then a break: the citizen may still rate

        assertThat(window.claim()).contains("1-023");
        assertThat(window.claim()).isEmpty();
    }

    @Test
    void an_undone_finish_closes_the_window_until_the_ticket_leaves_again() {
        served("1-023");
        window.stateArrived(Samples.open(3));
        window.stateArrived(Samples.atCounter(3, "1-023", SERVING)); // UNDO of DONE
        assertThat(window.open()).isEmpty();

        window.stateArrived(Samples.open(3));

        assertThat(window.claim()).contains("1-023");
    }

    @Test
    void a_repeated_state_changes_nothing_and_the_first_state_seen_opens_nothing() {
        window.stateArrived(Samples.open(3)); // after start-up: whoever was here before is unknown
        assertThat(window.open()).isEmpty();
        served("1-023");
        window.stateArrived(Samples.atCounter(3, "1-023", SERVING)); // resent on reconnect
        assertThat(window.open()).isEmpty();
        window.stateArrived(Samples.open(3));
        window.stateArrived(Samples.open(3));

        assertThat(window.claim()).contains("1-023");
    }
}
