package vn.motcua.device.kiosk.touch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.motcua.device.OfficeTime;
import vn.motcua.device.OnBroker;
import vn.motcua.device.Samples;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.kiosk.KioskUnit;
import vn.motcua.device.link.MqttLink;
import vn.motcua.device.printer.SimulatedPrinter;
import vn.motcua.device.printer.TicketView;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.ServiceCatalogue;
import vn.motcua.testkit.browser.BrowserPage;
import vn.motcua.testkit.browser.ChromiumPerClass;
import vn.motcua.testkit.browser.HeadlessChromium;

/** The touch page in a real headless Chromium at the official 7" display's 800×480, on a real kiosk and broker. */
@ExtendWith(ChromiumPerClass.class)
class TouchPageTest extends OnBroker {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    /** Screenshots for a person to look at; the assertions read the text. */
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final SimulatedPrinter printer = new SimulatedPrinter("kiosk-1");
    private MqttLink link;
    private KioskUnit kiosk;
    private TouchServer touch;
    private BrowserPage page;

    @BeforeEach
    void openTab(HeadlessChromium chromium) {
        page = chromium.newTouchPage(800, 480);
    }

    @AfterEach
    void stop() {
        page.close(); // before the server goes, so the page never sees it vanish
        touch.close();
        kiosk.close();
        link.close();
    }

    private void openPage(ServiceCatalogue catalogue) throws Exception {
        openPage(catalogue, Duration.ofSeconds(5));
    }

    private void openPage(ServiceCatalogue catalogue, Duration requestTimeout) throws Exception {
        hub.publishState(topics.services(), catalogue);
        link = MqttLink.connect(UnitConfig.kiosk(site, "kiosk-1", broker.url(), List.of("DD", "HT"), dataDir)
                .withRequestTimeout(requestTimeout), "test-1", Duration.ofSeconds(10));
        kiosk = new KioskUnit(link, printer);
        await().atMost(WAIT).until(() -> kiosk.catalogue().isPresent());
        touch = TouchServer.start(0, kiosk, link);
        page.navigate(touch.uri().toString());
    }

    private void awaitText(String text) {
        page.awaitText(text, WAIT);
    }

    private List<Request> ticketRequests() {
        return hub.requests().stream().filter(r -> r.op() == Operation.TICKET_ISSUE).toList();
    }

    @Test
    void a_citizen_sees_the_services_in_vietnamese_taps_one_and_sees_the_printed_number() throws Exception {
        hub.answerOk(request -> Samples.ticket());
        openPage(Samples.catalogue());

        awaitText("Đất đai");
        String screen = page.bodyText();
        assertThat(screen).contains("Chạm vào dịch vụ để lấy số thứ tự", Samples.OFFICE, "Đất đai", "Land",
                "5 người đang chờ · khoảng 12 phút", "Hộ tịch", "Civil status", "0 người đang chờ", "Người cao tuổi",
                "Người khuyết tật", "Phụ nữ mang thai").doesNotContain("Mất kết nối", "Số của bạn");
        assertThat(page.evaluate("document.documentElement.lang").asText()).isEqualTo("vi");
        page.saveScreenshot(SCREENSHOTS.resolve("touch-services.png"));

        page.tap("button.service[data-code='DD']");

        awaitText("1-023");
        page.saveScreenshot(SCREENSHOTS.resolve("touch-ticket.png"));
        assertThat(page.bodyText()).contains("Số của bạn:", "1-023", "Vui lòng nhận vé",
                "Trước bạn: 5 người · Dự kiến chờ: 12 phút", "Your number 1-023 — please take your ticket");
        assertThat(printer.printed()).extracting(TicketView::ticket).containsExactly("1-023");
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void late_in_an_overloaded_day_the_key_and_the_ticket_say_it_may_not_be_served_today() throws Exception {
        hub.answerOk(request -> new ResponseBody.TicketIssued("1-090", "DD", 90, 41, Optional.of(250), Samples.MORNING,
                Optional.empty(), Optional.empty(), true));
        openPage(new ServiceCatalogue(Samples.OFFICE, List.of(
                new ServiceCatalogue.Entry("DD", "1", "Đất đai", "Land", true, 41, Optional.of(250), true),
                new ServiceCatalogue.Entry("HT", "2", "Hộ tịch", "Civil status", true, 0, Optional.of(0))),
                Samples.MORNING));

        awaitText("41 người đang chờ · có thể không được phục vụ trong hôm nay");
        assertThat(page.bodyText()).contains("41 waiting · you may not be served today", "0 người đang chờ · khoảng 0 phút")
                .doesNotContain("khoảng 250 phút");
        assertThat(page.evaluate("document.querySelector(\"button.service[data-code='DD']\").className").asText())
                .contains("late");
        page.saveScreenshot(SCREENSHOTS.resolve("touch-may-not-be-served.png"));

        page.tap("button.service[data-code='DD']");

        awaitText("1-090");
        assertThat(page.bodyText()).contains("Trước bạn: 41 người · Có thể không được phục vụ trong hôm nay")
                .doesNotContain("Dự kiến chờ");
        assertThat(printer.printed()).singleElement().satisfies(t -> assertThat(t.mayNotBeServedToday()).isTrue());
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void a_priority_chosen_on_the_screen_goes_with_the_next_press_only() throws Exception {
        hub.answerOk(request -> request.body() instanceof RequestBody.TicketIssue issue
                ? new ResponseBody.TicketIssued("2-004", "HT", 4, 0, Optional.empty(), Samples.MORNING,
                        issue.priority(), Optional.empty())
                : Samples.ticket()); // not a lease: the stand-in hub refuses lease.renew
        openPage(Samples.catalogue());
        awaitText("Người cao tuổi");

        page.tap("button.choice[data-code='ELDERLY']");
        assertThat(page.evaluate("document.querySelector(\"button.choice[data-code='ELDERLY']\")"
                + ".getAttribute('aria-pressed')").asText()).isEqualTo("true");
        page.tap("button.service[data-code='HT']");
        awaitText("Ưu tiên: Người cao tuổi");
        page.tap("#overlay");
        page.tap("button.service[data-code='HT']");
        await().atMost(WAIT).until(() -> ticketRequests().size() == 2);

        assertThat(ticketRequests()).extracting(Request::body).containsExactly(
                new RequestBody.TicketIssue("HT", Optional.of("ELDERLY")),
                new RequestBody.TicketIssue("HT", Optional.empty()));
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void a_closed_service_says_so_and_cannot_be_tapped_and_names_stay_text() throws Exception {
        hub.answerOk(request -> Samples.ticket()); // refuses the kiosk's lease requests at once
        openPage(new ServiceCatalogue(Samples.OFFICE, List.of(
                new ServiceCatalogue.Entry("DD", "1", "Đất đai", HOSTILE, true, 2, Optional.empty()),
                new ServiceCatalogue.Entry("HT", "2", "Hộ tịch", "Civil status", false, 0, Optional.empty())),
                Samples.MORNING));

        awaitText("Tạm ngừng tiếp nhận");
        page.saveScreenshot(SCREENSHOTS.resolve("touch-closed.png"));
        assertThat(page.evaluate("document.querySelector(\"button.service[data-code='HT']\").disabled")
                .asBoolean()).isTrue();
        page.tap("button.service[data-code='HT']");

        assertThat(page.bodyText()).contains(HOSTILE, "2 người đang chờ").doesNotContain("Đang in vé");
        assertThat(page.evaluate("document.querySelectorAll('img').length").asInt()).isZero();
        assertThat(ticketRequests()).isEmpty();
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void a_ticket_printed_without_the_hub_says_so_on_the_screen() throws Exception {
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        hub.answer(request -> request.body() instanceof RequestBody.LeaseRenew renew
                ? Optional.of(new Response.Ok(request.id(), request.op(),
                        new ResponseBody.LeaseGranted(renew.service(), 901, 900 + renew.size(), today)))
                : Optional.empty()); // leases numbers, then never answers a ticket
        openPage(Samples.catalogue(), Duration.ofMillis(400));
        await().atMost(WAIT).until(() -> kiosk.offlineNumbersLeft("HT") > 0);
        awaitText("Hộ tịch");

        page.tap("button.service[data-code='HT']");

        awaitText("2-901");
        assertThat(page.bodyText()).contains("Số của bạn:", "Vui lòng nhận vé",
                "Vé in khi mất kết nối — chưa có số người chờ", "(printed offline)").doesNotContain("Trước bạn");
        assertThat(printer.printed()).extracting(TicketView::offline).containsExactly(true);
        assertThat(page.problems()).isEmpty();
    }
}
