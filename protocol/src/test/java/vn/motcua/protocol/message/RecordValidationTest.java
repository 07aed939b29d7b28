package vn.motcua.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.protocol.message.Samples.ID;
import static vn.motcua.protocol.message.Samples.T0;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.ProtocolException;

/** The records refuse invalid values when built, so a party can never send what it could not receive. */
class RecordValidationTest {

    @Test
    void a_request_body_built_with_bad_fields_is_refused_with_the_field_name() {
        assertInvalid(() -> new RequestBody.CounterNext(0), "body.counter");
        assertInvalid(() -> new RequestBody.TicketIssue(null, Optional.empty()), "body.service");
        assertInvalid(() -> new RequestBody.TicketIssue("HT", Optional.of("vip")), "body.priority");
        assertInvalid(() -> new RequestBody.CounterCallTicket(4, "2001"), "body.ticket");
        assertInvalid(() -> new RequestBody.AppointmentCheckin("t".repeat(501)), "body.token");
        assertInvalid(() -> new RequestBody.TicketIssueOffline("HT", 1, null, Optional.empty()), "body.issuedAt");
        assertInvalid(() -> new RequestBody.LeaseRenew("HT", 0), "body.size");
        assertInvalid(() -> new RequestBody.RatingSubmit(4, "HAI_LONG", Optional.of("x")), "body.ticket");
        assertInvalid(() -> new RequestBody.CounterTransfer(4, Optional.of("CT"), Optional.of(5)), "body.toService");
        assertInvalid(() -> new RequestBody.CounterTransfer(4, Optional.empty(), Optional.of(0)), "body.toCounter");
        assertInvalid(() -> new RequestBody.CounterSignIn(4, "Nguyễn Thị Lan"), "body.officer");
        assertInvalid(() -> new RequestBody.CounterSignIn(4, null), "body.officer");
        assertInvalid(() -> new RequestBody.CounterSignIn(0, "lan.nt"), "body.counter");
        assertInvalid(() -> new RequestBody.CounterSignOut(1000), "body.counter");
        assertInvalid(() -> new RequestBody.CounterUndo(-4), "body.counter");
        assertInvalid(() -> new RequestBody.CounterAddService(4, null), "body.service");
        assertInvalid(() -> new RequestBody.CounterAddService(4, "Chứng thực"), "body.service");
        assertInvalid(() -> new RequestBody.TicketCancel(null), "body.ticket");
        assertInvalid(() -> new RequestBody.TicketCancel("2031"), "body.ticket");
    }

    @Test
    void a_staff_code_is_a_letter_or_digit_then_up_to_31_letters_digits_dots_underscores_or_dashes() {
        for (String good : List.of("lan.nt", "CB-042", "0417", "nguyen_thi_lan", "a", "A" + "b.-_".repeat(7) + "xyz")) {
            assertThat(new RequestBody.CounterSignIn(4, good).officer()).isEqualTo(good);
            assertThat(Codes.isOfficer(good)).as(good).isTrue();
        }
        for (String bad : List.of("", ".lan", "-042", "_x", "lan nt", "lan.nt ", "lân.nt", "lan/nt", "lan@ubnd",
                "a".repeat(33), "{site}", "lan\nnt")) {
            assertInvalid(() -> new RequestBody.CounterSignIn(4, bad), "body.officer");
            assertThat(Codes.isOfficer(bad)).as(bad).isFalse();
        }
        assertThat(Codes.isOfficer(null)).isFalse();
    }

    @Test
    void null_optionals_are_treated_as_absent() {
        assertThat(new RequestBody.TicketIssue("HT", null).priority()).isEmpty();
        assertThat(new RequestBody.CounterDone(4, null).fileCode()).isEmpty();
        assertThat(new Request(ID, Operation.COUNTER_NEXT, null, new RequestBody.CounterNext(4)).ts()).isEmpty();
        assertThat(new CounterState(4, CounterStatus.CLOSED, null, T0).current()).isEmpty();
        assertThat(new CounterState(4, CounterStatus.CLOSED, Optional.empty(), T0, null).officer()).isEmpty();
        assertThat(new DeviceStatus(false, null, null, null)).isEqualTo(DeviceStatus.offline());
        assertThat(new Response.Failure(null, null, ErrorCode.INTERNAL, "x").id()).isEmpty();
    }

    @Test
    void exactly_the_operations_a_person_stands_waiting_for_are_interactive() {
        assertThat(Arrays.stream(Operation.values()).filter(op -> !op.interactive()))
                .containsExactlyInAnyOrder(Operation.RATING_SUBMIT, Operation.TICKET_ISSUE_OFFLINE, Operation.TICKET_CANCEL);
        assertThat(Arrays.stream(Operation.values()).filter(op -> op.wireName().startsWith("counter.")))
                .allMatch(Operation::interactive);
        assertThat(List.of(Operation.TICKET_ISSUE, Operation.APPOINTMENT_CHECKIN, Operation.LEASE_RENEW))
                .allMatch(Operation::interactive);
    }

    @Test
    void a_request_must_carry_the_body_its_operation_takes() {
        assertThatThrownBy(() -> new Request(ID, Operation.COUNTER_DONE, Optional.empty(), new RequestBody.CounterNext(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counter.done takes a CounterDone");
        assertInvalid(() -> Request.of("not-a-ulid", T0, new RequestBody.CounterNext(4)), "id");
        assertInvalid(() -> new Request(ID, null, Optional.empty(), new RequestBody.CounterNext(4)), "op");
        assertInvalid(() -> new Request(ID, Operation.COUNTER_NEXT, Optional.empty(), null), "body");
    }

    @Test
    void a_success_must_carry_the_body_its_operation_answers_with() {
        assertThatThrownBy(() -> new Response.Ok(ID, Operation.COUNTER_START, Samples.fullResponseBody(Operation.COUNTER_NEXT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counter.start answers with a CounterUpdated");
        assertInvalid(() -> new Response.Ok("x", Operation.COUNTER_NEXT, Samples.fullResponseBody(Operation.COUNTER_NEXT)), "id");
    }

    @Test
    void a_failure_needs_a_code_and_a_message() {
        assertInvalid(() -> new Response.Failure(Optional.empty(), Optional.empty(), null, "m"), "error.code");
        assertInvalid(() -> new Response.Failure(Optional.empty(), Optional.empty(), ErrorCode.INTERNAL, null), "error.message");
    }

    @Test
    void a_failure_answers_a_decoded_request_with_its_id_and_op() {
        Request request = Samples.request(Samples.fullRequestBody(Operation.COUNTER_NEXT));
        Response.Failure failure = Response.Failure.of(request, ErrorCode.NO_TICKET_WAITING, "Không có ai chờ");
        assertThat(failure.id()).contains(ID);
        assertThat(failure.op()).contains(Operation.COUNTER_NEXT);
    }

    @Test
    void a_failure_built_from_a_rejection_drops_an_operation_it_does_not_know() {
        ProtocolException rejection = new ProtocolException(ErrorCode.UNKNOWN_OPERATION, "unknown").about(ID, "counter.fly");
        assertThat(Response.Failure.of(rejection)).isEqualTo(new Response.Failure(Optional.of(ID), Optional.empty(),
                ErrorCode.UNKNOWN_OPERATION, "unknown"));
    }

    @Test
    void response_bodies_refuse_bad_values() {
        assertInvalid(() -> new ResponseBody.TicketIssued("2-001", "HT", 0, 0, Optional.empty(), T0, Optional.empty(),
                Optional.empty()), "body.number");
        assertInvalid(() -> new ResponseBody.TicketIssued("2-001", "HT", 1, -1, Optional.empty(), T0, Optional.empty(),
                Optional.empty()), "body.ahead");
        assertInvalid(() -> new ResponseBody.TicketIssued("2-001", "HT", 1, 0, Optional.of(-1), T0, Optional.empty(),
                Optional.empty()), "body.estimateMin");
        assertInvalid(() -> new ResponseBody.TicketCalled("2-001", "HT", 4, -1, T0), "body.recalls");
        assertInvalid(() -> new ResponseBody.CounterUpdated(null), "body.state");
        assertInvalid(() -> new ResponseBody.LeaseGranted("HT", 10, 9, LocalDate.of(2026, 11, 23)), "body.last");
        assertInvalid(() -> new ResponseBody.LeaseGranted("HT", 1, 99_999, null), "body.day");
        assertInvalid(() -> new ResponseBody.RatingRecorded("ok", Optional.empty()), "body.level");
        assertInvalid(() -> new ResponseBody.TicketCancelled("2031", "HT"), "body.ticket");
        assertInvalid(() -> new ResponseBody.TicketCancelled("2-031", null), "body.service");
    }

    @Test
    void state_records_refuse_bad_values() {
        assertInvalid(() -> new CounterState(1000, CounterStatus.OPEN, Optional.empty(), T0), "counter");
        assertInvalid(() -> new CounterState(4, null, Optional.empty(), T0), "status");
        assertInvalid(() -> new CounterState(4, CounterStatus.OPEN, Optional.empty(), T0, Optional.of("")), "officer");
        assertInvalid(() -> new CounterState(4, CounterStatus.OPEN, Optional.empty(), T0, Optional.of("Chị Lan")),
                "officer");
        assertInvalid(() -> new CounterState.Current("2-001", "HT", ServingPhase.CALLED, -1, T0), "current.recalls");
        assertInvalid(() -> new Board("x", -1, List.of(), List.of(), T0), "sequence");
        assertInvalid(() -> new Board("x", Long.MIN_VALUE, List.of(), List.of(), T0), "sequence");
        assertInvalid(() -> new Board.Call("2-001", 0, false, T0), "call.counter");
        assertInvalid(() -> new ServiceCatalogue.Entry("HT", "2", "n".repeat(501), "e", true, 0, Optional.empty()),
                "service.nameVi");
        assertInvalid(() -> new ServiceCatalogue.Entry("HT", "2", "n", "e", true, -1, Optional.empty()), "service.waiting");
        assertInvalid(() -> new EventBody.Health(-1, 0, 0), "body.uptimeSeconds");
        assertInvalid(() -> new EventBody.Health(Integer.MIN_VALUE * 2L, 0, 0), "body.uptimeSeconds");
        assertInvalid(() -> new EventBody.PrinterStatus(null, false, true), "body.paper");
        assertInvalid(() -> new Event("x", T0, Samples.eventBody(EventType.HEALTH)), "id");
        assertInvalid(() -> new DeviceStatus(true, Optional.empty(), Optional.of("f".repeat(501)), Optional.empty()), "firmware");
    }

    @Test
    void a_counter_state_built_the_first_releases_way_has_no_officer() {
        CounterState old = new CounterState(4, CounterStatus.OPEN, Optional.empty(), T0);
        assertThat(old).isEqualTo(new CounterState(4, CounterStatus.OPEN, Optional.empty(), T0, Optional.empty()));
        assertThat(old.officer()).isEmpty();
    }

    @Test
    void lists_and_sets_in_records_are_immutable_copies() {
        List<Board.Call> calls = new ArrayList<>(List.of(new Board.Call("2-001", 4, false, T0)));
        Board board = new Board("x", 1, List.of(), calls, T0);
        calls.clear();
        assertThat(board.recentCalls()).hasSize(1);
        assertThatThrownBy(() -> board.recentCalls().clear()).isInstanceOf(UnsupportedOperationException.class);
        Set<Role> roles = DeviceStatus.online(Set.of(Role.KIOSK), "f", T0).roles().orElseThrow();
        assertThatThrownBy(() -> roles.add(Role.DISPLAY)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void operation_wire_names_are_unique_and_resolve_back() {
        assertThat(Arrays.stream(Operation.values()).map(Operation::wireName).distinct()).hasSize(Operation.values().length);
        for (Operation op : Operation.values()) {
            assertThat(Operation.ofWireName(op.wireName())).contains(op);
            assertThat(op.wireName()).matches("[a-z]+\\.[a-z][A-Za-z]+");
            assertThat(Operation.of(Samples.fullRequestBody(op))).isEqualTo(op);
        }
        assertThat(Operation.ofWireName("TICKET_ISSUE")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void event_type_wire_names_resolve_back(EventType type) {
        assertThat(EventType.ofWireName(type.wireName())).contains(type);
        assertThat(EventType.of(Samples.eventBody(type))).isEqualTo(type);
    }

    @Test
    void error_codes_are_never_renamed_or_removed() {
        // Adding a code is allowed within wire version 1 (append it here and to docs/protocol.md); renaming is not.
        assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name)).startsWith("MALFORMED_JSON", "MESSAGE_TOO_LARGE",
                "UNSUPPORTED_VERSION", "INVALID_FIELD", "UNKNOWN_OPERATION", "INVALID_TOPIC", "UNKNOWN_SERVICE",
                "UNKNOWN_COUNTER", "UNKNOWN_TICKET", "SERVICE_CLOSED", "COUNTER_NOT_OPEN", "NO_TICKET_WAITING",
                "NO_CURRENT_TICKET", "INVALID_STATE", "NOT_SUPPORTED", "INTERNAL");
    }

    @Test
    void operation_and_event_wire_names_are_never_renamed() {
        assertThat(Arrays.stream(Operation.values()).map(Operation::wireName)).startsWith("ticket.issue",
                "ticket.issueOffline", "appointment.checkin", "counter.next", "counter.callTicket", "counter.recall",
                "counter.start", "counter.done", "counter.noShow", "counter.transfer", "counter.hold", "counter.pause",
                "counter.resume", "rating.submit", "lease.renew", "counter.signIn", "counter.signOut", "counter.undo",
                "counter.addService", "ticket.cancel");
        assertThat(Arrays.stream(EventType.values()).map(EventType::wireName)).startsWith("printer.status", "health");
    }

    private static void assertInvalid(ThrowingCallable build, String field) {
        assertThatThrownBy(build).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(e.getMessage()).contains(field);
        });
    }
}
