package vn.motcua.hub.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.ServingPhase;

class DeskTest {

    // District office: HT (prefix 2) is served by counters 4, 5 and 10; DD (prefix 1) by 1, 2, 3, 9, 10.
    private static final Office OFFICE = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant MORNING = LocalDate.of(2026, 11, 23).atTime(8, 0).atZone(HCM).toInstant();

    private final Desk desk = new Desk(OFFICE, LocalDate.of(2026, 11, 23));
    private Instant now = MORNING;

    private Outcome handle(RequestBody body) {
        now = now.plusSeconds(30);
        return desk.handle(body, now);
    }

    private String issue(String service, String... priority) {
        Outcome outcome = handle(new RequestBody.TicketIssue(service, Optional.ofNullable(priority.length == 0 ? null : priority[0])));
        return ((ResponseBody.TicketIssued) outcome.body().orElseThrow()).ticket();
    }

    private ResponseBody.TicketCalled next(int counter) {
        return (ResponseBody.TicketCalled) handle(new RequestBody.CounterNext(counter)).body().orElseThrow();
    }

    private ErrorCode rejection(RequestBody body) {
        return handle(body).rejection().orElseThrow().code();
    }

    @Test
    void numbers_run_per_service_from_one_with_the_service_prefix() {
        assertThat(issue("HT")).isEqualTo("2-001");
        assertThat(issue("HT")).isEqualTo("2-002");
        assertThat(issue("DD")).isEqualTo("1-001");
    }

    @Test
    void a_ticket_tells_how_many_are_ahead_and_the_baseline_estimate() {
        issue("HT");
        issue("HT");
        ResponseBody.TicketIssued third = (ResponseBody.TicketIssued) handle(
                new RequestBody.TicketIssue("HT", Optional.empty())).body().orElseThrow();
        assertThat(third.ahead()).isEqualTo(2);
        // 2 ahead × 10 min ÷ 3 open counters serving HT (4, 5, 10) = 6.7 → 7
        assertThat(third.estimateMin()).contains(7);
    }

    @Test
    void next_calls_the_earliest_waiting_ticket_of_a_service_the_counter_serves() {
        issue("DD");
        issue("HT");
        issue("HT");
        assertThat(next(4).ticket()).isEqualTo("2-001");
        assertThat(next(1).ticket()).isEqualTo("1-001");
        assertThat(rejection(new RequestBody.CounterNext(1))).isEqualTo(ErrorCode.NO_TICKET_WAITING);
    }

    @Test
    void a_priority_ticket_is_called_before_earlier_regular_ones() {
        issue("HT");
        issue("HT", "ELDERLY");
        assertThat(next(4).ticket()).isEqualTo("2-002");
    }

    @Test
    void pressing_next_finishes_the_current_ticket_and_two_counters_never_share_one() {
        issue("HT");
        issue("HT");
        assertThat(next(4).ticket()).isEqualTo("2-001");
        assertThat(next(5).ticket()).isEqualTo("2-002");
        Outcome again = handle(new RequestBody.CounterNext(4));
        assertThat(again.rejection()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(ErrorCode.NO_TICKET_WAITING));
        assertThat(desk.ticket("2-001").orElseThrow().state()).isEqualTo(TicketState.CALLED);
        issue("HT");
        next(4);
        assertThat(desk.ticket("2-001").orElseThrow().state()).isEqualTo(TicketState.DONE);
    }

    @Test
    void start_done_and_the_counter_state_follow_the_ticket() {
        issue("HT");
        next(4);
        assertThat(desk.view().counterState(4, now).current()).hasValueSatisfying(c -> {
            assertThat(c.ticket()).isEqualTo("2-001");
            assertThat(c.phase()).isEqualTo(ServingPhase.CALLED);
        });
        handle(new RequestBody.CounterStart(4));
        assertThat(desk.view().counterState(4, now).current()).hasValueSatisfying(
                c -> assertThat(c.phase()).isEqualTo(ServingPhase.SERVING));
        handle(new RequestBody.CounterDone(4, Optional.of("H15.50.05.13-261123-0001")));
        assertThat(desk.view().counterState(4, now).current()).isEmpty();
        assertThat(desk.ticket("2-001").orElseThrow().state()).isEqualTo(TicketState.DONE);
    }

    @Test
    void no_show_is_only_for_a_citizen_who_did_not_come() {
        issue("HT");
        next(4);
        handle(new RequestBody.CounterStart(4));
        assertThat(rejection(new RequestBody.CounterNoShow(4))).isEqualTo(ErrorCode.INVALID_STATE);
        issue("HT");
        next(4);
        assertThat(handle(new RequestBody.CounterNoShow(4)).body()).isPresent();
        assertThat(desk.ticket("2-002").orElseThrow().state()).isEqualTo(TicketState.NO_SHOW);
    }

    @Test
    void recall_announces_again_and_counts() {
        issue("HT");
        next(4);
        ResponseBody.TicketCalled recalled = (ResponseBody.TicketCalled) handle(new RequestBody.CounterRecall(4)).body().orElseThrow();
        assertThat(recalled.recalls()).isEqualTo(1);
        assertThat(desk.view().board(1, now).recentCalls()).first().satisfies(call -> assertThat(call.recall()).isTrue());
    }

    @Test
    void a_paused_counter_cannot_call_until_it_resumes() {
        issue("HT");
        handle(new RequestBody.CounterPause(4, Optional.of("họp")));
        assertThat(desk.view().counterState(4, now).status()).isEqualTo(CounterStatus.PAUSED);
        assertThat(rejection(new RequestBody.CounterNext(4))).isEqualTo(ErrorCode.COUNTER_NOT_OPEN);
        handle(new RequestBody.CounterResume(4));
        assertThat(next(4).ticket()).isEqualTo("2-001");
    }

    @Test
    void a_rejected_request_changes_nothing() {
        issue("HT");
        Outcome unknown = handle(new RequestBody.CounterNext(42));
        assertThat(unknown.rejection()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(ErrorCode.UNKNOWN_COUNTER));
        assertThat(unknown.changedTickets()).isEmpty();
        assertThat(unknown.changedCounters()).isEmpty();
        assertThat(rejection(new RequestBody.TicketIssue("ZZ", Optional.empty()))).isEqualTo(ErrorCode.UNKNOWN_SERVICE);
        assertThat(desk.view().waiting("HT")).isEqualTo(1);
    }

    @Test
    void a_rating_belongs_to_the_ticket_last_served_at_that_counter() {
        issue("HT");
        next(4);
        handle(new RequestBody.CounterDone(4, Optional.empty()));
        Outcome rated = handle(new RequestBody.RatingSubmit(4, "RAT_HAI_LONG", Optional.empty()));
        assertThat(rated.rating()).hasValueSatisfying(r -> assertThat(r.ticket()).contains("2-001"));
    }

    @Test
    void a_ticket_is_rated_once_and_only_with_a_level_of_the_office() {
        issue("HT");
        next(4);
        handle(new RequestBody.CounterDone(4, Optional.empty()));
        assertThat(rejection(new RequestBody.RatingSubmit(4, "TUYET_VOI", Optional.empty()))).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(handle(new RequestBody.RatingSubmit(4, "HAI_LONG", Optional.empty())).rating()).isPresent();
        assertThat(rejection(new RequestBody.RatingSubmit(4, "RAT_HAI_LONG", Optional.empty()))).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(rejection(new RequestBody.RatingSubmit(4, "HAI_LONG", Optional.of("2-999")))).isEqualTo(ErrorCode.UNKNOWN_TICKET);
    }

    @Test
    void a_rating_long_after_the_last_service_counts_but_is_linked_to_no_ticket() {
        issue("HT");
        next(4);
        handle(new RequestBody.CounterDone(4, Optional.empty()));
        now = now.plus(OFFICE.ratingWindow()).plusSeconds(60);
        Outcome late = handle(new RequestBody.RatingSubmit(4, "HAI_LONG", Optional.empty()));
        assertThat(late.rating()).hasValueSatisfying(r -> assertThat(r.ticket()).isEmpty());
    }

    @Test
    void only_an_open_counter_can_pause() {
        handle(new RequestBody.CounterPause(4, Optional.empty()));
        assertThat(rejection(new RequestBody.CounterPause(4, Optional.empty()))).isEqualTo(ErrorCode.COUNTER_NOT_OPEN);
    }

    @Test
    void numbering_restarts_at_local_midnight_even_on_a_utc_clock() {
        // 16:59:30 UTC is 23:59:30 in Ho Chi Minh City; 17:00:30 UTC is already tomorrow there.
        Instant beforeMidnight = Instant.parse("2026-11-23T16:59:30Z");
        Instant afterMidnight = Instant.parse("2026-11-23T17:00:30Z");
        Outcome late = desk.handle(new RequestBody.TicketIssue("HT", Optional.empty()), beforeMidnight);
        Outcome early = desk.handle(new RequestBody.TicketIssue("HT", Optional.empty()), afterMidnight);
        Outcome second = desk.handle(new RequestBody.TicketIssue("HT", Optional.empty()), afterMidnight.plusSeconds(1));
        assertThat(((ResponseBody.TicketIssued) late.body().orElseThrow()).ticket()).isEqualTo("2-001");
        assertThat(((ResponseBody.TicketIssued) early.body().orElseThrow()).ticket()).isEqualTo("2-001");
        assertThat(((ResponseBody.TicketIssued) second.body().orElseThrow()).ticket()).isEqualTo("2-002");
        assertThat(early.changedTickets()).singleElement().satisfies(t -> assertThat(t.day()).isEqualTo(LocalDate.of(2026, 11, 24)));
    }

    @Test
    void operations_of_later_issues_are_refused_with_not_supported() {
        assertThat(rejection(new RequestBody.CounterHold(4, Optional.empty()))).isEqualTo(ErrorCode.NOT_SUPPORTED);
    }
}
