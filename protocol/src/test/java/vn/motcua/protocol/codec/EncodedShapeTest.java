package vn.motcua.protocol.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.protocol.message.Samples.ID;
import static vn.motcua.protocol.message.Samples.T0;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.Event;
import vn.motcua.protocol.message.EventBody;
import vn.motcua.protocol.message.EventType;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.Role;
import vn.motcua.protocol.message.Samples;
import vn.motcua.protocol.message.ServiceCatalogue;
import vn.motcua.protocol.message.ServingPhase;

/** What the encoder puts on the wire, byte for byte where it matters. */
class EncodedShapeTest {

    private final Codec codec = new Codec();
    private final ObjectMapper plain = new ObjectMapper();

    static Stream<byte[]> everyKindOfMessage() {
        Codec codec = new Codec();
        List<byte[]> all = new ArrayList<>();
        for (Operation op : Operation.values()) {
            all.add(codec.encode(Samples.request(Samples.fullRequestBody(op))));
            all.add(codec.encode(new Response.Ok(ID, op, Samples.fullResponseBody(op))));
        }
        all.add(codec.encode(new Response.Failure(Optional.empty(), Optional.empty(), ErrorCode.MALFORMED_JSON, "x")));
        for (EventType type : EventType.values()) {
            all.add(codec.encode(new Event(ID, T0, Samples.eventBody(type))));
        }
        Samples.states().forEach(state -> all.add(codec.encodeState(state)));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("everyKindOfMessage")
    void every_message_starts_with_version_1_as_its_first_field(byte[] encoded) {
        assertThat(new String(encoded, UTF_8)).startsWith("{\"v\":1,");
    }

    @Test
    void a_request_is_encoded_exactly_as_the_contract_shows() {
        Request request = Request.of(ID, T0, new RequestBody.TicketIssue("HT", Optional.of("ELDERLY")));
        assertThat(new String(codec.encode(request), UTF_8)).isEqualTo("{\"v\":1,\"id\":\"" + ID + "\","
                + "\"op\":\"ticket.issue\",\"ts\":\"2026-11-23T08:15:02+07:00\","
                + "\"body\":{\"service\":\"HT\",\"priority\":\"ELDERLY\"}}");
    }

    @Test
    void a_deadline_is_written_after_ts_and_before_the_body() {
        Request request = Request.of(ID, T0, new RequestBody.CounterNext(4)).withDeadline(T0.plusSeconds(5));
        assertThat(new String(codec.encode(request), UTF_8)).isEqualTo("{\"v\":1,\"id\":\"" + ID + "\","
                + "\"op\":\"counter.next\",\"ts\":\"2026-11-23T08:15:02+07:00\","
                + "\"deadline\":\"2026-11-23T08:15:07+07:00\",\"body\":{\"counter\":4}}");
    }

    @Test
    void the_hubs_clock_is_written_right_after_ok_in_successes_and_failures() {
        Response ok = new Response.Ok(ID, Operation.COUNTER_START, Samples.fullResponseBody(Operation.COUNTER_START))
                .answeredAt(T0);
        Response failure = Response.Failure.of(Request.of(ID, T0, new RequestBody.CounterNext(4)), ErrorCode.EXPIRED,
                "too late").answeredAt(T0);
        assertThat(new String(codec.encode(ok), UTF_8)).startsWith("{\"v\":1,\"id\":\"" + ID + "\","
                + "\"op\":\"counter.start\",\"ok\":true,\"at\":\"2026-11-23T08:15:02+07:00\",\"body\":{");
        assertThat(new String(codec.encode(failure), UTF_8)).isEqualTo("{\"v\":1,\"id\":\"" + ID + "\","
                + "\"op\":\"counter.next\",\"ok\":false,\"at\":\"2026-11-23T08:15:02+07:00\","
                + "\"error\":{\"code\":\"EXPIRED\",\"message\":\"too late\"}}");
    }

    @Test
    void a_success_response_echoes_id_and_op_then_ok_then_body() {
        Response ok = new Response.Ok(ID, Operation.COUNTER_NEXT, Samples.fullResponseBody(Operation.COUNTER_NEXT));
        assertThat(new String(codec.encode(ok), UTF_8)).isEqualTo("{\"v\":1,\"id\":\"" + ID + "\","
                + "\"op\":\"counter.next\",\"ok\":true,\"body\":{\"ticket\":\"2-001\",\"service\":\"HT\",\"counter\":4,"
                + "\"recalls\":0,\"calledAt\":\"2026-11-23T08:21:40+07:00\"}}");
    }

    @Test
    void a_failure_carries_a_stable_code_and_a_message_under_error() {
        Response failure = new Response.Failure(Optional.of(ID), Optional.of(Operation.COUNTER_NEXT),
                ErrorCode.NO_TICKET_WAITING, "nobody is waiting");
        assertThat(new String(codec.encode(failure), UTF_8)).isEqualTo("{\"v\":1,\"id\":\"" + ID + "\","
                + "\"op\":\"counter.next\",\"ok\":false,"
                + "\"error\":{\"code\":\"NO_TICKET_WAITING\",\"message\":\"nobody is waiting\"}}");
    }

    @Test
    void a_failure_to_an_unreadable_request_has_no_id_and_no_op() {
        Response failure = new Response.Failure(Optional.empty(), Optional.empty(), ErrorCode.MALFORMED_JSON, "broken");
        assertThat(new String(codec.encode(failure), UTF_8))
                .isEqualTo("{\"v\":1,\"ok\":false,\"error\":{\"code\":\"MALFORMED_JSON\",\"message\":\"broken\"}}");
    }

    @Test
    void an_event_names_its_type_by_wire_name() {
        Event event = new Event(ID, T0, new EventBody.PrinterStatus(EventBody.Paper.LOW, false, true));
        assertThat(new String(codec.encode(event), UTF_8)).isEqualTo("{\"v\":1,\"id\":\"" + ID + "\","
                + "\"type\":\"printer.status\",\"ts\":\"2026-11-23T08:15:02+07:00\","
                + "\"body\":{\"paper\":\"LOW\",\"coverOpen\":false,\"online\":true}}");
    }

    @Test
    void the_will_is_exactly_version_and_online_false() {
        assertThat(new String(codec.encodeState(DeviceStatus.offline()), UTF_8)).isEqualTo("{\"v\":1,\"online\":false}");
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void op_is_written_by_its_wire_name(Operation op) throws Exception {
        JsonNode request = plain.readTree(codec.encode(Samples.request(Samples.fullRequestBody(op))));
        JsonNode response = plain.readTree(codec.encode(new Response.Ok(ID, op, Samples.fullResponseBody(op))));
        assertThat(request.get("op").asText()).isEqualTo(op.wireName()).contains(".");
        assertThat(response.get("op").asText()).isEqualTo(op.wireName());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void absent_optionals_are_omitted_never_written_as_null(Operation op) throws Exception {
        Request request = new Request(ID, op, Optional.empty(), Samples.minimalRequestBody(op));
        String requestJson = new String(codec.encode(request), UTF_8);
        String responseJson = new String(codec.encode(new Response.Ok(ID, op, Samples.minimalResponseBody(op))), UTF_8);
        assertThat(requestJson).doesNotContain("null").doesNotContain("\"ts\"");
        assertThat(responseJson).doesNotContain("null");
        assertThat(fieldNames(plain.readTree(requestJson).get("body")))
                .doesNotContain("priority", "fileCode", "reason", "toService");
    }

    @Test
    void absent_optionals_of_a_ticket_and_a_transfer_are_simply_missing() throws Exception {
        JsonNode issued = plain.readTree(codec.encode(new Response.Ok(ID, Operation.TICKET_ISSUE,
                Samples.minimalResponseBody(Operation.TICKET_ISSUE)))).get("body");
        // mayNotBeServedToday is no optional: always written, so a reader never has to guess what absent meant
        assertThat(fieldNames(issued)).containsExactly("ticket", "service", "number", "ahead", "issuedAt",
                "mayNotBeServedToday");
        JsonNode transfer = plain.readTree(codec.encode(Samples.request(
                Samples.minimalRequestBody(Operation.COUNTER_TRANSFER)))).get("body");
        assertThat(fieldNames(transfer)).containsExactly("counter", "toCounter");
        JsonNode state = plain.readTree(codec.encodeState(Samples.counterState(false)));
        assertThat(fieldNames(state)).containsExactly("v", "counter", "status", "updatedAt");
    }

    @Test
    void the_officer_is_written_right_after_the_status_and_left_out_when_nobody_is_signed_in() throws Exception {
        assertThat(fieldNames(plain.readTree(codec.encodeState(Samples.counterState(true)))))
                .containsExactly("v", "counter", "status", "officer", "current", "updatedAt");
        CounterState idle = new CounterState(7, CounterStatus.OPEN, Optional.empty(), T0, Optional.of("CB-042"));
        assertThat(new String(codec.encodeState(idle), UTF_8)).isEqualTo(
                "{\"v\":1,\"counter\":7,\"status\":\"OPEN\",\"officer\":\"CB-042\",\"updatedAt\":\"2026-11-23T08:15:02+07:00\"}");
        JsonNode answered = plain.readTree(codec.encode(new Response.Ok(ID, Operation.COUNTER_SIGN_IN,
                Samples.fullResponseBody(Operation.COUNTER_SIGN_IN)))).get("body").get("state");
        assertThat(fieldNames(answered)).containsExactly("counter", "status", "officer", "current", "updatedAt");
    }

    @Test
    void a_cancelled_ticket_is_answered_with_its_label_and_the_service_it_waited_for() {
        Response ok = new Response.Ok(ID, Operation.TICKET_CANCEL, new ResponseBody.TicketCancelled("2-031", "HT"));
        assertThat(new String(codec.encode(ok), UTF_8)).isEqualTo("{\"v\":1,\"id\":\"" + ID + "\","
                + "\"op\":\"ticket.cancel\",\"ok\":true,\"body\":{\"ticket\":\"2-031\",\"service\":\"HT\"}}");
    }

    @Test
    void times_keep_the_plus_seven_offset_they_were_made_with() {
        String board = new String(codec.encodeState(Samples.board()), UTF_8);
        assertThat(board).contains("\"updatedAt\":\"2026-11-23T08:22:05+07:00\"").doesNotContain("Z\"");
        String lease = new String(codec.encode(new Response.Ok(ID, Operation.LEASE_RENEW,
                Samples.fullResponseBody(Operation.LEASE_RENEW))), UTF_8);
        assertThat(lease).contains("\"day\":\"2026-11-23\"");
    }

    @Test
    void vietnamese_text_is_written_as_plain_utf8_not_escaped() {
        byte[] encoded = codec.encodeState(Samples.services());
        assertThat(new String(encoded, UTF_8)).contains("\"nameVi\":\"Hộ tịch\"").doesNotContain("\\u");
    }

    @Test
    void encoding_a_state_message_over_64_kib_is_refused_so_nobody_sends_one() {
        List<ServiceCatalogue.Entry> many = new ArrayList<>();
        for (int i = 0; i < 140; i++) {
            many.add(new ServiceCatalogue.Entry("S" + i, String.valueOf(i), "x".repeat(500), "y".repeat(500), true, 0,
                    Optional.empty()));
        }
        ServiceCatalogue huge = new ServiceCatalogue("office", many, T0);
        assertThatThrownBy(() -> codec.encodeState(huge)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_TOO_LARGE));
    }

    @Test
    void a_status_encodes_its_roles_in_one_order_whatever_set_it_was_given() {
        OffsetDateTime since = T0;
        byte[] one = codec.encodeState(DeviceStatus.online(new java.util.LinkedHashSet<>(List.of(Role.KIOSK, Role.COUNTER)), "fw", since));
        byte[] other = codec.encodeState(DeviceStatus.online(new java.util.LinkedHashSet<>(List.of(Role.COUNTER, Role.KIOSK)), "fw", since));
        assertThat(new String(one, UTF_8)).isEqualTo(new String(other, UTF_8)).contains("[\"KIOSK\",\"COUNTER\"]");
    }

    @Test
    void a_board_of_a_hundred_busy_counters_fits_the_state_limit() {
        List<CounterState> counters = new ArrayList<>();
        for (int n = 1; n <= 100; n++) {
            counters.add(new CounterState(n, CounterStatus.OPEN, Optional.of(new CounterState.Current(
                    "1234-99999", "SERVICE_CODE_" + n, ServingPhase.SERVING, 3, T0)), T0));
        }
        List<Board.Call> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(new Board.Call("1234-99999", 100, true, T0));
        }
        byte[] encoded = codec.encodeState(new Board("Trung tâm Phục vụ hành chính công tỉnh Nghệ An", 1, counters, calls, T0));
        assertThat(encoded.length).isGreaterThan(Protocol.MAX_MESSAGE_BYTES).isLessThanOrEqualTo(Protocol.MAX_STATE_BYTES);
        assertThat(codec.decodeState(encoded, Board.class).counters()).hasSize(100);
    }

    @Test
    void a_message_of_exactly_16_kib_is_accepted_and_one_byte_more_is_not() {
        String head = "{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"counter.next\",\"body\":{\"counter\":4},\"pad\":\"";
        String tail = "\"}";
        String exact = head + "p".repeat(Protocol.MAX_MESSAGE_BYTES - head.length() - tail.length()) + tail;
        assertThat(exact.getBytes(UTF_8)).hasSize(16_384);
        assertThat(codec.decodeRequest(exact.getBytes(UTF_8)).body()).isEqualTo(new RequestBody.CounterNext(4));
        byte[] oneMore = (exact.substring(0, exact.length() - 2) + "pp\"}").getBytes(UTF_8);
        assertThatThrownBy(() -> codec.decodeRequest(oneMore)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_TOO_LARGE));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
