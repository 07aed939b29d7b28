package vn.motcua.device.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.device.OfficeTime;
import vn.motcua.device.OnBroker;
import vn.motcua.device.Samples;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.kiosk.offline.LeaseKeeper;
import vn.motcua.device.link.MqttLink;
import vn.motcua.device.metrics.DeviceMetrics;
import vn.motcua.device.printer.SimulatedPrinter;
import vn.motcua.device.printer.TicketPrinter;
import vn.motcua.device.printer.TicketView;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.topic.DeviceChannel;

/** The kiosk without its hub: leases, offline tickets, their sync, and late answers. Real Mosquitto, stand-in hub. */
class KioskOfflineTest extends OnBroker {

    private static final Duration TIMEOUT = Duration.ofMillis(400);

    private final DeviceMetrics metrics = new DeviceMetrics();
    private final LocalDate today = LocalDate.now(OfficeTime.ZONE);
    private MqttLink link;
    private KioskUnit kiosk;

    @AfterEach
    void stop() {
        kiosk.close();
        link.close();
    }

    private void startKiosk(TicketPrinter printer) {
        startKiosk(printer, TIMEOUT);
    }

    private void startKiosk(TicketPrinter printer, Duration requestTimeout) {
        UnitConfig config = UnitConfig.kiosk(site, "kiosk-1", broker.url(), List.of("DD", "HT"), dataDir)
                .withRequestTimeout(requestTimeout);
        link = MqttLink.connect(config, "test-1", metrics, Duration.ofSeconds(10));
        kiosk = new KioskUnit(link, printer, metrics);
    }

    /** A hub that leases 901.. for HT and 501.. for DD and answers nothing else. */
    private void hubThatOnlyLeases() {
        hub.answer(request -> request.body() instanceof RequestBody.LeaseRenew renew
                ? Optional.of(new Response.Ok(request.id(), request.op(), new ResponseBody.LeaseGranted(renew.service(),
                        renew.service().equals("HT") ? 901 : 501, (renew.service().equals("HT") ? 900 : 500)
                        + renew.size(), today)))
                : Optional.empty());
    }

    private List<Request> requests(Operation op) {
        return hub.requests().stream().filter(r -> r.op() == op).toList();
    }

    private void awaitLeases() {
        await().atMost(Duration.ofSeconds(5)).until(() -> requests(Operation.LEASE_RENEW).size() == 2);
    }

    @Test
    void with_the_catalogue_known_the_kiosk_leases_a_block_for_each_of_its_services() throws Exception {
        hubThatOnlyLeases();
        hub.publishState(topics.services(), Samples.catalogue());
        startKiosk(new SimulatedPrinter("kiosk-1"));

        awaitLeases();

        assertThat(requests(Operation.LEASE_RENEW)).extracting(Request::body).containsExactlyInAnyOrder(
                new RequestBody.LeaseRenew("DD", LeaseKeeper.BLOCK_SIZE),
                new RequestBody.LeaseRenew("HT", LeaseKeeper.BLOCK_SIZE));
    }

    @Test
    void when_the_hub_does_not_answer_the_ticket_is_printed_offline_from_the_lease_and_its_sync_is_stored()
            throws Exception {
        hubThatOnlyLeases();
        hub.publishState(topics.services(), Samples.catalogue());
        SimulatedPrinter printer = new SimulatedPrinter("kiosk-1");
        startKiosk(printer);
        awaitLeases();

        TicketView first = kiosk.press("HT", Optional.of("ELDERLY")).get();
        TicketView second = kiosk.press("HT").get();

        assertThat(first.ticket()).isEqualTo("2-901");
        assertThat(second.ticket()).isEqualTo("2-902");
        assertThat(first.offline()).isTrue();
        assertThat(first.estimateMin()).isEmpty();
        assertThat(printer.lastText()).hasValueSatisfying(text -> assertThat(text).contains("2-902", "Hộ tịch",
                "Vé in khi mất kết nối", "printed offline").doesNotContain("Dự kiến chờ"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !requests(Operation.TICKET_ISSUE_OFFLINE).isEmpty());
        RequestBody.TicketIssueOffline sync =
                (RequestBody.TicketIssueOffline) requests(Operation.TICKET_ISSUE_OFFLINE).getFirst().body();
        assertThat(sync.service()).isEqualTo("HT");
        assertThat(sync.number()).isEqualTo(901);
        assertThat(sync.priority()).contains("ELDERLY");
        assertThat(link.outboxDepth()).isEqualTo(2); // the silent hub has not taken them yet
        assertThat(metrics.count("offline.printed")).isEqualTo(2);
    }

    @Test
    void when_the_hubs_presence_says_offline_the_ticket_is_printed_offline_at_once_without_asking_it()
            throws Exception {
        hubThatOnlyLeases();
        hub.publishState(topics.hubStatus(), Samples.hubOnline());
        hub.publishState(topics.services(), Samples.catalogue());
        startKiosk(new SimulatedPrinter("kiosk-1"), Duration.ofSeconds(30));
        awaitLeases();

        hub.publishState(topics.hubStatus(), DeviceStatus.offline());
        await().atMost(Duration.ofSeconds(5)).until(() -> !link.hubReachable());
        TicketView ticket = kiosk.press("HT").get(2, TimeUnit.SECONDS); // the request timeout is 30 s

        assertThat(ticket.offline()).isTrue();
        assertThat(ticket.ticket()).isEqualTo("2-901");
        assertThat(requests(Operation.TICKET_ISSUE)).isEmpty();
    }

    @Test
    void without_a_lease_nothing_is_printed_and_the_press_says_why() {
        SimulatedPrinter printer = new SimulatedPrinter("kiosk-1");
        startKiosk(printer); // silent hub, no catalogue: no lease

        assertThat(kiosk.press("DD")).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(NoOfflineNumbersException.class);
        assertThat(printer.printed()).isEmpty();
        assertThat(metrics.count("offline.no_numbers_left")).isEqualTo(1);
    }

    @Test
    void an_offline_ticket_that_fails_to_print_is_withdrawn_after_its_sync() throws Exception {
        hubThatOnlyLeases();
        hub.publishState(topics.services(), Samples.catalogue());
        startKiosk(ticket -> {
            throw new IllegalStateException("paper out");
        });
        awaitLeases();

        assertThat(kiosk.press("DD")).failsWithin(Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(5)).until(() -> link.outboxDepth() == 2);
        hub.answer(request -> Optional.of(new Response.Ok(request.id(), request.op(), request.body()
                instanceof RequestBody.TicketCancel c ? new ResponseBody.TicketCancelled(c.ticket(), "DD")
                : Samples.ticket())));
        await().atMost(Duration.ofSeconds(10)).until(() -> requests(Operation.TICKET_CANCEL).size() == 1);
        assertThat(requests(Operation.TICKET_CANCEL).getFirst().body()).isEqualTo(new RequestBody.TicketCancel("1-501"));
        List<Operation> order = hub.requests().stream().map(Request::op)
                .filter(op -> op == Operation.TICKET_ISSUE_OFFLINE || op == Operation.TICKET_CANCEL).distinct().toList();
        assertThat(order).containsExactly(Operation.TICKET_ISSUE_OFFLINE, Operation.TICKET_CANCEL);
    }

    @Test
    void a_ticket_the_hub_issues_after_the_kiosk_stopped_waiting_is_cancelled() throws Exception {
        startKiosk(new SimulatedPrinter("kiosk-1"));
        assertThat(kiosk.press("DD")).failsWithin(Duration.ofSeconds(5)); // no lease: nothing printed
        Request unanswered = requests(Operation.TICKET_ISSUE).getFirst();

        hub.publishRaw(topics.device("kiosk-1", DeviceChannel.RESPONSE), new Codec().encode(
                new Response.Ok(unanswered.id(), Operation.TICKET_ISSUE, Samples.ticket())), false);

        await().atMost(Duration.ofSeconds(5)).until(() -> requests(Operation.TICKET_CANCEL).size() == 1);
        assertThat(requests(Operation.TICKET_CANCEL).getFirst().body()).isEqualTo(new RequestBody.TicketCancel("1-023"));
        assertThat(metrics.count("kiosk.late_ticket_cancelled")).isEqualTo(1);
    }
}
