package vn.motcua.protocol.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.motcua.protocol.message.Samples.ID;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.message.Response;

/**
 * What an attacker sends never comes back in an error's message (which goes to the sender, into the hub's log and
 * onto a screen): not markup, not control characters, not 40 characters of it, and not the JSON library's own text
 * (which quotes the value and names our classes). The message still names the field and the rule.
 */
class ErrorMessagesNeverEchoTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    /** Each marks itself with "PWN" so a test can see any part of it come back. */
    private static final List<String> HOSTILE = List.of(
            "<script>alert('PWN')</script>",
            "PWN\r\n2026-11-23T08:00:00.000+07:00 [main] INFO vn.motcua.hub.Hub - forged",
            "PWN\u0000\u0001\u001b[31m\u007f\u0085",
            "PWN\u202Egnp.exe",
            "PWN" + "x".repeat(5_000));
    /** What the JSON library says when it refuses a value: it must never reach the sender. */
    private static final List<String> LIBRARY_WORDS = List.of("Cannot", "coerce", "java.", "vn.motcua", "`",
            "Unrecognized", "Unexpected", "Jackson", "deserialize", "[Source");

    private final Codec codec = new Codec();

    /** Every text-bearing or code-shaped field of the contract, each given the hostile text. */
    static Stream<Arguments> hostileFields() {
        List<String[]> places = List.of(
                new String[] {"op", "{\"v\":1,\"id\":\"" + ID + "\",\"op\":$T,\"body\":{}}"},
                new String[] {"id", "{\"v\":1,\"id\":$T,\"op\":\"counter.next\",\"body\":{\"counter\":4}}"},
                new String[] {"ts", "{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"counter.next\",\"ts\":$T,\"body\":{\"counter\":4}}"},
                new String[] {"body.service", request("ticket.issue", "{\"service\":$T}")},
                new String[] {"body.priority", request("ticket.issue", "{\"service\":\"HT\",\"priority\":$T}")},
                new String[] {"body.ticket", request("ticket.cancel", "{\"ticket\":$T}")},
                new String[] {"body.officer", request("counter.signIn", "{\"counter\":4,\"officer\":$T}")},
                new String[] {"body.level", request("rating.submit", "{\"counter\":4,\"level\":$T}")},
                new String[] {"body.token", request("appointment.checkin", "{\"token\":$T}")},
                new String[] {"body.reason", request("counter.hold", "{\"counter\":4,\"reason\":$T}")},
                new String[] {"body.issuedAt", request("ticket.issueOffline",
                        "{\"service\":\"HT\",\"number\":5,\"issuedAt\":$T}")},
                new String[] {"body.counter", request("counter.next", "{\"counter\":$T}")});
        return places.stream().flatMap(place -> HOSTILE.stream().map(text ->
                Arguments.of(place[0], place[1].replace("$T", json(text)), text)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostileFields")
    void a_hostile_value_is_refused_by_field_and_rule_and_none_of_it_comes_back(String field, String payload,
                                                                               String hostile) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> codec.decodeRequest(payload.getBytes(UTF_8)));
        if (e == null) {
            return; // free text within its limit is accepted as data: the hub stores it, never runs or shows it raw
        }
        String answer = new String(codec.encode(Response.Failure.of(e)), UTF_8);
        assertThat(e.getMessage()).startsWith(field).doesNotContain("PWN", "script", "forged", "\r", "\n", "\u0000",
                "\u202E", "xxxxxxxxxx");
        assertThat(answer).doesNotContain("PWN", "script", "forged", "xxxxxxxxxx");
        assertThat(e.getMessage()).doesNotContain(LIBRARY_WORDS);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("body.service", request("ticket.issue", "{\"service\":42}"), "must be a string"),
                Arguments.of("body.service", request("ticket.issue", "{\"service\":{\"x\":\"PWN\"}}"), "must be a string"),
                Arguments.of("body.counter", request("counter.next", "{\"counter\":\"PWN\"}"), "must be an integer"),
                Arguments.of("body.counter", request("counter.next", "{\"counter\":4.5}"), "must be an integer"),
                Arguments.of("body.priority", request("ticket.issue", "{\"service\":\"HT\",\"priority\":true}"),
                        "must be a string"),
                Arguments.of("ts", "{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"counter.next\",\"ts\":\"PWN\",\"body\":{\"counter\":4}}",
                        "must be a time"),
                Arguments.of("body.issuedAt", request("ticket.issueOffline",
                        "{\"service\":\"HT\",\"number\":5,\"issuedAt\":[\"PWN\"]}"), "must be a time"));
    }

    @ParameterizedTest(name = "[{index}] {0} {2}")
    @MethodSource("wrongTypes")
    void a_value_of_the_wrong_type_is_answered_with_the_rule_not_the_librarys_words(String field, String payload,
                                                                                  String rule) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> codec.decodeRequest(payload.getBytes(UTF_8)));
        assertThat(e.getMessage()).startsWith(field).contains(rule).doesNotContain("PWN").doesNotContain(LIBRARY_WORDS);
    }

    static Stream<String> unreadable() {
        return Stream.of("{\"v\":1,<script>PWN</script>}", "{\"v\":1,\"PWN\":\"a\",\"PWN\":\"b\"}", "{\"v\":1} PWN",
                "PWN\r\nforged", "{\"v\":1,\"x\":PWN}");
    }

    @ParameterizedTest
    @MethodSource("unreadable")
    void what_is_not_json_is_answered_by_position_not_by_quoting_it(String payload) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> codec.decodeRequest(payload.getBytes(UTF_8)));
        assertThat(e.getMessage()).doesNotContain("PWN", "script", "forged").doesNotContain(LIBRARY_WORDS);
    }

    private static String request(String op, String body) {
        return "{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"" + op + "\",\"body\":" + body + "}";
    }

    private static String json(String text) {
        try {
            return PLAIN.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
