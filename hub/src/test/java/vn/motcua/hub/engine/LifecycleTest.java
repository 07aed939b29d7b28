package vn.motcua.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.ServingPhase;

class LifecycleTest {

    private final EngineFixture f = new EngineFixture();

    @Test
    void numbers_run_per_service_from_one_with_the_service_prefix() {
        assertThat(f.issue("HT")).isEqualTo("2-001");
        assertThat(f.issue("HT")).isEqualTo("2-002");
        assertThat(f.issue("DD")).isEqualTo("1-001");
    }

    @Test
    void a_ticket_tells_how_many_are_ahead_and_the_forward_simulated_estimate() {
        f.issue("HT");
        f.issue("HT");
        f.issue("HT");
        ResponseBody.TicketIssued fourth = (ResponseBody.TicketIssued) f.handle(
                new Command.Issue("HT", Optional.empty())).answer().orElseThrow();
        assertThat(fourth.ahead()).isEqualTo(3);
        // The three idle counters serving HT (4, 5, 10) call the three ahead now; the first of them is free again
        // after HT's 10 minutes (the profile's mean: nothing learned yet today).
        assertThat(fourth.estimateMin()).contains(10);
    }

    @Test
    void an_unknown_priority_class_or_service_is_refused() {
        assertThat(f.rejection(new Command.Issue("HT", Optional.of("VIP")))).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(f.rejection(new Command.Issue("ZZ", Optional.empty()))).isEqualTo(ErrorCode.UNKNOWN_SERVICE);
    }

    @Test
    void a_service_with_no_staffed_counter_takes_no_tickets() {
        for (int counter : new int[] {4, 5, 10}) {
            f.handle(new Command.SignOut(counter));
        }
        assertThat(f.rejection(new Command.Issue("HT", Optional.empty()))).isEqualTo(ErrorCode.SERVICE_CLOSED);
        f.handle(new Command.SignIn(5, "CB-05"));
        assertThat(f.issue("HT")).isEqualTo("2-001");
    }

    @Test
    void start_done_and_the_counter_state_follow_the_ticket() {
        f.issue("HT");
        f.next(4);
        assertThat(f.engine.view().counterState(4).current()).hasValueSatisfying(c -> {
            assertThat(c.ticket()).isEqualTo("2-001");
            assertThat(c.phase()).isEqualTo(ServingPhase.CALLED);
        });
        f.handle(new Command.Start(4));
        assertThat(f.engine.view().counterState(4).current()).hasValueSatisfying(
                c -> assertThat(c.phase()).isEqualTo(ServingPhase.SERVING));
        f.handle(new Command.Done(4, Optional.of("H15.50.05.13-261123-0001")));
        assertThat(f.engine.view().counterState(4).current()).isEmpty();
        Ticket done = f.engine.state().ticket("2-001").orElseThrow();
        assertThat(done.state()).isEqualTo(TicketState.DONE);
        assertThat(done.fileCode()).contains("H15.50.05.13-261123-0001");
        assertThat(done.served()).isEqualTo(1);
    }

    @Test
    void after_the_allowed_recalls_next_records_a_no_show() {
        f.issue("HT");
        f.issue("HT");
        f.next(4);
        f.handle(new Command.Recall(4));
        f.handle(new Command.Recall(4));
        assertThat(f.rejection(new Command.Recall(4))).isEqualTo(ErrorCode.INVALID_STATE);
        f.next(4);
        assertThat(f.stateOf("2-001")).isEqualTo(TicketState.NO_SHOW);
    }

    @Test
    void next_with_a_citizen_at_the_counter_finishes_the_service_as_done() {
        f.issue("HT");
        f.issue("HT");
        f.next(4);
        f.handle(new Command.Start(4));
        f.next(4);
        assertThat(f.stateOf("2-001")).isEqualTo(TicketState.DONE);
    }

    @Test
    void a_transfer_keeps_the_original_issue_time_and_so_the_citizens_place() {
        String first = f.issue("HT");
        Instant issued = f.engine.state().ticket(first).orElseThrow().issuedAt();
        f.minutesPass(20);
        f.issue("DD");
        f.next(4);
        f.handle(new Command.Start(4));
        f.handle(new Command.Transfer(4, Optional.of("DD"), Optional.empty()));
        Ticket moved = f.engine.state().ticket(first).orElseThrow();
        assertThat(moved.service()).isEqualTo("DD");
        assertThat(moved.state()).isEqualTo(TicketState.WAITING);
        assertThat(moved.issuedAt()).isEqualTo(issued);
        assertThat(f.next(1)).as("issued 20 minutes before 1-001").isEqualTo(first);
    }

    @Test
    void a_transfer_to_a_counter_reserves_the_ticket_for_that_counter() {
        f.issue("HT");
        f.next(4);
        f.handle(new Command.Transfer(4, Optional.empty(), Optional.of(10)));
        assertThat(f.rejection(new Command.CallNext(5))).isEqualTo(ErrorCode.NO_TICKET_WAITING);
        assertThat(f.next(10)).isEqualTo("2-001");
        assertThat(f.rejection(new Command.Transfer(10, Optional.empty(), Optional.of(10)))).isEqualTo(ErrorCode.INVALID_FIELD);
    }

    @Test
    void a_citizen_on_hold_is_called_back_by_hand() {
        f.issue("HT");
        f.next(4);
        assertThat(f.rejection(new Command.Hold(4))).as("not arrived yet").isEqualTo(ErrorCode.INVALID_STATE);
        f.handle(new Command.Start(4));
        f.handle(new Command.Hold(4));
        assertThat(f.stateOf("2-001")).isEqualTo(TicketState.ON_HOLD);
        assertThat(f.engine.view().counterState(4).current()).isEmpty();
        assertThat(f.rejection(new Command.CallNext(4))).as("a held ticket is not in the queue").isEqualTo(ErrorCode.NO_TICKET_WAITING);
        f.handle(new Command.CallTicket(5, "2-001"));
        assertThat(f.stateOf("2-001")).isEqualTo(TicketState.CALLED);
    }

    @Test
    void a_next_service_in_the_same_visit_counts_the_file_and_requeues_the_ticket() {
        f.issue("HT");
        f.next(5);
        f.handle(new Command.Start(5));
        f.handle(new Command.AddService(5, "CT"));
        Ticket ticket = f.engine.state().ticket("2-001").orElseThrow();
        assertThat(ticket.served()).isEqualTo(1);
        assertThat(ticket.service()).isEqualTo("CT");
        assertThat(f.next(6)).isEqualTo("2-001");
    }

    @Test
    void only_waiting_or_held_tickets_can_be_cancelled() {
        f.issue("HT");
        f.issue("HT");
        assertThat(f.handle(new Command.Cancel("2-002")).answer()).isPresent();
        assertThat(f.stateOf("2-002")).isEqualTo(TicketState.CANCELLED);
        f.next(4);
        assertThat(f.rejection(new Command.Cancel("2-001"))).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(f.rejection(new Command.Cancel("9-999"))).isEqualTo(ErrorCode.UNKNOWN_TICKET);
    }

    @Test
    void pause_resume_and_sign_in_out_govern_calling() {
        f.issue("HT");
        f.handle(new Command.Pause(4));
        assertThat(f.handle(new Command.Pause(4)).rejection()).as("pausing twice is fine").isEmpty();
        assertThat(f.rejection(new Command.CallNext(4))).isEqualTo(ErrorCode.COUNTER_NOT_OPEN);
        f.handle(new Command.Resume(4));
        f.next(4);
        assertThat(f.rejection(new Command.SignOut(4))).as("a ticket is at the counter").isEqualTo(ErrorCode.INVALID_STATE);
        f.handle(new Command.Done(4, Optional.empty()));
        f.handle(new Command.SignOut(4));
        assertThat(f.engine.view().counterState(4).status()).isEqualTo(CounterStatus.CLOSED);
        assertThat(f.rejection(new Command.Pause(4))).isEqualTo(ErrorCode.COUNTER_NOT_OPEN);
        f.handle(new Command.SignIn(4, "CB-0123"));
        assertThat(f.engine.view().counterState(4).officer()).contains("CB-0123");
    }

    @Test
    void calls_and_ratings_are_attributed_to_the_signed_in_officer() {
        f.handle(new Command.SignIn(4, "CB-0123"));
        f.issue("HT");
        f.next(4);
        f.handle(new Command.Done(4, Optional.empty()));
        Decision rated = f.handle(new Command.Rate(4, "HAI_LONG", Optional.empty(), f.now));
        Event.RatingRecorded event = (Event.RatingRecorded) rated.events().getFirst();
        assertThat(event.rating().ticket()).contains("2-001");
        assertThat(event.rating().officer()).contains("CB-0123");
    }

    @Test
    void a_ticket_is_rated_once_and_only_with_a_level_of_the_office() {
        f.issue("HT");
        f.next(4);
        f.handle(new Command.Done(4, Optional.empty()));
        assertThat(f.rejection(new Command.Rate(4, "TUYET_VOI", Optional.empty(), f.now))).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(f.handle(new Command.Rate(4, "HAI_LONG", Optional.empty(), f.now)).answer()).isPresent();
        assertThat(f.rejection(new Command.Rate(4, "RAT_HAI_LONG", Optional.empty(), f.now))).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(f.rejection(new Command.Rate(4, "HAI_LONG", Optional.of("2-999"), f.now))).isEqualTo(ErrorCode.UNKNOWN_TICKET);
    }

    @Test
    void a_rating_that_names_no_ticket_long_after_the_last_service_is_not_rateable() {
        f.issue("HT");
        f.next(4);
        f.handle(new Command.Done(4, Optional.empty()));
        f.minutesPass(11);
        assertThat(f.rejection(new Command.Rate(4, "HAI_LONG", Optional.empty(), f.now))).isEqualTo(ErrorCode.NOT_RATEABLE);
    }

    @Test
    void only_a_ticket_served_at_that_counter_and_pressed_within_the_window_is_rateable_and_refusals_leave_the_real_rating() {
        String ticket = f.issue("HT");
        Optional<String> named = Optional.of(ticket);
        assertThat(f.rejection(new Command.Rate(4, "RAT_HAI_LONG", named, f.now))).as("waiting")
                .isEqualTo(ErrorCode.NOT_RATEABLE);
        f.next(4);
        assertThat(f.rejection(new Command.Rate(4, "RAT_HAI_LONG", named, f.now))).as("called, not yet started")
                .isEqualTo(ErrorCode.NOT_RATEABLE);
        f.handle(new Command.Start(4));
        f.handle(new Command.Done(4, Optional.empty()));
        assertThat(f.rejection(new Command.Rate(5, "RAT_HAI_LONG", named, f.now))).as("served at 4, rated as 5")
                .isEqualTo(ErrorCode.NOT_RATEABLE);
        assertThat(f.rejection(new Command.Rate(5, "RAT_HAI_LONG", Optional.empty(), f.now))).as("nothing served at 5")
                .isEqualTo(ErrorCode.NOT_RATEABLE);
        Instant inTime = f.now;
        f.minutesPass(11);
        assertThat(f.rejection(new Command.Rate(4, "RAT_HAI_LONG", named, f.now))).as("pressed after the window")
                .isEqualTo(ErrorCode.NOT_RATEABLE);

        Decision real = f.handle(new Command.Rate(4, "KHONG_HAI_LONG", named, inTime)); // pressed in time, sent late

        assertThat(real.answer()).contains(new ResponseBody.RatingRecorded("KHONG_HAI_LONG", named));
        assertThat(f.rejection(new Command.Rate(4, "RAT_HAI_LONG", named, inTime))).isEqualTo(ErrorCode.INVALID_STATE);
    }

    @Test
    void a_ticket_being_served_or_on_hold_at_the_counter_is_rateable_and_a_no_show_is_not() {
        String served = f.issue("HT");
        String absent = f.issue("HT");
        f.next(4);
        f.handle(new Command.Start(4));
        assertThat(f.handle(new Command.Rate(4, "HAI_LONG", Optional.of(served), f.now)).answer()).isPresent();
        f.handle(new Command.Hold(4));
        f.next(4);
        f.handle(new Command.NoShow(4));
        assertThat(f.stateOf(served)).isEqualTo(TicketState.ON_HOLD);
        assertThat(f.stateOf(absent)).isEqualTo(TicketState.NO_SHOW);
        assertThat(f.rejection(new Command.Rate(4, "HAI_LONG", Optional.of(absent), f.now)))
                .isEqualTo(ErrorCode.NOT_RATEABLE);
    }

    @Test
    void an_appointment_checks_in_once_on_its_day_and_gets_its_head_start_when_due() {
        Instant slot = f.now.plusSeconds(20 * 60);
        f.handle(new Command.Book("A7Q4K2M5N6P7R8S9", "HT", slot));
        String walkIn = f.issue("HT");
        f.minutesPass(8);
        ResponseBody.TicketIssued booked = (ResponseBody.TicketIssued) f.handle(
                new Command.CheckIn("A7Q4K2M5N6P7R8S9")).answer().orElseThrow();
        assertThat(f.rejection(new Command.CheckIn("A7Q4K2M5N6P7R8S9"))).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(f.rejection(new Command.CheckIn("NOT-A-TOKEN"))).isEqualTo(ErrorCode.INVALID_FIELD);
        // The slot is 11 minutes away, inside the 15-minute early window: +15 min beats the walk-in's 8 minutes.
        assertThat(f.next(4)).isEqualTo(booked.ticket());
        assertThat(f.next(5)).isEqualTo(walkIn);
    }

    @Test
    void at_the_end_of_the_day_nobody_is_lost_waiting_and_forgotten_counters_are_closed_too() {
        f.issue("HT");
        f.issue("HT");
        f.next(4);
        f.now = EngineFixture.MONDAY.plusDays(1).atTime(7, 0).atZone(EngineFixture.HCM).toInstant();
        Decision next = f.handle(new Command.Tick());
        Event.DayClosed closed = (Event.DayClosed) next.prelude().getFirst();
        assertThat(closed.ended()).extracting(Ticket::label).containsExactlyInAnyOrder("2-001", "2-002");
        assertThat(closed.ended()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TicketState.CLOSED));
        assertThat(f.engine.view().counterState(4).current()).isEmpty();
    }

    @Test
    void numbering_restarts_at_local_midnight_even_on_a_utc_clock() {
        Engine engine = new Engine(EngineFixture.DISTRICT, EngineFixture.MONDAY);
        OpenCounters.at(engine, Instant.parse("2026-11-23T00:30:00Z"));
        // 16:59:30 UTC is 23:59:30 in Ho Chi Minh City; 17:00:10 UTC is already Tuesday there.
        Decision late = engine.handle(new Command.Issue("HT", Optional.empty()), Instant.parse("2026-11-23T16:59:30Z"));
        Decision signIn = engine.handle(new Command.SignIn(4, "CB-04"), Instant.parse("2026-11-23T17:00:10Z"));
        Decision early = engine.handle(new Command.Issue("HT", Optional.empty()), Instant.parse("2026-11-23T17:00:30Z"));
        assertThat(((ResponseBody.TicketIssued) late.answer().orElseThrow()).ticket()).isEqualTo("2-001");
        assertThat(((ResponseBody.TicketIssued) early.answer().orElseThrow()).ticket()).isEqualTo("2-001");
        assertThat(engine.state().day()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(signIn.prelude()).hasSize(2).first().isInstanceOf(Event.DayClosed.class);
    }

    @Test
    void every_counter_starts_an_office_day_closed_with_nobody_signed_in_so_no_service_takes_tickets() {
        Engine engine = new Engine(EngineFixture.DISTRICT, EngineFixture.MONDAY);
        assertThat(engine.state().counters()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CounterStatus.CLOSED);
            assertThat(c.officer()).isEmpty();
        });
        assertThat(engine.view().catalogue(Instant.parse("2026-11-23T00:30:00Z")).services())
                .allSatisfy(s -> assertThat(s.open()).isFalse());
        assertThat(engine.handle(new Command.Issue("HT", Optional.empty()), Instant.parse("2026-11-23T00:30:00Z"))
                .rejection().orElseThrow().code()).isEqualTo(ErrorCode.SERVICE_CLOSED);

        engine.handle(new Command.SignIn(4, "CB-04"), Instant.parse("2026-11-23T00:31:00Z"));
        engine.handle(new Command.Resume(5), Instant.parse("2026-11-23T00:32:00Z"));
        engine.handle(new Command.Pause(5), Instant.parse("2026-11-23T00:33:00Z"));
        // Tuesday 00:00:20 in Ho Chi Minh City: the officer of yesterday is not at the counter today.
        engine.handle(new Command.Tick(), Instant.parse("2026-11-23T17:00:20Z"));
        assertThat(engine.state().counters()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CounterStatus.CLOSED);
            assertThat(c.officer()).isEmpty();
        });
    }
}
