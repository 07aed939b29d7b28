package vn.motcua.protocol.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static vn.motcua.protocol.message.Samples.ID;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.Samples;

/** Every way a request can break the contract gets a stable code, a message naming the field, and correlation. */
class RequestValidationTest {

    private final Codec codec = new Codec();
    private static final ObjectMapper PLAIN = new ObjectMapper();

    // ---- size and JSON well-formedness ------------------------------------------------------------------------

    @Test
    void payload_over_16_kib_is_rejected_as_too_large_before_parsing() {
        byte[] payload = new byte[Protocol.MAX_MESSAGE_BYTES + 1];
        Arrays.fill(payload, (byte) ' ');
        ProtocolException e = rejectionOf(payload);
        assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_TOO_LARGE);
        assertThat(e.getMessage()).contains("16385 bytes").contains("16384");
        assertThat(e.requestId()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "   ", "hello", "{", "{\"v\":1", "[]", "[{\"v\":1}]", "\"v\"", "1", "null", "true",
            "{\"v\":1}x", "{\"v\":1} {\"v\":1}", "{\"v\":1,}", "{v:1}", "{'v':1}", "{\"v\":1,\"n\":NaN}",
            "{\"v\":01}", "{\"v\":1 /* comment */}"})
    void what_is_not_one_json_object_is_malformed(String payload) {
        ProtocolException e = rejectionOf(payload);
        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(e.getMessage()).isNotBlank();
        assertThat(e.requestId()).isEmpty();
    }

    @Test
    void a_valid_request_followed_by_trailing_garbage_is_malformed() {
        String valid = request("counter.next", "{\"counter\":4}");
        assertThat(rejectionOf(valid + "garbage").code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(rejectionOf(valid + "{}").code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(codec.decodeRequest((valid + "  \r\n").getBytes(UTF_8)).op()).isEqualTo(Operation.COUNTER_NEXT);
    }

    @Test
    void duplicate_keys_are_malformed_at_the_top_level_and_inside_the_body() {
        String top = "{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"counter.next\",\"op\":\"counter.done\",\"body\":{\"counter\":4}}";
        String nested = request("counter.next", "{\"counter\":4,\"counter\":5}");
        for (String payload : List.of(top, nested)) {
            ProtocolException e = rejectionOf(payload);
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
            assertThat(e.getMessage()).startsWith("a key appears twice in one object (line 1, column");
        }
    }

    static Stream<Arguments> invalidUtf8() {
        byte[] prefix = "{\"v\":1,\"x\":\"".getBytes(UTF_8);
        return Stream.of(
                Arguments.of("a byte that never starts a character (0xFF)", with(prefix, 0xFF)),
                Arguments.of("a two-byte sequence cut short (0xC3 then a quote)", with(prefix, 0xC3)),
                Arguments.of("a lone continuation byte (0x80)", with(prefix, 0x80)),
                Arguments.of("an overlong encoding of NUL (0xC0 0x80)", with(prefix, 0xC0, 0x80)),
                Arguments.of("an encoded surrogate (0xED 0xA0 0x80)", with(prefix, 0xED, 0xA0, 0x80)),
                Arguments.of("a code point above U+10FFFF (0xF4 0x90 0x80 0x80)", with(prefix, 0xF4, 0x90, 0x80, 0x80)),
                Arguments.of("UTF-16 instead of UTF-8", "{\"v\":1}".getBytes(StandardCharsets.UTF_16LE)),
                Arguments.of("Latin-1 instead of UTF-8", "{\"v\":1,\"x\":\"Bình\"}".getBytes(
                        StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void what_is_not_utf8_is_malformed(String what, byte[] payload) {
        ProtocolException e = rejectionOf(payload);
        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(e.getMessage()).contains("UTF-8");
    }

    @Test
    void nesting_a_thousand_levels_deep_is_malformed_not_a_stack_overflow() {
        String deep = "{\"v\":1,\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(rejectionOf(deep).code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    // ---- version -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\":\"$ID\",\"op\":\"counter.next\",\"body\":{\"counter\":4}}",
            "{\"v\":\"1\",\"id\":\"$ID\",\"op\":\"counter.next\",\"body\":{\"counter\":4}}",
            "{\"v\":1.0,\"id\":\"$ID\",\"op\":\"counter.next\",\"body\":{\"counter\":4}}",
            "{\"v\":null,\"id\":\"$ID\",\"op\":\"counter.next\",\"body\":{\"counter\":4}}",
            "{\"v\":[1],\"id\":\"$ID\",\"op\":\"counter.next\",\"body\":{\"counter\":4}}"})
    void missing_or_non_integer_version_is_an_invalid_field_named_v(String template) {
        ProtocolException e = rejectionOf(template.replace("$ID", ID));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.getMessage()).startsWith("v ");
        assertThat(e.requestId()).contains(ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "0", "-1", "4294967297", "99999999999999999999999"})
    void another_wire_version_is_unsupported_and_keeps_the_id(String version) {
        ProtocolException e = rejectionOf("{\"v\":" + version + ",\"id\":\"" + ID
                + "\",\"op\":\"counter.next\",\"body\":{\"counter\":4}}");
        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
        assertThat(e.getMessage()).contains(version).contains("speaks 1");
        assertThat(e.requestId()).contains(ID);
    }

    // ---- id and op -----------------------------------------------------------------------------------------

    @Test
    void unknown_operation_is_rejected_with_the_request_id_for_correlation() {
        ProtocolException e = rejectionOf(request("counter.fly", "{\"counter\":4}"));
        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_OPERATION);
        assertThat(e.getMessage()).isEqualTo("op must name an operation of wire version 1");
        assertThat(e.requestId()).contains(ID);
        assertThat(e.operation()).isEmpty();
        Response.Failure answer = Response.Failure.of(e);
        assertThat(answer.id()).contains(ID);
        assertThat(answer.op()).isEmpty();
    }

    @Test
    void operation_names_are_case_sensitive_wire_names_not_enum_names() {
        assertThat(rejectionOf(request("COUNTER_NEXT", "{\"counter\":4}")).code()).isEqualTo(ErrorCode.UNKNOWN_OPERATION);
        assertThat(rejectionOf(request("Counter.Next", "{\"counter\":4}")).code()).isEqualTo(ErrorCode.UNKNOWN_OPERATION);
    }

    @Test
    void missing_or_non_text_op_is_an_unknown_operation_naming_op() {
        ProtocolException missing = rejectionOf("{\"v\":1,\"id\":\"" + ID + "\",\"body\":{\"counter\":4}}");
        assertThat(missing.code()).isEqualTo(ErrorCode.UNKNOWN_OPERATION);
        assertThat(missing.getMessage()).isEqualTo("op is required");
        assertThat(missing.requestId()).contains(ID);
        ProtocolException number = rejectionOf("{\"v\":1,\"id\":\"" + ID + "\",\"op\":7,\"body\":{\"counter\":4}}");
        assertThat(number.code()).isEqualTo(ErrorCode.UNKNOWN_OPERATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"01m82zh0fgqc7t6xsm2yzwk52t\"", "\"01M82ZH0FGQC7T6XSM2YZWK52\"", "\"01M82ZH0FGQC7T6XSM2YZWK52TT\"",
            "\"81M82ZH0FGQC7T6XSM2YZWK52T\"", "\"01M82ZH0FGQC7T6XSM2YZWK5IL\"", "\"01M82ZH0FGQC7T6XSM2YZWK5OU\"",
            "\"\"", "null", "42", "{}", "\"d2f1c1a4-6a5e-4b1f-9a43-0c3a3f0e2b11\""})
    void an_id_that_is_not_a_canonical_ulid_is_an_invalid_field_named_id(String id) {
        ProtocolException e = rejectionOf("{\"v\":1,\"id\":" + id + ",\"op\":\"counter.next\",\"body\":{\"counter\":4}}");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.getMessage()).startsWith("id is required and must be a ULID");
        assertThat(e.requestId()).isEmpty();
        assertThat(e.operation()).contains("counter.next");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-23T08:15:07\"", "\"2026-11-23T08:15:07+0700\"", "1795407307", "\"soon\""})
    void a_deadline_that_is_not_a_time_with_an_offset_is_an_invalid_field_named_deadline(String deadline) {
        ProtocolException e = rejectionOf("{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"counter.next\",\"deadline\":"
                + deadline + ",\"body\":{\"counter\":4}}");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.getMessage()).startsWith("deadline ");
        assertThat(e.requestId()).contains(ID);
    }

    @Test
    void a_missing_id_is_an_invalid_field_and_the_op_is_still_known() {
        ProtocolException e = rejectionOf("{\"v\":1,\"op\":\"counter.next\",\"body\":{\"counter\":4}}");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.getMessage()).contains("id");
        assertThat(Response.Failure.of(e).op()).contains(Operation.COUNTER_NEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "'; DROP TABLE tickets; --", "01M82ZH0FGQC7T6XSM2YZWK52T<b>"})
    void a_hostile_id_is_never_echoed_in_the_exception_or_the_answer(String hostile) {
        String payload = "{\"v\":1,\"id\":\"" + hostile + "\",\"op\":\"counter.next\",\"body\":{\"counter\":4}}";
        ProtocolException e = rejectionOf(payload);
        assertThat(e.requestId()).isEmpty();
        assertThat(e.getMessage()).doesNotContain(hostile).doesNotContain("<").doesNotContain("DROP");
        String answer = new String(codec.encode(Response.Failure.of(e)), UTF_8);
        assertThat(answer).doesNotContain(hostile).doesNotContain("\"id\"");
    }

    @Test
    void a_five_kilobyte_id_is_not_echoed_and_the_answer_stays_small() {
        String huge = "0".repeat(5 * 1024);
        ProtocolException e = rejectionOf("{\"v\":1,\"id\":\"" + huge + "\",\"op\":\"counter.next\",\"body\":{\"counter\":4}}");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.requestId()).isEmpty();
        assertThat(codec.encode(Response.Failure.of(e))).hasSizeLessThan(300);
    }

    @Test
    void a_hostile_operation_name_is_never_repeated_in_the_message() {
        String hostile = "x\u0000\u001b[31m".repeat(100);
        ProtocolException e = rejectionOf(request(hostile.replace("\u0000", "\\u0000").replace("\u001b", "\\u001b"),
                "{\"counter\":4}"));
        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_OPERATION);
        assertThat(e.getMessage()).isEqualTo("op must name an operation of wire version 1");
    }

    // ---- body ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"body\":null", ",\"body\":[]", ",\"body\":\"counter=4\"", ",\"body\":4"})
    void a_missing_or_non_object_body_is_an_invalid_field_named_body_and_keeps_id_and_op(String body) {
        ProtocolException e = rejectionOf("{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"counter.next\"" + body + "}");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.getMessage()).isEqualTo("body is required and must be a JSON object");
        assertThat(e.requestId()).contains(ID);
        assertThat(e.operation()).contains("counter.next");
    }

    /** Every field of every operation's minimal body is required: drop it, null it, or make it an object. */
    static Stream<Arguments> requiredFields() {
        Codec codec = new Codec();
        List<Arguments> cases = new ArrayList<>();
        for (Operation op : Operation.values()) {
            ObjectNode body = body(codec.encode(Samples.request(Samples.minimalRequestBody(op))));
            for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
                cases.add(Arguments.of(op, it.next()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} body.{1}")
    @MethodSource("requiredFields")
    void a_required_body_field_that_is_missing_null_or_of_the_wrong_type_is_rejected_by_name(Operation op, String field) {
        ObjectNode valid = body(codec.encode(Samples.request(Samples.minimalRequestBody(op))));
        ObjectNode missing = valid.deepCopy();
        missing.remove(field);
        ObjectNode nulled = valid.deepCopy();
        nulled.putNull(field);
        ObjectNode object = valid.deepCopy();
        object.putObject(field).put("value", 4);
        for (ObjectNode broken : List.of(missing, nulled, object)) {
            ProtocolException e = rejectionOf(request(op.wireName(), broken.toString()));
            assertThat(e.code()).as(broken.toString()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(e.getMessage()).as(broken.toString()).contains("body." + field);
            assertThat(e.requestId()).contains(ID);
            assertThat(e.operation()).contains(op.wireName());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "counter.next      | {\"counter\":\"3\"}              | body.counter",
            "counter.next      | {\"counter\":3.5}                | body.counter",
            "counter.next      | {\"counter\":3.0}                | body.counter",
            "counter.next      | {\"counter\":true}               | body.counter",
            "counter.next      | {\"counter\":[3]}                | body.counter",
            "counter.next      | {\"counter\":99999999999}        | body.counter",
            "ticket.issue      | {\"service\":3}                  | body.service",
            "ticket.issue      | {\"service\":[\"HT\"]}           | body.service",
            "ticket.issue      | {\"service\":\"HT\",\"priority\":1} | body.priority",
            "counter.done      | {\"counter\":4,\"fileCode\":{}}  | body.fileCode",
            "counter.done      | {\"counter\":4,\"fileCode\":14}  | body.fileCode",
            "counter.hold      | {\"counter\":4,\"reason\":true}  | body.reason",
            "appointment.checkin | {\"token\":4.5}                | body.token",
            "counter.transfer  | {\"counter\":4,\"toCounter\":\"7\"} | body.toCounter",
            "rating.submit     | {\"counter\":4,\"level\":true}    | body.level",
            "ticket.issueOffline | {\"service\":\"HT\",\"number\":5,\"issuedAt\":1795396502} | body.issuedAt",
            "ticket.issueOffline | {\"service\":\"HT\",\"number\":5,\"issuedAt\":[2026,11,23]} | body.issuedAt",
            "counter.signIn      | {\"counter\":4,\"officer\":42}            | body.officer",
            "counter.signIn      | {\"counter\":4,\"officer\":[\"lan.nt\"]}  | body.officer",
            "counter.addService  | {\"counter\":4,\"service\":[\"CT\"]}      | body.service",
            "ticket.cancel       | {\"ticket\":2031}                         | body.ticket"})
    void a_field_of_the_wrong_json_type_is_rejected_by_name_without_coercion(String op, String body, String field) {
        ProtocolException e = rejectionOf(request(op, body));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.getMessage()).contains(field);
        assertThat(e.requestId()).contains(ID);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "counter.next        | {\"counter\":0}                                   | body.counter",
            "counter.next        | {\"counter\":1000}                                | body.counter",
            "counter.next        | {\"counter\":-4}                                  | body.counter",
            "counter.transfer    | {\"counter\":4,\"toCounter\":0}                   | body.toCounter",
            "counter.signIn      | {\"counter\":0,\"officer\":\"lan.nt\"}            | body.counter",
            "counter.signOut     | {\"counter\":1000}                                | body.counter",
            "counter.undo        | {\"counter\":-4}                                  | body.counter",
            "counter.addService  | {\"counter\":0,\"service\":\"CT\"}                | body.counter",
            "rating.submit       | {\"counter\":1000,\"level\":\"HAI_LONG\"}         | body.counter",
            "lease.renew         | {\"service\":\"HT\",\"size\":0}                   | body.size",
            "lease.renew         | {\"service\":\"HT\",\"size\":501}                 | body.size",
            "ticket.issueOffline | {\"service\":\"HT\",\"number\":0,\"issuedAt\":\"2026-11-23T08:00:00+07:00\"}      | body.number",
            "ticket.issueOffline | {\"service\":\"HT\",\"number\":100000,\"issuedAt\":\"2026-11-23T08:00:00+07:00\"} | body.number"})
    void a_number_out_of_range_is_rejected_with_its_limits(String op, String body, String field) {
        ProtocolException e = rejectionOf(request(op, body));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.getMessage()).startsWith(field).contains("between");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ticket.issue       | {\"service\":\"ht\"}                          | body.service",
            "ticket.issue       | {\"service\":\"HỘ_TỊCH\"}                     | body.service",
            "ticket.issue       | {\"service\":\"1HT\"}                         | body.service",
            "ticket.issue       | {\"service\":\"ABCDEFGHIJKLMNOPQRSTUVWXY\"}   | body.service",
            "ticket.issue       | {\"service\":\"\"}                            | body.service",
            "ticket.issue       | {\"service\":\"HT\",\"priority\":\"elderly\"} | body.priority",
            "rating.submit      | {\"counter\":4,\"level\":\"Rất hài lòng\"}    | body.level",
            "rating.submit      | {\"counter\":4,\"level\":\"HAI_LONG\",\"ticket\":\"2001\"} | body.ticket",
            "counter.callTicket | {\"counter\":4,\"ticket\":\"ABCDE-001\"}      | body.ticket",
            "counter.callTicket | {\"counter\":4,\"ticket\":\"2-123456\"}       | body.ticket",
            "counter.callTicket | {\"counter\":4,\"ticket\":\"2-\"}             | body.ticket",
            "counter.callTicket | {\"counter\":4,\"ticket\":\"ht-001\"}         | body.ticket",
            "ticket.cancel      | {\"ticket\":\"2031\"}                         | body.ticket",
            "ticket.cancel      | {\"ticket\":\"\"}                             | body.ticket",
            "counter.addService | {\"counter\":4,\"service\":\"ct\"}          | body.service",
            "counter.addService | {\"counter\":4,\"service\":\"Chứng thực\"}  | body.service",
            "counter.signIn     | {\"counter\":4,\"officer\":\"Nguyễn Thị Lan\"} | body.officer",
            "counter.signIn     | {\"counter\":4,\"officer\":\"lan nt\"}      | body.officer",
            "counter.signIn     | {\"counter\":4,\"officer\":\".lan\"}        | body.officer",
            "counter.signIn     | {\"counter\":4,\"officer\":\"\"}            | body.officer",
            "counter.signIn     | {\"counter\":4,\"officer\":\"abcdefghijklmnopqrstuvwxyz0123456\"} | body.officer"})
    void a_code_or_ticket_label_of_the_wrong_form_is_rejected_by_its_rule_without_repeating_it(String op, String body,
                                                                                            String field) {
        ProtocolException e = rejectionOf(request(op, body));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.getMessage()).startsWith(field + " must be").doesNotContain("was").doesNotContain("\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "appointment.checkin | token    | {\"token\":\"$T\"}",
            "counter.done        | fileCode | {\"counter\":4,\"fileCode\":\"$T\"}",
            "counter.hold        | reason   | {\"counter\":4,\"reason\":\"$T\"}",
            "counter.pause       | reason   | {\"counter\":4,\"reason\":\"$T\"}"})
    void free_text_is_limited_to_500_characters(String op, String field, String template) {
        assertThat(codec.decodeRequest(request(op, template.replace("$T", "ồ".repeat(500))).getBytes(UTF_8))).isNotNull();
        ProtocolException e = rejectionOf(request(op, template.replace("$T", "ồ".repeat(501))));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.getMessage()).isEqualTo("body." + field + " is longer than 500 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"counter\":4}", "{\"counter\":4,\"toService\":\"CT\",\"toCounter\":7}",
            "{\"counter\":4,\"toService\":null,\"toCounter\":null}"})
    void a_transfer_needs_exactly_one_target(String body) {
        ProtocolException e = rejectionOf(request("counter.transfer", body));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.getMessage()).isEqualTo("exactly one of body.toService and body.toCounter is required");
        assertThat(e.operation()).contains("counter.transfer");
    }

    @Test
    void a_sign_in_without_an_officer_and_an_added_service_without_a_service_are_rejected_by_name() {
        for (String[] broken : new String[][] {{"counter.signIn", "{\"counter\":4}", "body.officer"},
                {"counter.signIn", "{\"counter\":4,\"officer\":null}", "body.officer"},
                {"counter.addService", "{\"counter\":4}", "body.service"},
                {"counter.addService", "{\"counter\":4,\"toService\":\"CT\"}", "body.service"},
                {"ticket.cancel", "{\"label\":\"2-031\"}", "body.ticket"}}) {
            ProtocolException e = rejectionOf(request(broken[0], broken[1]));
            assertThat(e.code()).as(broken[1]).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(e.getMessage()).as(broken[1]).startsWith(broken[2] + " is required");
            assertThat(e.operation()).contains(broken[0]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lan.nt", "CB-042", "0417", "nguyen_thi_lan", "abcdefghijklmnopqrstuvwxyz012345"})
    void a_staff_code_is_accepted_as_sent_keeping_its_case(String officer) {
        Request decoded = codec.decodeRequest(request("counter.signIn", "{\"counter\":4,\"officer\":\"" + officer
                + "\"}").getBytes(UTF_8));
        assertThat(decoded.body()).isEqualTo(new RequestBody.CounterSignIn(4, officer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-23T08:15:02\"", "\"2026-11-23\"", "\"08:15:02+07:00\"", "\"23/11/2026 08:15\"",
            "\"\"", "1795396502000", "\"2026-11-23T08:15:02+0700\"", "\"2026-02-30T08:15:02+07:00\""})
    void a_time_without_an_offset_or_not_in_iso_8601_form_is_rejected_naming_ts(String ts) {
        ProtocolException e = rejectionOf("{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"counter.next\",\"ts\":" + ts
                + ",\"body\":{\"counter\":4}}");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.getMessage()).startsWith("ts ");
        assertThat(e.requestId()).contains(ID);
    }

    // ---- what is accepted ----------------------------------------------------------------------------------

    @Test
    void unknown_fields_are_ignored_at_every_level_for_forward_compatibility() {
        String payload = "{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"ticket.issue\",\"ts\":\"2026-11-23T08:15:02+07:00\","
                + "\"trace\":{\"hop\":[1,2,{\"x\":null}]},\"body\":{\"service\":\"HT\",\"language\":\"vi\","
                + "\"citizen\":{\"age\":71}},\"zz\":true}";
        Request decoded = codec.decodeRequest(payload.getBytes(UTF_8));
        assertThat(decoded).isEqualTo(Request.of(ID, Samples.T0, new RequestBody.TicketIssue("HT", Optional.empty())));
    }

    @Test
    void fields_may_come_in_any_order_and_with_white_space() {
        String payload = "\n { \"body\" : { \"counter\" : 4 } ,\r\n\t\"op\":\"counter.next\", \"id\":\"" + ID + "\", \"v\": 1 } \n";
        assertThat(codec.decodeRequest(payload.getBytes(UTF_8)).body()).isEqualTo(new RequestBody.CounterNext(4));
    }

    @Test
    void null_means_absent_for_optional_fields_and_ts() {
        String payload = "{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"ticket.issue\",\"ts\":null,"
                + "\"body\":{\"service\":\"HT\",\"priority\":null}}";
        Request decoded = codec.decodeRequest(payload.getBytes(UTF_8));
        assertThat(decoded.ts()).isEmpty();
        assertThat(decoded.body()).isEqualTo(new RequestBody.TicketIssue("HT", Optional.empty()));
    }

    @Test
    void a_utc_time_is_accepted_and_keeps_its_z_offset() {
        String payload = "{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"counter.next\",\"ts\":\"2026-11-23T01:15:02.5Z\","
                + "\"body\":{\"counter\":4}}";
        assertThat(codec.decodeRequest(payload.getBytes(UTF_8)).ts().orElseThrow())
                .isEqualTo(Samples.T0.plusNanos(500_000_000).withOffsetSameInstant(ZoneOffset.UTC));
    }

    @Test
    void a_json_escaped_string_decodes_to_the_same_text_as_raw_utf8() {
        String payload = "{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"counter.hold\","
                + "\"body\":{\"counter\":4,\"reason\":\"Thi\\u1ebfu gi\\u1ea5y t\\u1edd\"}}";
        assertThat(codec.decodeRequest(payload.getBytes(UTF_8)).body())
                .isEqualTo(new RequestBody.CounterHold(4, Optional.of("Thiếu giấy tờ")));
    }

    @Test
    void a_rejected_body_keeps_id_and_op_so_the_hub_can_answer_the_right_request() {
        ProtocolException e = rejectionOf(request("counter.next", "{\"counter\":0}"));
        Response.Failure answer = Response.Failure.of(e);
        assertThat(answer).isEqualTo(new Response.Failure(Optional.of(ID), Optional.of(Operation.COUNTER_NEXT),
                ErrorCode.INVALID_FIELD, "body.counter is required and must be between 1 and 999, was 0"));
        assertThat(codec.decodeResponse(codec.encode(answer))).isEqualTo(answer);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static String request(String op, String body) {
        return "{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"" + op + "\",\"body\":" + body + "}";
    }

    private ProtocolException rejectionOf(String payload) {
        return rejectionOf(payload.getBytes(UTF_8));
    }

    private ProtocolException rejectionOf(byte[] payload) {
        try {
            Request accepted = codec.decodeRequest(payload);
            return fail("accepted, though it breaks the contract: " + Codec.preview(payload) + " -> " + accepted);
        } catch (ProtocolException e) {
            return e;
        } catch (RuntimeException e) {
            return fail("only ProtocolException may escape the decoder", e);
        }
    }

    private static ObjectNode body(byte[] encoded) {
        try {
            return (ObjectNode) PLAIN.readTree(encoded).get("body");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] with(byte[] prefix, int... tail) {
        byte[] out = new byte[prefix.length + tail.length + 2];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        for (int i = 0; i < tail.length; i++) {
            out[prefix.length + i] = (byte) tail[i];
        }
        out[out.length - 2] = '"';
        out[out.length - 1] = '}';
        return out;
    }
}
