package vn.motcua.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.hub.HubSettings;
import vn.motcua.hub.site.OfficeLoader;

/** The demo office runs by itself: citizens get tickets, officers call them, the board fills. */
class OfficeDemoTest {

    @TempDir
    Path dir;

    @Test
    void citizens_arrive_and_counters_call_them_without_anyone_pressing_anything() throws Exception {
        HubSettings settings = HubSettings.local(OfficeLoader.load(Path.of("../config/offices/commune-office.json")), dir);
        // 600×: ten office minutes per real second; the commune office gets a few citizens a second at its peak.
        try (OfficeDemo demo = OfficeDemo.start(settings, 600, 7)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(demo.hub().writer().board().recentCalls()).hasSizeGreaterThanOrEqualTo(3);
                assertThat(demo.hub().writer().board().counters())
                        .anySatisfy(c -> assertThat(c.current()).isPresent());
                // Served citizens rate at the counter keypad: the whole loop ran at least once.
                assertThat(demo.hub().metrics().value("motcua_requests_total{op=\"rating.submit\"}")).isPositive();
            });
        }
    }
}
