package vn.motcua.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.Rules;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.ResponseBody;

/** Number leases and offline tickets at the district office (HT: prefix 2, numbers 1-999, counters 4, 5, 10). */
class OfflineTicketsTest {

    private final EngineFixture f = new EngineFixture();

    @Test
    void leases_are_cut_from_the_top_downwards_each_kiosk_its_own_block_capped_by_the_rule() {
        assertThat(lease("kiosk-01", "HT", 20)).isEqualTo(new ResponseBody.LeaseGranted("HT", 980, 999, EngineFixture.MONDAY));
        assertThat(lease("kiosk-02", "HT", 500)).isEqualTo(new ResponseBody.LeaseGranted("HT", 930, 979, EngineFixture.MONDAY));
        assertThat(lease("kiosk-01", "HT", 10)).as("a second block before the first is used up")
                .isEqualTo(new ResponseBody.LeaseGranted("HT", 920, 929, EngineFixture.MONDAY));
        assertThat(lease("kiosk-01", "DD", 5)).as("per service").isEqualTo(new ResponseBody.LeaseGranted("DD", 995, 999,
                EngineFixture.MONDAY));
        assertThat(f.engine.state().leases().blocks()).extracting(Lease::device)
                .containsExactly("kiosk-01", "kiosk-02", "kiosk-01", "kiosk-01");
    }

    @Test
    void a_lease_renewal_is_refused_for_an_unknown_service_or_when_the_office_does_not_print_offline() {
        assertThat(f.rejection(new Command.RenewLease("kiosk-01", "ZZ", 10))).isEqualTo(ErrorCode.UNKNOWN_SERVICE);
        EngineFixture noOffline = new EngineFixture(office(false, 50, 1, 999));
        assertThat(noOffline.rejection(new Command.RenewLease("kiosk-01", "HT", 10))).isEqualTo(ErrorCode.NOT_SUPPORTED);
    }

    @Test
    void tickets_printed_from_a_lease_granted_before_offline_printing_was_turned_off_are_still_taken() {
        EngineFixture noOffline = new EngineFixture(office(false, 50, 1, 999));
        Lease before = new Lease("kiosk-01", "HT", EngineFixture.MONDAY, 990, 999);
        noOffline.engine.replay(Optional.empty(), List.of(new Event.LeaseGranted(before, noOffline.now)));
        Decision d = noOffline.handle(new Command.IssueOffline("kiosk-01", "HT", 990, noOffline.now, Optional.empty()));
        assertThat(((ResponseBody.TicketIssued) d.answer().orElseThrow()).ticket()).isEqualTo("2-990");
    }

    @Test
    void online_numbers_stay_below_the_leased_blocks_and_blocks_above_the_online_numbers() {
        EngineFixture narrow = new EngineFixture(office(true, 4, 1, 10));
        assertThat(narrow.issue("HT")).isEqualTo("2-001");
        assertThat(answer(narrow, new Command.RenewLease("kiosk-01", "HT", 50)))
                .isEqualTo(new ResponseBody.LeaseGranted("HT", 7, 10, EngineFixture.MONDAY));
        assertThat(answer(narrow, new Command.RenewLease("kiosk-02", "HT", 4)))
                .isEqualTo(new ResponseBody.LeaseGranted("HT", 3, 6, EngineFixture.MONDAY));
        assertThat(narrow.issue("HT")).isEqualTo("2-002");
        assertThat(narrow.handle(new Command.Issue("HT", Optional.empty())).rejection()).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.SERVICE_CLOSED);
            assertThat(r.message()).contains("used up");
        });
        assertThat(narrow.rejection(new Command.RenewLease("kiosk-01", "HT", 1))).isEqualTo(ErrorCode.SERVICE_CLOSED);
    }

    @Test
    void an_offline_ticket_is_queued_at_its_printed_time_marked_offline_and_answered_with_its_printed_label() {
        lease("kiosk-01", "HT", 50);
        f.minutesPass(30);
        Instant printed = f.now.minusSeconds(20 * 60);
        f.issue("HT"); // online, after the offline one was printed
        Decision d = f.handle(new Command.IssueOffline("kiosk-01", "HT", 951, printed, Optional.of("ELDERLY")));
        ResponseBody.TicketIssued answer = (ResponseBody.TicketIssued) d.answer().orElseThrow();
        assertThat(answer.ticket()).isEqualTo("2-951");
        assertThat(answer.number()).isEqualTo(951);
        assertThat(answer.ahead()).as("the online ticket came later").isZero();
        assertThat(answer.issuedAt().toInstant()).isEqualTo(printed);
        assertThat(answer.priority()).contains("ELDERLY");
        Ticket ticket = f.engine.state().ticket("2-951").orElseThrow();
        assertThat(ticket.offline()).isTrue();
        assertThat(ticket.state()).isEqualTo(TicketState.WAITING);
        assertThat(ticket.issuedAt()).isEqualTo(printed);
        assertThat(f.next(4)).as("printed before the online ticket, so called before it").isEqualTo("2-951");
        assertThat(f.next(5)).isEqualTo("2-001");
        assertThat(f.issue("HT")).as("online numbering goes on below the lease").isEqualTo("2-002");
    }

    @Test
    void a_kiosk_clock_ahead_of_the_hub_queues_the_ticket_at_the_hubs_now() {
        lease("kiosk-01", "HT", 5);
        Decision d = f.handle(new Command.IssueOffline("kiosk-01", "HT", 995, f.now.plusSeconds(3600), Optional.empty()));
        assertThat(((ResponseBody.TicketIssued) d.answer().orElseThrow()).issuedAt().toInstant()).isEqualTo(f.now);
        assertThat(f.engine.state().ticket("2-995").orElseThrow().issuedAt()).isEqualTo(f.now);
    }

    @Test
    void an_offline_ticket_printed_after_the_hubs_office_day_is_refused_naming_issued_at_and_changes_nothing() {
        lease("kiosk-01", "HT", 5);
        Instant in2099 = Instant.parse("2099-11-23T01:00:00Z");
        Decision d = f.handle(new Command.IssueOffline("kiosk-01", "HT", 995, in2099, Optional.empty()));
        assertThat(d.rejection()).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(r.message()).startsWith("body.issuedAt must fall within the day of the lease");
        });
        assertThat(f.engine.state().ticket("2-995")).isEmpty();
        Decision tomorrow = f.handle(new Command.IssueOffline("kiosk-01", "HT", 995, f.now.plusSeconds(24 * 3600),
                Optional.empty()));
        assertThat(tomorrow.rejection()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(ErrorCode.INVALID_FIELD));
    }

    @Test
    void a_kiosk_holds_at_most_the_lease_cap_of_unused_numbers_so_renewing_again_and_again_drains_nothing() {
        assertThat(lease("kiosk-01", "HT", 30)).isEqualTo(new ResponseBody.LeaseGranted("HT", 970, 999, EngineFixture.MONDAY));
        assertThat(lease("kiosk-01", "HT", 30)).as("topped up to the cap of 50")
                .isEqualTo(new ResponseBody.LeaseGranted("HT", 950, 969, EngineFixture.MONDAY));
        for (int i = 0; i < 20; i++) {
            assertThat(f.rejection(new Command.RenewLease("kiosk-01", "HT", 30))).isEqualTo(ErrorCode.TOO_MANY_TICKETS);
        }
        assertThat(f.engine.state().leases().blocks()).hasSize(2);
        f.handle(offline("kiosk-01", "HT", 999));
        assertThat(lease("kiosk-01", "HT", 30)).as("one number printed, one more may be held")
                .isEqualTo(new ResponseBody.LeaseGranted("HT", 949, 949, EngineFixture.MONDAY));
        assertThat(lease("kiosk-02", "HT", 30)).as("another kiosk has its own cap")
                .isEqualTo(new ResponseBody.LeaseGranted("HT", 919, 948, EngineFixture.MONDAY));
    }

    @Test
    void a_number_not_leased_to_this_kiosk_for_that_service_today_is_an_invalid_field() {
        lease("kiosk-01", "HT", 10);
        lease("kiosk-02", "HT", 10);
        assertThat(f.rejection(offline("kiosk-01", "HT", 985))).as("kiosk-02's block").isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(f.rejection(offline("kiosk-01", "HT", 5))).as("nobody's").isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(f.rejection(offline("kiosk-01", "DD", 995))).as("another service").isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(f.rejection(offline("kiosk-03", "HT", 995))).as("another kiosk").isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(f.engine.state().tickets()).isEmpty();
    }

    @Test
    void a_number_synced_before_is_an_invalid_state_and_an_unknown_service_or_priority_is_refused() {
        lease("kiosk-01", "HT", 10);
        assertThat(f.handle(offline("kiosk-01", "HT", 999)).answer()).isPresent();
        assertThat(f.rejection(offline("kiosk-01", "HT", 999))).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(f.rejection(offline("kiosk-01", "ZZ", 999))).isEqualTo(ErrorCode.UNKNOWN_SERVICE);
        assertThat(f.rejection(new Command.IssueOffline("kiosk-01", "HT", 998, f.now, Optional.of("VIP"))))
                .isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(f.engine.state().tickets()).extracting(Ticket::label).containsExactly("2-999");
    }

    @Test
    void a_ticket_printed_on_the_last_office_day_is_recorded_there_as_not_served_and_refused_as_late() {
        lease("kiosk-01", "HT", 10);
        Instant printed = f.now;
        f.minutesPass(24 * 60);
        Decision late = f.handle(new Command.IssueOffline("kiosk-01", "HT", 995, printed, Optional.empty()));
        assertThat(late.prelude()).as("a new office day opened first").isNotEmpty();
        assertThat(late.rejection()).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(r.message()).contains("recorded");
        });
        assertThat(late.events()).singleElement().isInstanceOfSatisfying(Event.OfflineTicketSynced.class, e -> {
            assertThat(e.device()).isEqualTo("kiosk-01");
            assertThat(e.ticket().day()).isEqualTo(EngineFixture.MONDAY);
            assertThat(e.ticket().label()).isEqualTo("2-995");
            assertThat(e.ticket().state()).isEqualTo(TicketState.CLOSED);
            assertThat(e.ticket().issuedAt()).isEqualTo(printed);
            assertThat(e.ticket().offline()).isTrue();
        });
        assertThat(f.engine.state().tickets()).as("not in today's queue").isEmpty();
        assertThat(f.engine.state().closedLeases().wasSynced("HT", 995)).isTrue();

        Decision again = f.handle(new Command.IssueOffline("kiosk-01", "HT", 995, printed, Optional.empty()));
        assertThat(again.rejection().orElseThrow().code()).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(again.events()).as("recorded once").isEmpty();
        assertThat(f.rejection(new Command.IssueOffline("kiosk-01", "HT", 994, f.now, Optional.empty())))
                .as("yesterday's block is not today's").isEqualTo(ErrorCode.INVALID_FIELD);
    }

    @Test
    void a_ticket_printed_before_the_last_office_day_is_refused_and_not_recorded() {
        lease("kiosk-01", "HT", 10);
        Instant printed = f.now;
        f.minutesPass(24 * 60);
        f.handle(new Command.Tick());
        f.minutesPass(24 * 60);
        Decision old = f.handle(new Command.IssueOffline("kiosk-01", "HT", 995, printed, Optional.empty()));
        assertThat(old.rejection().orElseThrow().code()).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(old.events()).isEmpty();
    }

    @Test
    void a_new_office_day_starts_with_no_leases_and_keeps_the_closed_days_aside() {
        lease("kiosk-01", "HT", 10);
        LeaseDay monday = f.engine.state().leases();
        f.minutesPass(24 * 60);
        f.handle(new Command.Tick());
        assertThat(f.engine.state().leases()).isEqualTo(LeaseDay.none(EngineFixture.MONDAY.plusDays(1)));
        assertThat(f.engine.state().closedLeases()).isEqualTo(monday);
        assertThat(lease("kiosk-01", "HT", 10)).as("numbers are the day's again")
                .isEqualTo(new ResponseBody.LeaseGranted("HT", 990, 999, EngineFixture.MONDAY.plusDays(1)));
    }

    @Test
    void replaying_the_events_rebuilds_the_leases_and_the_offline_tickets() {
        Engine replayed = new Engine(EngineFixture.DISTRICT, EngineFixture.MONDAY);
        Engine live = new Engine(EngineFixture.DISTRICT, EngineFixture.MONDAY);
        List<Command> commands = List.of(new Command.RenewLease("kiosk-01", "HT", 10), offline("kiosk-01", "HT", 999));
        for (Command command : commands) {
            Decision d = live.handle(command, f.now);
            replayed.replay(d.actor(), d.events());
        }
        assertThat(live.state().tickets()).extracting(Ticket::label).containsExactly("2-999");
        assertThat(replayed.state().snapshot()).isEqualTo(live.state().snapshot());
    }

    private ResponseBody.LeaseGranted lease(String device, String service, int size) {
        return answer(f, new Command.RenewLease(device, service, size));
    }

    private static ResponseBody.LeaseGranted answer(EngineFixture fixture, Command.RenewLease renew) {
        Decision d = fixture.handle(renew);
        return (ResponseBody.LeaseGranted) d.answer().orElseThrow(() -> new AssertionError(d.rejection()));
    }

    private Command.IssueOffline offline(String device, String service, int number) {
        return new Command.IssueOffline(device, service, number, f.now, Optional.empty());
    }

    /** The district office with offline printing on or off, a lease cap, and HT's numbers narrowed. */
    private static Office office(boolean offlinePrinting, int leaseMax, int first, int last) {
        Office d = EngineFixture.DISTRICT;
        Rules r = d.rules();
        Rules rules = new Rules(r.priorityClasses(), r.ratingLevels(), r.ratingWindow(), r.recallsBeforeNoShow(),
                r.undoWindow(), r.closingRule(), r.starvationCap(), r.skillStep(), r.appointmentEarly(),
                r.appointmentLate(), r.policy(), offlinePrinting, leaseMax, r.lastCallBeforeClose(), r.shortJobHeadStart(), r.unitLimits());
        List<Office.Service> services = d.services().stream().map(s -> s.code().equals("HT")
                ? new Office.Service(s.code(), s.prefix(), s.nameVi(), s.nameEn(), s.share(), s.meanMinutes(), first, last)
                : s).toList();
        return new Office(d.id(), d.name(), d.zone(), d.hours(), d.days(), d.visitsPerDay(), services, d.counters(),
                d.priorityShare(), d.appointmentShare(), d.noShowShare(), d.arrivalsByHalfHour(), rules,
                d.bindings());
    }
}
