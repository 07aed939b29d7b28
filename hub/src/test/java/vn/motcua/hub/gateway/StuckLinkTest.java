package vn.motcua.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class StuckLinkTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(100 * SECOND);
    private final StuckLink link = new StuckLink(6 * SECOND, now::get);

    @Test
    void a_connected_client_is_never_replaced() {
        for (int i = 0; i < 20; i++) {
            assertThat(link.shouldRenew(true)).isFalse();
            now.addAndGet(SECOND);
        }
    }

    @Test
    void a_client_away_for_the_whole_delay_is_replaced_and_again_each_time_the_delay_passes() {
        assertThat(link.shouldRenew(false)).as("the stretch starts").isFalse();
        now.addAndGet(5 * SECOND);
        assertThat(link.shouldRenew(false)).as("5 s away").isFalse();
        now.addAndGet(SECOND);
        assertThat(link.shouldRenew(false)).as("6 s away").isTrue();
        now.addAndGet(3 * SECOND);
        assertThat(link.shouldRenew(false)).as("3 s after the renewal").isFalse();
        now.addAndGet(3 * SECOND);
        assertThat(link.shouldRenew(false)).as("6 s after the renewal, still away").isTrue();
    }

    @Test
    void a_connection_in_between_starts_the_count_again() {
        link.shouldRenew(false);
        now.addAndGet(5 * SECOND);
        link.shouldRenew(true);
        now.addAndGet(SECOND);
        assertThat(link.shouldRenew(false)).isFalse();
        now.addAndGet(5 * SECOND);
        assertThat(link.shouldRenew(false)).as("5 s into the new stretch").isFalse();
    }
}
