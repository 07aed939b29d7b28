package vn.motcua.hub.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.metrics.Metrics;
import vn.motcua.hub.store.CommitFailedException.Reason;

class CommitHealthTest {

    private final Metrics metrics = new Metrics();
    private final CommitHealth health = new CommitHealth(metrics,
            Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC));

    @Test
    void every_failed_commit_counts_and_the_state_holds_until_a_commit_succeeds() {
        assertThat(health.failing()).isEmpty();
        assertThat(metrics.prometheusText()).contains("motcua_store_commit_failing 0\n");

        assertThat(health.failed(new IllegalStateException("a bug"), 3)).isEqualTo(Reason.OTHER);
        assertThat(health.failed(new IllegalStateException("the same bug"), 1)).isEqualTo(Reason.OTHER);

        assertThat(health.failing()).contains(Reason.OTHER);
        assertThat(metrics.value("motcua_store_commit_failures_total{reason=\"other\"}")).isEqualTo(2);
        assertThat(metrics.prometheusText()).contains("motcua_store_commit_failing 1\n");

        health.committed();
        assertThat(health.failing()).isEmpty();
        assertThat(metrics.prometheusText()).contains("motcua_store_commit_failing 0\n");
        assertThat(metrics.value("motcua_store_commit_failures_total{reason=\"other\"}")).isEqualTo(2);
    }

    @Test
    void the_wire_message_says_what_happened_and_that_a_retry_with_the_same_id_is_safe() {
        assertThat(CommitHealth.wireMessage(Reason.FULL)).startsWith("the hub's storage is full;")
                .endsWith("retry with the same id");
        assertThat(CommitHealth.wireMessage(Reason.IO)).startsWith("the hub's storage could not be written;")
                .endsWith("retry with the same id");
        assertThat(CommitHealth.wireMessage(Reason.OTHER)).endsWith("retry with the same id");
    }
}
