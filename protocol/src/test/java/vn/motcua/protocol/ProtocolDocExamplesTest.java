package vn.motcua.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.EventType;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ServiceCatalogue;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topic;
import vn.motcua.protocol.topic.Topics;

/**
 * Keeps docs/protocol.md true to the code. Every ```json block must follow a marker line saying what it is:
 * {@code <!-- example: request -->}, {@code response}, {@code event}, {@code state DeviceStatus|CounterState|Board|
 * ServiceCatalogue}, or {@code invalid ERROR_CODE} (a request the hub must reject with that code). Each block is decoded
 * with the real codec as that kind. Topic names, operation and event headings, error codes and the topic table are
 * checked against the code too.
 */
class ProtocolDocExamplesTest {

    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: ([^>]*?) -->\\s*\\n```json\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final Pattern ANY_JSON_BLOCK = Pattern.compile("```json\\n");
    private static final Pattern TOPIC_SPAN = Pattern.compile("`(motcua/v1/[^`]*)`");

    private static String doc;
    private static List<Example> examples;
    private final Codec codec = new Codec();

    record Example(String marker, String json, int line) {
        String kind() {
            return marker.split("\\s+")[0];
        }

        String argument() {
            String[] parts = marker.split("\\s+");
            return parts.length > 1 ? parts[1] : "";
        }

        byte[] bytes() {
            return json.getBytes(UTF_8);
        }

        @Override
        public String toString() {
            return "docs/protocol.md line " + line + " (" + marker + ")";
        }
    }

    @BeforeAll
    static void readTheDoc() throws IOException {
        doc = Files.readString(locateDoc(), UTF_8);
        examples = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(doc);
        while (m.find()) {
            examples.add(new Example(m.group(1).trim(), m.group(2), lineOf(m.start(2))));
        }
    }

    /** docs/protocol.md from the protocol module's directory or the repository root, whichever the build runs in. */
    private static Path locateDoc() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("protocol.md");
            if (Files.isRegularFile(candidate) && Files.isDirectory(dir.resolve("protocol"))) {
                return candidate;
            }
        }
        return fail("docs/protocol.md not found above " + here);
    }

    @Test
    void every_json_block_has_an_example_marker() {
        long blocks = ANY_JSON_BLOCK.matcher(doc).results().count();
        assertThat(examples).as("json blocks with a marker").hasSize((int) blocks);
        assertThat(examples).extracting(Example::kind).allSatisfy(kind ->
                assertThat(kind).isIn("request", "response", "event", "state", "invalid"));
    }

    @TestFactory
    Stream<DynamicTest> every_example_decodes_as_the_kind_its_marker_says() {
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.toString(), () -> check(example)));
    }

    /** A rejected example followed by a response shows the very answer the codec gives: code and message. */
    @Test
    void every_rejected_example_is_answered_with_the_codecs_own_message() {
        for (int i = 0; i + 1 < examples.size(); i++) {
            Example rejected = examples.get(i);
            Example answer = examples.get(i + 1);
            if (!rejected.kind().equals("invalid") || !answer.kind().equals("response")) {
                continue;
            }
            Response shown = codec.decodeResponse(answer.bytes());
            assertThatThrownBy(() -> codec.decodeRequest(rejected.bytes())).as(answer.toString())
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(Response.Failure.of(e))
                            .isEqualTo(shown));
        }
    }

    private void check(Example example) {
        try {
            switch (example.kind()) {
                case "request" -> stable(codec.decodeRequest(example.bytes()), example);
                case "response" -> stable(codec.decodeResponse(example.bytes()), example);
                case "event" -> assertThat(new String(codec.encode(codec.decodeEvent(example.bytes())), UTF_8))
                        .as(example + " is shown exactly as encoded").isEqualTo(example.json());
                case "state" -> {
                    Class<? extends Record> type = stateType(example.argument());
                    Record state = codec.decodeState(example.bytes(), type);
                    assertThat(codec.decodeState(codec.encodeState(state), type)).isEqualTo(state);
                }
                case "invalid" -> assertThatThrownBy(() -> codec.decodeRequest(example.bytes()))
                        .isInstanceOfSatisfying(ProtocolException.class,
                                e -> assertThat(e.code().name()).isEqualTo(example.argument()));
                default -> fail("unknown example kind in " + example);
            }
        } catch (ProtocolException e) {
            fail(example + " does not decode: " + e.code() + " " + e.getMessage());
        }
        if (!example.kind().equals("invalid")) {
            assertThat(example.json().replaceAll("\\s+", "")).as(example + ": v first").startsWith("{\"v\":1,");
        }
    }

    private void stable(Request request, Example example) {
        assertThat(codec.decodeRequest(codec.encode(request))).as(example.toString()).isEqualTo(request);
        assertThat(new String(codec.encode(request), UTF_8)).as(example + " is shown exactly as encoded")
                .isEqualTo(example.json());
    }

    private void stable(Response response, Example example) {
        assertThat(codec.decodeResponse(codec.encode(response))).as(example.toString()).isEqualTo(response);
    }

    private static Class<? extends Record> stateType(String name) {
        return switch (name) {
            case "DeviceStatus" -> DeviceStatus.class;
            case "CounterState" -> CounterState.class;
            case "Board" -> Board.class;
            case "ServiceCatalogue" -> ServiceCatalogue.class;
            default -> fail("unknown state type '" + name + "'");
        };
    }

    @Test
    void every_operation_has_a_section_with_a_request_and_a_response_example() {
        for (Operation op : Operation.values()) {
            assertThat(doc).as(op.wireName()).contains("### `" + op.wireName() + "`");
            assertThat(examples).as("request example of " + op.wireName()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("request");
                assertThat(new Codec().decodeRequest(e.bytes()).op()).isEqualTo(op);
            });
            assertThat(examples).as("success example of " + op.wireName()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("response");
                assertThat(new Codec().decodeResponse(e.bytes())).isInstanceOfSatisfying(Response.Ok.class,
                        ok -> assertThat(ok.op()).contains(op));
            });
        }
    }

    @Test
    void every_event_type_has_a_section_and_an_example() {
        for (EventType type : EventType.values()) {
            assertThat(doc).contains("### `" + type.wireName() + "`");
            assertThat(examples).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("event");
                assertThat(EventType.of(new Codec().decodeEvent(e.bytes()).body())).isEqualTo(type);
            });
        }
    }

    @Test
    void every_state_record_has_an_example() {
        assertThat(examples).filteredOn(e -> e.kind().equals("state")).extracting(Example::argument)
                .contains("DeviceStatus", "CounterState", "Board", "ServiceCatalogue");
    }

    @Test
    void the_error_table_lists_every_error_code_and_nothing_else() {
        Set<String> listed = new LinkedHashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(section("## 11. Error codes"));
        while (row.find()) {
            listed.add(row.group(1));
        }
        assertThat(listed).containsExactly(Arrays.stream(ErrorCode.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void every_code_named_in_an_errors_line_is_a_real_error_code() {
        Matcher line = Pattern.compile("(?m)^Errors: (.*(?:\\n(?!\\n).*)*)").matcher(doc);
        int lines = 0;
        while (line.find()) {
            lines++;
            Matcher code = Pattern.compile("`([A-Z_]{4,})`").matcher(line.group(1));
            while (code.find()) {
                assertThat(EnumSet.allOf(ErrorCode.class)).extracting(Enum::name).as(line.group()).contains(code.group(1));
            }
        }
        assertThat(lines).isEqualTo(Operation.values().length);
    }

    @Test
    void the_topic_table_is_exactly_what_topics_builds() {
        Set<String> table = new HashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `(motcua/v1/[^`]*)` \\|").matcher(section("### 2.1 The topic tree"));
        while (row.find()) {
            table.add(concrete(row.group(1)));
        }
        Topics topics = Topics.forSite("nghiloc");
        Set<String> built = new HashSet<>();
        for (DeviceChannel channel : DeviceChannel.values()) {
            built.add(topics.device("kiosk-01", channel));
        }
        built.addAll(List.of(topics.counterState(4), topics.board(), topics.services(), topics.hubStatus()));
        assertThat(table).isEqualTo(built);
    }

    @Test
    void every_topic_named_anywhere_is_one_the_code_builds_or_a_filter_it_builds() {
        Topics topics = Topics.forSite("nghiloc");
        Set<String> filters = new HashSet<>();
        for (DeviceChannel channel : DeviceChannel.values()) {
            filters.add(topics.everyDevice(channel));
        }
        filters.add(topics.everyCounterState());
        filters.add("motcua/v1/nghiloc/#");
        filters.add("motcua/v1/nghiloc/"); // "every topic lives under"
        Matcher span = TOPIC_SPAN.matcher(doc);
        int count = 0;
        while (span.find()) {
            count++;
            String name = concrete(span.group(1));
            if (name.contains("+") || name.contains("#") || name.endsWith("/")) {
                assertThat(filters).as(span.group(1)).contains(name);
            } else {
                assertThat(Topic.parse(name)).as(span.group(1)).isPresent();
            }
        }
        assertThat(count).isGreaterThan(20);
    }

    private static String concrete(String documented) {
        return documented.replace("{site}", "nghiloc").replace("{deviceId}", "kiosk-01").replace("{n}", "4");
    }

    private static String section(String heading) {
        int start = doc.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        int next = doc.indexOf("\n#", start + heading.length());
        return next < 0 ? doc.substring(start) : doc.substring(start, next);
    }

    private static int lineOf(int offset) {
        return (int) doc.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
