package vn.motcua.protocol.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.protocol.message.Samples.ID;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.Event;
import vn.motcua.protocol.message.EventBody;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.Samples;
import vn.motcua.protocol.message.ServiceCatalogue;

/** Decoding what the hub sends (responses, retained state) and what the hub reads besides requests (events, status). */
class DeviceSideDecodingTest {

    private final Codec codec = new Codec();

    // ---- responses -----------------------------------------------------------------------------------------

    @Test
    void an_error_code_from_a_newer_hub_is_still_a_failure_reported_as_internal_with_its_message() {
        Response decoded = decodeResponse("{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"ticket.issue\",\"ok\":false,"
                + "\"error\":{\"code\":\"QUOTA_EXCEEDED\",\"message\":\"Hết số hôm nay\"}}");
        assertThat(decoded).isEqualTo(new Response.Failure(Optional.of(ID), Optional.of(Operation.TICKET_ISSUE),
                ErrorCode.INTERNAL, "Hết số hôm nay"));
    }

    @Test
    void a_failure_without_a_message_uses_the_code_as_message() {
        Response decoded = decodeResponse("{\"v\":1,\"id\":\"" + ID + "\",\"ok\":false,\"error\":{\"code\":\"SERVICE_CLOSED\"}}");
        assertThat(decoded).isEqualTo(new Response.Failure(Optional.of(ID), Optional.empty(), ErrorCode.SERVICE_CLOSED,
                "SERVICE_CLOSED"));
    }

    @Test
    void a_failure_with_an_unknown_op_keeps_its_id_and_drops_the_op() {
        Response decoded = decodeResponse("{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"ticket.print\",\"ok\":false,"
                + "\"error\":{\"code\":\"UNKNOWN_OPERATION\",\"message\":\"unknown operation ticket.print\"}}");
        assertThat(decoded.id()).contains(ID);
        assertThat(decoded.op()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"v\":1,\"id\":\"$ID\",\"op\":\"counter.next\"}                                          | ok",
            "{\"v\":1,\"id\":\"$ID\",\"op\":\"counter.next\",\"ok\":\"true\"}                          | ok",
            "{\"v\":1,\"id\":\"$ID\",\"ok\":true,\"body\":{}}                                         | op",
            "{\"v\":1,\"id\":\"$ID\",\"op\":\"counter.fly\",\"ok\":true,\"body\":{}}                  | op",
            "{\"v\":1,\"op\":\"counter.recall\",\"ok\":true,\"body\":{\"ticket\":\"2-001\",\"service\":\"HT\",\"counter\":4,\"recalls\":1,\"calledAt\":\"2026-11-23T08:22:00+07:00\"}} | id",
            "{\"v\":1,\"id\":\"$ID\",\"op\":\"counter.next\",\"ok\":true}                             | body",
            "{\"v\":1,\"id\":\"$ID\",\"op\":\"counter.next\",\"ok\":true,\"body\":{\"state\":{}}}       | body.counter",
            "{\"v\":1,\"id\":\"$ID\",\"ok\":false}                                                    | error",
            "{\"v\":1,\"id\":\"$ID\",\"ok\":false,\"error\":{\"message\":\"x\"}}                      | error.code"})
    void a_response_missing_what_its_kind_needs_is_rejected_by_name(String template, String field) {
        assertThatThrownBy(() -> decodeResponse(template.replace("$ID", ID)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.getMessage()).startsWith(field + " ");
                });
    }

    @Test
    void a_success_body_must_be_the_record_its_operation_answers_with() {
        byte[] calledForStart = ("{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"counter.start\",\"ok\":true,\"body\":"
                + "{\"ticket\":\"2-001\",\"service\":\"HT\",\"counter\":4,\"recalls\":0,\"calledAt\":\"2026-11-23T08:21:40+07:00\"}}")
                .getBytes(UTF_8);
        assertThatThrownBy(() -> codec.decodeResponse(calledForStart)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.getMessage()).startsWith("body.state "));
    }

    @Test
    void a_failure_from_a_hostile_hub_does_not_surface_a_non_ulid_id() {
        Response decoded = decodeResponse("{\"v\":1,\"id\":\"<img src=x>\",\"ok\":false,"
                + "\"error\":{\"code\":\"INTERNAL\",\"message\":\"m\"}}");
        assertThat(decoded.id()).isEmpty();
    }

    @Test
    void a_response_of_another_wire_version_is_unsupported() {
        assertThatThrownBy(() -> decodeResponse("{\"v\":2,\"id\":\"" + ID + "\",\"ok\":true}"))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION));
    }

    @Test
    void unknown_fields_in_a_response_body_are_ignored() {
        Response decoded = decodeResponse("{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"rating.submit\",\"ok\":true,"
                + "\"body\":{\"level\":\"HAI_LONG\",\"officer\":\"Nguyễn Văn A\",\"thanks\":{\"vi\":\"Cảm ơn\"}},\"hub\":\"0.2\"}");
        assertThat(decoded).isEqualTo(new Response.Ok(ID, Operation.RATING_SUBMIT,
                new ResponseBody.RatingRecorded("HAI_LONG", Optional.empty())));
    }

    @Test
    void a_lease_whose_last_number_is_before_its_first_is_rejected() {
        assertThatThrownBy(() -> decodeResponse("{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"lease.renew\",\"ok\":true,"
                + "\"body\":{\"service\":\"HT\",\"first\":900,\"last\":899,\"day\":\"2026-11-23\"}}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.getMessage()).startsWith("body.last "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"23/11/2026\"", "\"2026-11-23T00:00:00+07:00\"", "[2026,11,23]", "20415"})
    void a_lease_day_must_be_an_iso_date_string(String day) {
        assertThatThrownBy(() -> decodeResponse("{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"lease.renew\",\"ok\":true,"
                + "\"body\":{\"service\":\"HT\",\"first\":900,\"last\":949,\"day\":" + day + "}}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.getMessage()).startsWith("body.day "));
    }

    // ---- events --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"v\":1,\"id\":\"$ID\",\"type\":\"printer.jam\",\"ts\":\"2026-11-23T08:15:02+07:00\",\"body\":{}} | type",
            "{\"v\":1,\"id\":\"$ID\",\"ts\":\"2026-11-23T08:15:02+07:00\",\"body\":{}}                         | type",
            "{\"v\":1,\"id\":\"$ID\",\"type\":\"health\",\"body\":{\"uptimeSeconds\":1,\"heapUsedMb\":1,\"outboxDepth\":0}} | ts",
            "{\"v\":1,\"type\":\"health\",\"ts\":\"2026-11-23T08:15:02+07:00\",\"body\":{}}                    | id",
            "{\"v\":1,\"id\":\"$ID\",\"type\":\"health\",\"ts\":\"2026-11-23T08:15:02+07:00\"}                 | body",
            "{\"v\":1,\"id\":\"$ID\",\"type\":\"health\",\"ts\":\"2026-11-23T08:15:02+07:00\",\"body\":{\"uptimeSeconds\":-1,\"heapUsedMb\":1,\"outboxDepth\":0}} | body.uptimeSeconds",
            "{\"v\":1,\"id\":\"$ID\",\"type\":\"health\",\"ts\":\"2026-11-23T08:15:02+07:00\",\"body\":{\"uptimeSeconds\":-4294967296,\"heapUsedMb\":1,\"outboxDepth\":0}} | body.uptimeSeconds",
            "{\"v\":1,\"id\":\"$ID\",\"type\":\"printer.status\",\"ts\":\"2026-11-23T08:15:02+07:00\",\"body\":{\"paper\":\"HALF\",\"coverOpen\":false,\"online\":true}} | body.paper",
            "{\"v\":1,\"id\":\"$ID\",\"type\":\"printer.status\",\"ts\":\"2026-11-23T08:15:02+07:00\",\"body\":{\"paper\":\"low\",\"coverOpen\":false,\"online\":true}} | body.paper",
            "{\"v\":1,\"id\":\"$ID\",\"type\":\"printer.status\",\"ts\":\"2026-11-23T08:15:02+07:00\",\"body\":{\"paper\":1,\"coverOpen\":false,\"online\":true}} | body.paper",
            "{\"v\":1,\"id\":\"$ID\",\"type\":\"printer.status\",\"ts\":\"2026-11-23T08:15:02+07:00\",\"body\":{\"paper\":\"OK\",\"coverOpen\":0,\"online\":true}} | body.coverOpen"})
    void a_broken_event_is_rejected_by_name(String template, String field) {
        assertThatThrownBy(() -> codec.decodeEvent(template.replace("$ID", ID).getBytes(UTF_8)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.getMessage()).startsWith(field + " ");
                });
    }

    @Test
    void a_health_event_carries_uptimes_beyond_int_range() {
        Event event = new Event(ID, Samples.T0, new EventBody.Health(5_000_000_000L, 40, 0));
        assertThat(codec.decodeEvent(codec.encode(event))).isEqualTo(event);
    }

    // ---- retained state ------------------------------------------------------------------------------------

    @Test
    void the_will_payload_decodes_to_offline() {
        assertThat(codec.decodeState("{\"v\":1,\"online\":false}".getBytes(UTF_8), DeviceStatus.class))
                .isEqualTo(DeviceStatus.offline());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"v\":1}                                         | online",
            "{\"v\":1,\"online\":\"false\"}                    | online",
            "{\"v\":1,\"online\":0}                            | online",
            "{\"v\":1,\"online\":true,\"roles\":[\"ROBOT\"]}   | roles[0]",
            "{\"v\":1,\"online\":true,\"roles\":\"KIOSK\"}     | roles",
            "{\"v\":1,\"online\":true,\"since\":\"07:25\"}     | since"})
    void a_broken_status_is_rejected_by_name(String payload, String field) {
        assertThatThrownBy(() -> codec.decodeState(payload.getBytes(UTF_8), DeviceStatus.class))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.getMessage()).startsWith(field + " ");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"v\":1,\"counter\":4,\"status\":\"BREAK\",\"updatedAt\":\"2026-11-23T08:15:02+07:00\"} | status",
            "{\"v\":1,\"counter\":4,\"status\":\"open\",\"updatedAt\":\"2026-11-23T08:15:02+07:00\"}  | status",
            "{\"v\":1,\"counter\":4,\"status\":0,\"updatedAt\":\"2026-11-23T08:15:02+07:00\"}         | status",
            "{\"v\":1,\"counter\":4,\"updatedAt\":\"2026-11-23T08:15:02+07:00\"}                      | status",
            "{\"v\":1,\"counter\":0,\"status\":\"OPEN\",\"updatedAt\":\"2026-11-23T08:15:02+07:00\"}  | counter",
            "{\"v\":1,\"counter\":4,\"status\":\"OPEN\"}                                              | updatedAt",
            "{\"v\":1,\"counter\":4,\"status\":\"OPEN\",\"officer\":42,\"updatedAt\":\"2026-11-23T08:15:02+07:00\"} | officer",
            "{\"v\":1,\"counter\":4,\"status\":\"OPEN\",\"officer\":\"Nguyễn Thị Lan\",\"updatedAt\":\"2026-11-23T08:15:02+07:00\"} | officer",
            "{\"v\":1,\"counter\":4,\"status\":\"OPEN\",\"current\":{\"ticket\":\"2-001\",\"service\":\"HT\",\"phase\":\"WAITING\",\"recalls\":0,\"calledAt\":\"2026-11-23T08:15:02+07:00\"},\"updatedAt\":\"2026-11-23T08:15:02+07:00\"} | current.phase",
            "{\"v\":1,\"counter\":4,\"status\":\"OPEN\",\"current\":{\"ticket\":\"2-001\",\"service\":\"HT\",\"phase\":\"CALLED\",\"recalls\":-1,\"calledAt\":\"2026-11-23T08:15:02+07:00\"},\"updatedAt\":\"2026-11-23T08:15:02+07:00\"} | current.recalls",
            "{\"v\":1,\"counter\":4,\"status\":\"OPEN\",\"current\":{\"ticket\":\"2001\",\"service\":\"HT\",\"phase\":\"CALLED\",\"recalls\":0,\"calledAt\":\"2026-11-23T08:15:02+07:00\"},\"updatedAt\":\"2026-11-23T08:15:02+07:00\"} | current.ticket"})
    void a_counter_state_with_an_unknown_enum_value_or_a_bad_field_is_rejected_by_name(String payload, String field) {
        assertThatThrownBy(() -> codec.decodeState(payload.getBytes(UTF_8), CounterState.class))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.getMessage()).startsWith(field + " ");
                });
    }

    @Test
    void a_counter_state_from_a_hub_without_sign_in_decodes_with_no_officer() {
        CounterState decoded = codec.decodeState(("{\"v\":1,\"counter\":5,\"status\":\"PAUSED\","
                + "\"updatedAt\":\"2026-11-23T09:20:00+07:00\"}").getBytes(UTF_8), CounterState.class);
        assertThat(decoded.officer()).isEmpty();
        assertThat(decoded).isEqualTo(new CounterState(5, CounterStatus.PAUSED, Optional.empty(), Samples.at(9, 20, 0)));
    }

    @Test
    void a_null_officer_means_nobody_is_signed_in() {
        CounterState decoded = codec.decodeState(("{\"v\":1,\"counter\":5,\"status\":\"CLOSED\",\"officer\":null,"
                + "\"updatedAt\":\"2026-11-23T09:20:00+07:00\"}").getBytes(UTF_8), CounterState.class);
        assertThat(decoded.officer()).isEmpty();
    }

    @Test
    void a_board_with_a_negative_sequence_is_rejected_even_beyond_int_range() {
        for (String sequence : new String[] {"-1", "-4294967296"}) {
            String payload = "{\"v\":1,\"office\":\"x\",\"sequence\":" + sequence + ",\"counters\":[],\"recentCalls\":[],"
                    + "\"updatedAt\":\"2026-11-23T08:15:02+07:00\"}";
            assertThatThrownBy(() -> codec.decodeState(payload.getBytes(UTF_8), Board.class))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.getMessage()).startsWith("sequence "));
        }
    }

    @Test
    void a_board_sequence_beyond_int_range_round_trips() {
        Board board = new Board("x", 10_000_000_000L, List.of(), List.of(), Samples.T0);
        assertThat(codec.decodeState(codec.encodeState(board), Board.class)).isEqualTo(board);
    }

    @Test
    void a_null_inside_a_list_is_rejected_not_a_crash() {
        String payload = "{\"v\":1,\"office\":\"x\",\"sequence\":1,\"counters\":[null],\"recentCalls\":[],"
                + "\"updatedAt\":\"2026-11-23T08:15:02+07:00\"}";
        assertThatThrownBy(() -> codec.decodeState(payload.getBytes(UTF_8), Board.class))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD));
    }

    @Test
    void unknown_fields_in_retained_state_are_ignored() {
        String payload = "{\"v\":1,\"office\":\"Một cửa\",\"services\":[{\"code\":\"HT\",\"prefix\":\"2\",\"nameVi\":\"Hộ tịch\","
                + "\"nameEn\":\"Civil status\",\"open\":true,\"waiting\":3,\"icon\":\"book\"}],\"updatedAt\":"
                + "\"2026-11-23T08:15:02+07:00\",\"theme\":\"dark\"}";
        ServiceCatalogue catalogue = codec.decodeState(payload.getBytes(UTF_8), ServiceCatalogue.class);
        assertThat(catalogue.services()).singleElement().satisfies(s -> {
            assertThat(s.nameVi()).isEqualTo("Hộ tịch");
            assertThat(s.estimateMin()).isEmpty();
        });
    }

    @Test
    void state_of_another_wire_version_is_unsupported() {
        assertThatThrownBy(() -> codec.decodeState("{\"v\":2,\"online\":false}".getBytes(UTF_8), DeviceStatus.class))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION));
    }

    @Test
    void a_byte_order_mark_is_not_json_and_is_malformed() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] will = "{\"v\":1,\"online\":false}".getBytes(UTF_8);
        byte[] payload = new byte[bom.length + will.length];
        System.arraycopy(bom, 0, payload, 0, bom.length);
        System.arraycopy(will, 0, payload, bom.length, will.length);
        assertThatThrownBy(() -> codec.decodeState(payload, DeviceStatus.class))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON));
    }

    private Response decodeResponse(String json) {
        return codec.decodeResponse(json.getBytes(UTF_8));
    }
}
