package vn.motcua.device.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.RequestBody;

class StaffKeyTest {

    @Test
    void each_key_sends_its_operation_for_the_given_counter() {
        assertThat(StaffKey.NEXT.request(3)).isEqualTo(new RequestBody.CounterNext(3));
        assertThat(StaffKey.RECALL.request(3)).isEqualTo(new RequestBody.CounterRecall(3));
        assertThat(StaffKey.START.request(3)).isEqualTo(new RequestBody.CounterStart(3));
        assertThat(StaffKey.DONE.request(3)).isEqualTo(new RequestBody.CounterDone(3, Optional.empty()));
        assertThat(StaffKey.NO_SHOW.request(3)).isEqualTo(new RequestBody.CounterNoShow(3));
        assertThat(StaffKey.PAUSE.request(3)).isEqualTo(new RequestBody.CounterPause(3, Optional.empty()));
        assertThat(StaffKey.RESUME.request(3)).isEqualTo(new RequestBody.CounterResume(3));
        assertThat(Operation.of(StaffKey.NO_SHOW.request(3))).isEqualTo(Operation.COUNTER_NO_SHOW);
    }

    @Test
    void key_names_are_read_in_any_case_with_or_without_separators() {
        assertThat(StaffKey.parse("next")).contains(StaffKey.NEXT);
        assertThat(StaffKey.parse("no-show")).contains(StaffKey.NO_SHOW);
        assertThat(StaffKey.parse("NOSHOW")).contains(StaffKey.NO_SHOW);
        assertThat(StaffKey.parse("No_Show")).contains(StaffKey.NO_SHOW);
        assertThat(StaffKey.parse("HT")).isEmpty();
    }
}
