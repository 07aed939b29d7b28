package vn.motcua.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.ServiceCatalogue;
import vn.motcua.testkit.browser.BrowserPage;
import vn.motcua.testkit.browser.ChromiumPerClass;
import vn.motcua.testkit.browser.HeadlessChromium;

/** The hall board in a real headless Chromium, fed by a real server. */
@ExtendWith(ChromiumPerClass.class)
class BoardPageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    private TestLiveState state;
    private WebServer server;
    private BrowserPage page;

    @BeforeEach
    void start(HeadlessChromium chromium) {
        state = new TestLiveState(Offices.morning(), Offices.catalogue(5));
        server = WebServer.start("127.0.0.1", 0, state);
        page = chromium.newPage(1920, 1080);
    }

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
        server.close();
    }

    @Test
    void the_board_shows_every_counter_and_its_current_number_in_vietnamese() {
        open("/");
        awaitText("Đất đai: 5 người chờ");

        assertThat(page.text("document.documentElement.lang")).isEqualTo("vi");
        assertThat(page.text("document.getElementById('office').textContent")).isEqualTo(Offices.OFFICE);
        assertThat(tiles()).containsExactly(
                "Quầy 1 | 1-021 | Đang phục vụ | Đất đai",
                "Quầy 2 | 1-023 | Mời đến quầy | Đất đai",
                "Quầy 3 | 7-004 | Đang phục vụ | Tài nguyên và Môi trường",
                "Quầy 4 | 2-012 | Mời đến quầy | Hộ tịch",
                "Quầy 5 | — | Tạm nghỉ",
                "Quầy 6 | — | Đóng quầy",
                "Quầy 7 | — | Sẵn sàng",
                "Quầy 8 | 6-003 | Đang phục vụ | Lao động - Thương binh và Xã hội");
        assertThat(page.texts("#calls li")).startsWith("1-023 → Quầy 2", "2-012 → Quầy 4");
        assertThat(page.texts("#services li"))
                .contains("Đất đai: 5 người chờ · khoảng 25 phút", "Chứng thực: 0 người chờ");
        assertThat(page.text("document.getElementById('time').textContent")).matches("\\d{2}:\\d{2}:\\d{2}");
        assertThat(page.bodyText()).doesNotContain("Mất kết nối");
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void the_board_follows_changes_without_reloading_and_highlights_the_new_call() throws Exception {
        open("/");
        awaitText("1-023");
        page.evaluate("window.sameDocument = true");

        state.publish(Offices.counterSevenCalls(state.board(), "2-013"));
        state.publish(Offices.catalogue(6));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(tiles()).contains("Quầy 7 | 2-013 | Mời đến quầy | Hộ tịch");
            assertThat(page.texts("#calls li.fresh")).containsExactly("2-013 → Quầy 7");
            assertThat(page.texts("#services li")).contains("Đất đai: 6 người chờ · khoảng 25 phút");
        });
        assertThat(page.texts("#counters .tile.fresh")).hasSize(1);
        assertThat(page.evaluate("window.sameDocument === true").asBoolean()).isTrue();
        page.saveScreenshot(SCREENSHOTS.resolve("board.png"));
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void a_service_whose_next_ticket_may_not_be_served_today_says_so_instead_of_a_time() {
        ServiceCatalogue late = Offices.catalogue(40);
        List<ServiceCatalogue.Entry> services = new ArrayList<>(late.services());
        ServiceCatalogue.Entry land = services.getFirst();
        services.set(0, new ServiceCatalogue.Entry(land.code(), land.prefix(), land.nameVi(), land.nameEn(), true, 40,
                Optional.of(250), true));
        state.publish(new ServiceCatalogue(late.office(), services, late.updatedAt()));
        open("/");

        awaitText("Đất đai: 40 người chờ · số lấy bây giờ có thể không được phục vụ hôm nay");
        assertThat(page.bodyText()).doesNotContain("khoảng 250 phút");
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void the_board_ignores_a_stale_board_that_arrives_late() {
        Board latest = Offices.counterSevenCalls(state.board(), "2-013");
        state.publish(latest);
        open("/");
        awaitText("2-013");

        state.publish(Offices.morning()); // sequence 41 after 42: stale
        state.publish(Offices.catalogue(7));

        awaitText("Đất đai: 7 người chờ"); // the events after the stale one were handled
        assertThat(tiles()).contains("Quầy 7 | 2-013 | Mời đến quầy | Hộ tịch");
    }

    @Test
    void the_board_speaks_english_with_lang_en() throws Exception {
        open("/?lang=en");
        awaitText("Land: 5 waiting");

        assertThat(page.text("document.documentElement.lang")).isEqualTo("en");
        assertThat(tiles()).contains(
                "Counter 2 | 1-023 | Now calling | Land",
                "Counter 1 | 1-021 | Serving | Land",
                "Counter 5 | — | On a break",
                "Counter 6 | — | Closed");
        assertThat(page.texts("#calls li")).startsWith("1-023 → Counter 2");
        assertThat(page.bodyText()).contains("Latest calls", "People waiting");
        page.saveScreenshot(SCREENSHOTS.resolve("board-en.png"));
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void a_large_centre_fits_a_small_screen_without_cutting_anything_off(HeadlessChromium chromium)
            throws Exception {
        page.close();
        page = chromium.newPage(1280, 720);
        state.publish(Offices.centreCatalogue());
        state.publish(Offices.centre(30));
        open("/");
        awaitText("Quầy 30");
        awaitText("Lĩnh vực khác:");

        assertThat(page.evaluate("[...document.querySelectorAll('#counters .tile')].filter(t =>"
                + " t.scrollHeight > t.clientHeight + 1 || t.scrollWidth > t.clientWidth + 1).length").asInt())
                .as("tiles whose text overflows").isZero();
        assertThat(page.evaluate("(() => { const g = document.getElementById('counters');"
                + " return g.scrollHeight <= g.clientHeight + 1; })()").asBoolean()).as("all tiles visible").isTrue();
        assertThat(page.evaluate("(() => { const p = document.getElementById('services-panel');"
                + " return p.scrollHeight <= p.clientHeight + 1; })()").asBoolean()).as("all services visible").isTrue();
        assertThat(page.evaluate("document.documentElement.scrollHeight <= window.innerHeight").asBoolean())
                .as("nothing below the screen").isTrue();
        page.saveScreenshot(SCREENSHOTS.resolve("board-centre-720p.png"));
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void a_hostile_service_name_is_shown_as_text_and_never_run() {
        state.publish(Offices.catalogue(5, HOSTILE));
        open("/");

        awaitText(HOSTILE + ": 5 người chờ");
        assertThat(tiles()).contains("Quầy 2 | 1-023 | Mời đến quầy | " + HOSTILE);
        assertThat(page.evaluate("document.querySelectorAll('img').length").asInt()).isZero();
        assertThat(page.problems()).isEmpty(); // no alert dialog, no error
    }

    @Test
    void the_content_security_policy_blocks_script_injected_into_the_page() {
        open("/");
        awaitText("1-023");

        boolean ran = page.evaluate("(() => { const s = document.createElement('script');"
                + " s.textContent = 'window.injected = true'; document.body.appendChild(s);"
                + " return window.injected === true; })()").asBoolean();

        assertThat(ran).isFalse();
        await().atMost(WAIT).untilAsserted(() -> assertThat(page.problems()).anySatisfy(problem ->
                assertThat(problem.text()).contains("Content Security Policy")));
    }

    @Test
    void the_board_says_when_the_connection_is_lost_and_recovers_by_itself() {
        open("/");
        awaitText("1-023");
        int port = server.port();

        server.close();
        awaitText("Mất kết nối — đang thử lại");
        assertThat(page.evaluate("document.getElementById('link').className").asText()).isEqualTo("link lost");

        state.publish(Offices.counterSevenCalls(state.board(), "2-013"));
        server = WebServer.start("127.0.0.1", port, state);

        await().atMost(WAIT).until(() -> tiles().stream().anyMatch(tile -> tile.startsWith("Quầy 7 | 2-013")));
        // at once, not eventually: the catalogue comes on the stream before the board, so the name is never missing
        assertThat(tiles()).contains("Quầy 7 | 2-013 | Mời đến quầy | Hộ tịch");
        assertThat(page.bodyText()).doesNotContain("Mất kết nối");
        assertThat(page.problems()).allSatisfy(problem -> assertThat(problem.kind()).isEqualTo("log:network"));
    }

    private void open(String path) {
        page.navigate("http://127.0.0.1:" + server.port() + path);
    }

    private void awaitText(String text) {
        page.awaitText(text, WAIT);
    }

    /** Each counter tile as its visible lines joined by " | ". */
    private List<String> tiles() {
        return page.strings("[...document.querySelectorAll('#counters .tile')]"
                + ".map(tile => tile.innerText.split('\\n').map(s => s.trim()).filter(s => s).join(' | '))");
    }
}
