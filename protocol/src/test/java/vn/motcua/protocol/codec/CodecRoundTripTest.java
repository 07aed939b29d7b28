package vn.motcua.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.protocol.message.Samples.ID;
import static vn.motcua.protocol.message.Samples.T0;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.Event;
import vn.motcua.protocol.message.EventBody;
import vn.motcua.protocol.message.EventType;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.Samples;

/** encode → decode gives back an equal value, for every record the contract carries. */
class CodecRoundTripTest {

    private final Codec codec = new Codec();

    @ParameterizedTest
    @EnumSource(Operation.class)
    void every_operation_request_round_trips_with_every_optional_field_present(Operation op) {
        Request request = Samples.request(Samples.fullRequestBody(op));
        assertThat(request.op()).isEqualTo(op);
        assertThat(codec.decodeRequest(codec.encode(request))).isEqualTo(request);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void every_operation_request_round_trips_with_every_optional_field_absent(Operation op) {
        Request request = new Request(ID, op, Optional.empty(), Samples.minimalRequestBody(op));
        assertThat(codec.decodeRequest(codec.encode(request))).isEqualTo(request);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void every_operation_success_response_round_trips_in_full_and_minimal_form(Operation op) {
        for (ResponseBody body : new ResponseBody[] {Samples.fullResponseBody(op), Samples.minimalResponseBody(op)}) {
            Response response = new Response.Ok(ID, op, body);
            assertThat(codec.decodeResponse(codec.encode(response))).isEqualTo(response);
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void failure_with_id_and_op_round_trips_for_every_error_code(ErrorCode code) {
        Response failure = new Response.Failure(Optional.of(ID), Optional.of(Operation.COUNTER_NEXT), code,
                "Không có công dân nào đang chờ (" + code + ")");
        assertThat(codec.decodeResponse(codec.encode(failure))).isEqualTo(failure);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void a_request_with_a_deadline_round_trips(Operation op) {
        Request request = Samples.request(Samples.fullRequestBody(op)).withDeadline(T0.plusSeconds(5));
        assertThat(codec.decodeRequest(codec.encode(request))).isEqualTo(request);
    }

    @Test
    void successes_and_failures_round_trip_with_the_hubs_clock() {
        Response ok = new Response.Ok(ID, Operation.COUNTER_NEXT, Samples.fullResponseBody(Operation.COUNTER_NEXT))
                .answeredAt(T0.plusNanos(87_000_000));
        Response failure = new Response.Failure(Optional.of(ID), Optional.of(Operation.COUNTER_NEXT),
                ErrorCode.EXPIRED, "too late").answeredAt(T0);
        assertThat(codec.decodeResponse(codec.encode(ok))).isEqualTo(ok);
        assertThat(codec.decodeResponse(codec.encode(failure))).isEqualTo(failure);
    }

    @Test
    void a_response_of_a_hub_before_the_clock_field_has_no_time() {
        Response ok = new Response.Ok(ID, Operation.COUNTER_NEXT, Samples.fullResponseBody(Operation.COUNTER_NEXT));
        assertThat(codec.decodeResponse(codec.encode(ok)).at()).isEmpty();
    }

    @Test
    void failure_without_id_or_op_round_trips() {
        Response failure = new Response.Failure(Optional.empty(), Optional.empty(), ErrorCode.MALFORMED_JSON,
                "not valid UTF-8 JSON");
        assertThat(codec.decodeResponse(codec.encode(failure))).isEqualTo(failure);
    }

    @Test
    void failure_with_id_but_no_op_round_trips() {
        Response failure = new Response.Failure(Optional.of(ID), Optional.empty(), ErrorCode.UNKNOWN_OPERATION,
                "unknown operation counter.fly");
        assertThat(codec.decodeResponse(codec.encode(failure))).isEqualTo(failure);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_event_type_round_trips(EventType type) {
        Event event = new Event(ID, T0, Samples.eventBody(type));
        assertThat(EventType.of(event.body())).isEqualTo(type);
        assertThat(codec.decodeEvent(codec.encode(event))).isEqualTo(event);
    }

    static Stream<Record> states() {
        return Samples.states().stream();
    }

    @ParameterizedTest
    @MethodSource("states")
    void every_retained_state_round_trips(Record state) {
        assertThat(codec.decodeState(codec.encodeState(state), state.getClass())).isEqualTo(state);
    }

    @Test
    void times_keep_their_offset_and_fraction_through_a_round_trip() {
        for (OffsetDateTime ts : new OffsetDateTime[] {T0, T0.withOffsetSameInstant(ZoneOffset.UTC),
                T0.withNano(123_456_789), T0.withSecond(0), T0.withOffsetSameInstant(ZoneOffset.ofHoursMinutes(5, 30))}) {
            Request request = Request.of(ID, ts, Samples.fullRequestBody(Operation.TICKET_ISSUE));
            Request decoded = codec.decodeRequest(codec.encode(request));
            assertThat(decoded.ts()).contains(ts);
            assertThat(decoded.ts().orElseThrow().getOffset()).isEqualTo(ts.getOffset());
        }
    }

    @Test
    void every_request_body_record_belongs_to_exactly_one_operation() {
        assertThat(RequestBody.class.getPermittedSubclasses())
                .allSatisfy(type -> assertThat(Arrays.stream(Operation.values()).filter(op -> op.requestType() == type))
                        .as(type.getSimpleName()).hasSize(1));
    }

    @Test
    void every_response_body_record_answers_some_operation_and_has_a_sample() {
        assertThat(ResponseBody.class.getPermittedSubclasses())
                .allSatisfy(type -> assertThat(Arrays.stream(Operation.values())
                        .filter(op -> op.responseType() == type)
                        .filter(op -> type.isInstance(Samples.fullResponseBody(op))))
                        .as(type.getSimpleName()).isNotEmpty());
    }

    @Test
    void every_event_body_record_has_exactly_one_event_type() {
        assertThat(EventBody.class.getPermittedSubclasses())
                .allSatisfy(type -> assertThat(Arrays.stream(EventType.values()).filter(t -> t.bodyType() == type))
                        .as(type.getSimpleName()).hasSize(1));
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void samples_have_the_body_types_their_operation_names(Operation op) {
        assertThat(Samples.fullRequestBody(op)).isInstanceOf(op.requestType());
        assertThat(Samples.minimalRequestBody(op)).isInstanceOf(op.requestType());
        assertThat(Samples.fullResponseBody(op)).isInstanceOf(op.responseType());
        assertThat(Samples.minimalResponseBody(op)).isInstanceOf(op.responseType());
    }
}
