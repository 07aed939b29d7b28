package vn.motcua.device.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.protocol.message.ServingPhase.CALLED;
import static vn.motcua.protocol.message.ServingPhase.SERVING;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import vn.motcua.device.Samples;
import vn.motcua.device.config.Keypad;
import vn.motcua.device.store.StoreException;
import vn.motcua.protocol.message.ResponseBody;

class SatisfactionKeypadTest {

    private final AtomicLong now = new AtomicLong(10_000);
    private final List<String> sent = new CopyOnWriteArrayList<>();

    private SatisfactionKeypad keypad(SatisfactionKeypad.Sender sender) {
        SatisfactionKeypad keypad = new SatisfactionKeypad(Keypad.DEFAULT, now::get, sender, "quay-3");
        keypad.stateArrived(Samples.atCounter(3, "1-023", CALLED));
        keypad.stateArrived(Samples.atCounter(3, "1-023", SERVING));
        keypad.stateArrived(Samples.open(3));
        return keypad;
    }

    @Test
    void a_press_in_the_window_sends_the_rating_of_the_ticket_just_served_and_thanks() {
        SatisfactionKeypad keypad = keypad((level, ticket) -> {
            sent.add(level + " " + ticket);
            return CompletableFuture.completedFuture(new ResponseBody.RatingRecorded(level, Optional.of(ticket)));
        });

        assertThat(keypad.press("HAI_LONG")).isEqualTo(SatisfactionKeypad.Outcome.THANKS);
        assertThat(keypad.press("HAI_LONG")).isEqualTo(SatisfactionKeypad.Outcome.NOTHING_TO_RATE);
        assertThat(sent).containsExactly("HAI_LONG 1-023");
    }

    @Test
    void a_rating_the_unit_cannot_store_gets_no_thank_you() {
        SatisfactionKeypad keypad = keypad((level, ticket) ->
                CompletableFuture.failedFuture(new StoreException("disk full", null)));

        assertThat(keypad.press("RAT_HAI_LONG")).isEqualTo(SatisfactionKeypad.Outcome.NOT_STORED);
    }
}
