package vn.motcua.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.motcua.hub.metrics.Metrics;
import vn.motcua.testkit.browser.BrowserPage;
import vn.motcua.testkit.browser.ChromiumPerClass;
import vn.motcua.testkit.browser.HeadlessChromium;

/** The ticket status page in a real headless Chromium, on a phone-sized screen, fed by a real engine. */
@ExtendWith(ChromiumPerClass.class)
class TicketPageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private WebServer server;
    private BrowserPage page;

    @BeforeEach
    void start(HeadlessChromium chromium) {
        server = WebServer.start("127.0.0.1", 0, new TestLiveState(Offices.morning(), Offices.catalogue(5)),
                new Metrics(), CallHistory.none(), new OverloadedOffice());
        page = chromium.newPage(390, 844);
    }

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
        server.close();
    }

    @Test
    void a_ticket_with_time_to_spare_shows_its_place_and_estimate_in_vietnamese() {
        open("/ticket/1-001");
        page.awaitText("Trước bạn: 0 người", WAIT);

        assertThat(page.text("document.documentElement.lang")).isEqualTo("vi");
        assertThat(page.text("document.getElementById('label').textContent")).isEqualTo("1-001");
        assertThat(page.bodyText()).contains("Số thứ tự", "Đất đai", "Đang chờ", "Dự kiến chờ: 0 phút", "Cập nhật lúc")
                .doesNotContain("Có thể không được phục vụ");
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void late_in_an_overloaded_day_the_page_warns_instead_of_promising_a_time() throws Exception {
        open("/ticket/1-016");
        page.awaitText("Có thể không được phục vụ trong hôm nay", WAIT);

        assertThat(page.bodyText()).contains("Trước bạn: 15 người").doesNotContain("Dự kiến chờ");
        page.saveScreenshot(SCREENSHOTS.resolve("ticket-may-not-be-served.png"));
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void the_page_speaks_english_with_lang_en() {
        open("/ticket/1-016?lang=en");
        page.awaitText("You may not be served today", WAIT);

        assertThat(page.text("document.documentElement.lang")).isEqualTo("en");
        assertThat(page.bodyText()).contains("Ticket number", "Land", "People ahead of you: 15", "Tiếng Việt");
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void an_unknown_ticket_gets_a_page_that_says_so() {
        open("/ticket/9-999");
        page.awaitText("Không tìm thấy số 9-999 hôm nay", WAIT);
        assertThat(page.bodyText()).contains("No ticket 9-999 today");
    }

    private void open(String path) {
        page.navigate("http://127.0.0.1:" + server.port() + path);
    }
}
