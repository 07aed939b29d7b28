package vn.motcua.hub.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.hub.metrics.Metrics;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.store.HubStore;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.testkit.ManualClock;

/**
 * Protocol §6.2: the writer refuses, with its own clock at the moment it takes them, interactive requests past their
 * deadline ({@code EXPIRED}) and any request whose id's time it cannot vouch for ({@code ID_OUT_OF_RANGE}); nothing
 * changes, and the refusal is recorded so that a repeat gets the same bytes. A real writer on a real SQLite file.
 */
class StaleRequestsTest {

    private static final Office OFFICE = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    /** 09:00 on a Monday in Hồ Chí Minh City: the office is open. */
    private static final Instant NINE_AM = Instant.parse("2026-11-23T02:00:00Z");
    private static final RequestBody ISSUE_DD = new RequestBody.TicketIssue("DD", Optional.empty());
    private static final RequestBody NEXT_AT_1 = new RequestBody.CounterNext(1);

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(NINE_AM, ZoneOffset.UTC);
    private final Codec codec = new Codec();
    private final Random random = new Random(11);
    private final Metrics metrics = new Metrics();
    private HubStore store;
    private DeskWriter writer;

    @BeforeEach
    void start() throws InterruptedException {
        store = HubStore.open(dir.resolve("hub.db"));
        writer = new DeskWriter(OFFICE, store, clock, NoPublisher.INSTANCE, DeskWriter.DEFAULT_MAX_BATCH,
                StatusLinks.none(), metrics);
        // the office day starts with every counter closed: land (DD) takes tickets once its counters are staffed
        SignedIn.everyCounter(writer, OFFICE);
    }

    @AfterEach
    void stop() throws InterruptedException {
        writer.close();
        store.close();
    }

    @Test
    void an_interactive_request_past_its_deadline_is_refused_expired_and_changes_nothing() throws Exception {
        assertThat(issuedNumber(answer("kiosk-1", made(clock.instant(), ISSUE_DD)))).isEqualTo(1);
        Request next = made(clock.instant(), NEXT_AT_1).withDeadline(hubTime(clock.instant().plusSeconds(5)));
        clock.advance(Duration.ofMillis(5_001));

        Response refused = answer("counter-1", next);

        assertThat(refused).isInstanceOfSatisfying(Response.Failure.class, failure -> {
            assertThat(failure.code()).isEqualTo(ErrorCode.EXPIRED);
            assertThat(failure.message()).contains("counter.next").contains("1 ms after its deadline");
        });
        assertThat(metrics.value("motcua_requests_expired_total{op=\"counter.next\"}")).isEqualTo(1);
        assertThat(calledTicket(answer("counter-1", made(clock.instant(), NEXT_AT_1))))
                .as("the first citizen is still waiting, so a fresh press calls ticket 1").isEqualTo("1-001");
    }

    @Test
    void a_repeat_of_an_expired_request_gets_the_same_bytes_even_once_its_time_is_long_past() throws Exception {
        Request issue = made(clock.instant(), ISSUE_DD).withDeadline(hubTime(clock.instant().plusSeconds(5)));
        clock.advance(Duration.ofSeconds(30));
        byte[] first = answerBytes("kiosk-1", issue);
        clock.advance(Duration.ofDays(8));

        assertThat(answerBytes("kiosk-1", issue)).isEqualTo(first);
        assertThat(codec.decodeResponse(first)).isInstanceOfSatisfying(Response.Failure.class,
                failure -> assertThat(failure.code()).isEqualTo(ErrorCode.EXPIRED));
        assertThat(store.processedResponse("kiosk-1", issue.id())).hasValueSatisfying(
                stored -> assertThat(stored).isEqualTo(first));
    }

    @Test
    void a_request_taken_at_its_deadline_is_still_carried_out() throws Exception {
        Request issue = made(clock.instant(), ISSUE_DD).withDeadline(hubTime(clock.instant().plusSeconds(5)));
        clock.advance(Duration.ofSeconds(5));

        assertThat(issuedNumber(answer("kiosk-1", issue))).isEqualTo(1);
    }

    @Test
    void without_a_deadline_an_interactive_request_expires_ten_seconds_after_its_id_was_made() throws Exception {
        Request nineSecondsOld = made(clock.instant().minusSeconds(9), ISSUE_DD);
        Request elevenSecondsOld = made(clock.instant().minusSeconds(11), ISSUE_DD);

        assertThat(code(answer("kiosk-1", elevenSecondsOld))).isEqualTo(ErrorCode.EXPIRED);
        assertThat(issuedNumber(answer("kiosk-1", nineSecondsOld))).as("the expired one took no number").isEqualTo(1);
    }

    @Test
    void a_deadline_more_than_a_minute_after_the_id_is_not_honoured() throws Exception {
        Request immortal = made(clock.instant().minusSeconds(61), ISSUE_DD)
                .withDeadline(hubTime(clock.instant().plus(Duration.ofDays(365))));

        assertThat(code(answer("kiosk-1", immortal))).isEqualTo(ErrorCode.EXPIRED);
    }

    @Test
    void durable_requests_never_expire() throws Exception {
        String ticket = issuedLabel(answer("kiosk-1", made(clock.instant(), ISSUE_DD)));
        Request cancel = made(clock.instant(), new RequestBody.TicketCancel(ticket))
                .withDeadline(hubTime(clock.instant().plusSeconds(1)));
        clock.advance(Duration.ofHours(2));

        assertThat(answer("kiosk-1", cancel)).isInstanceOf(Response.Ok.class);
        assertThat(metrics.value("motcua_requests_expired_total{op=\"ticket.cancel\"}")).isZero();
    }

    @Test
    void an_id_from_1970_or_older_than_the_processed_id_retention_is_refused_and_changes_nothing() throws Exception {
        Request epoch = made(Instant.EPOCH, ISSUE_DD);
        Request eightDaysOld = made(clock.instant().minus(Duration.ofDays(8)), new RequestBody.RatingSubmit(1,
                "HAI_LONG", Optional.empty()));

        assertThat(answer("kiosk-1", epoch)).isInstanceOfSatisfying(Response.Failure.class, failure -> {
            assertThat(failure.code()).isEqualTo(ErrorCode.ID_OUT_OF_RANGE);
            assertThat(failure.message()).contains("older than 7 days").doesNotContain(epoch.id());
        });
        assertThat(code(answer("counter-1", eightDaysOld))).isEqualTo(ErrorCode.ID_OUT_OF_RANGE);
        assertThat(metrics.value("motcua_requests_id_out_of_range_total")).isEqualTo(2);
        assertThat(issuedNumber(answer("kiosk-1", made(clock.instant(), ISSUE_DD)))).isEqualTo(1);
    }

    @Test
    void an_id_two_days_ahead_of_the_hubs_clock_is_refused_and_changes_nothing() throws Exception {
        Request ahead = made(clock.instant().plus(Duration.ofDays(2)), new RequestBody.TicketCancel("1-001"));
        Request slightlyAhead = made(clock.instant().plus(Duration.ofHours(2)), ISSUE_DD);

        assertThat(code(answer("kiosk-1", ahead))).isEqualTo(ErrorCode.ID_OUT_OF_RANGE);
        assertThat(issuedNumber(answer("kiosk-1", slightlyAhead))).as("within a day ahead is accepted").isEqualTo(1);
    }

    @Test
    void every_answer_carries_the_hubs_clock_in_the_offices_offset() throws Exception {
        Response ok = answer("kiosk-1", made(clock.instant(), ISSUE_DD));
        Response refused = answer("kiosk-1", made(Instant.EPOCH, ISSUE_DD));

        OffsetDateTime nine = OffsetDateTime.parse("2026-11-23T09:00:00+07:00");
        assertThat(ok.at()).contains(nine);
        assertThat(refused.at()).contains(nine);
    }

    // ---- harness --------------------------------------------------------------------------------------------------

    /** A request whose id was made at {@code idTime}, as a unit whose clock agrees with the hub's would make it. */
    private Request made(Instant idTime, RequestBody body) {
        String id = new Ulid(Clock.fixed(idTime, ZoneOffset.UTC), random).next();
        return Request.of(id, hubTime(idTime), body);
    }

    private static OffsetDateTime hubTime(Instant instant) {
        return instant.atZone(OFFICE.zone()).toOffsetDateTime();
    }

    private Response answer(String deviceId, Request request) throws InterruptedException {
        return codec.decodeResponse(answerBytes(deviceId, request));
    }

    private byte[] answerBytes(String deviceId, Request request) throws InterruptedException {
        BlockingQueue<byte[]> answers = new LinkedBlockingQueue<>();
        writer.submit(deviceId, request, answers::add);
        byte[] answer = answers.poll(10, TimeUnit.SECONDS);
        assertThat(answer).as("answer to %s within 10 s", request.op().wireName()).isNotNull();
        return answer;
    }

    private static ErrorCode code(Response response) {
        assertThat(response).isInstanceOf(Response.Failure.class);
        return ((Response.Failure) response).code();
    }

    private static int issuedNumber(Response response) {
        return issued(response).number();
    }

    private static String issuedLabel(Response response) {
        return issued(response).ticket();
    }

    private static ResponseBody.TicketIssued issued(Response response) {
        assertThat(response).isInstanceOf(Response.Ok.class);
        return (ResponseBody.TicketIssued) ((Response.Ok) response).body();
    }

    private static String calledTicket(Response response) {
        assertThat(response).isInstanceOf(Response.Ok.class);
        return ((ResponseBody.TicketCalled) ((Response.Ok) response).body()).ticket();
    }
}
