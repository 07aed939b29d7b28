package vn.motcua.protocol.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.Event;
import vn.motcua.protocol.message.EventType;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.Samples;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * Seeded fuzzing of every decoder: random bytes, JSON-token soup, byte mutations and structural mutations of valid
 * messages. The decoder may only return a value (which then re-encodes to an equal value) or throw a
 * {@link ProtocolException} the hub can always answer. A failure prints the seed, the case and the payload in base64,
 * so it replays exactly.
 */
class DecoderFuzzTest {

    private static final int CASES = 800;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final Codec codec = new Codec();

    /** Each decoder, and how to re-encode what it accepted. */
    private final Map<String, Function<byte[], byte[]>> decoders = Map.of(
            "request", p -> codec.encode(codec.decodeRequest(p)),
            "response", p -> codec.encode(codec.decodeResponse(p)),
            "event", p -> codec.encode(codec.decodeEvent(p)),
            "DeviceStatus", p -> codec.encodeState(codec.decodeState(p, DeviceStatus.class)),
            "CounterState", p -> codec.encodeState(codec.decodeState(p, CounterState.class)),
            "Board", p -> codec.encodeState(codec.decodeState(p, Board.class)),
            "ServiceCatalogue", p -> codec.encodeState(codec.decodeState(p, ServiceCatalogue.class)));

    private int accepted;
    private int rejected;

    @ParameterizedTest
    @ValueSource(longs = {1L, 20261123L, 0x5EED_F00DL})
    void random_bytes_only_ever_decode_or_raise_a_protocol_exception(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            int length = random.nextInt(10) == 0 ? random.nextInt(Protocol.MAX_MESSAGE_BYTES + 64) : random.nextInt(80);
            byte[] payload = new byte[length];
            random.nextBytes(payload);
            if (length > 0 && random.nextBoolean()) {
                payload[0] = '{';
            }
            probeAll(payload, seed, i);
        }
        assertThat(rejected).isPositive();
    }

    @ParameterizedTest
    @ValueSource(longs = {2L, 777L, 0xBADC0DEL})
    void json_token_soup_only_ever_decodes_or_raises_a_protocol_exception(long seed) {
        String[] tokens = {"{", "}", "[", "]", ":", ",", "\"v\"", "1", "2", "\"id\"", "\"" + Samples.ID + "\"", "\"op\"",
            "\"counter.next\"", "\"body\"", "\"counter\"", "4", "null", "true", "false", "\"ok\"", "\"error\"",
            "\"code\"", "\"INTERNAL\"", "\"type\"", "\"health\"", "\"ts\"", "\"2026-11-23T08:15:02+07:00\"", "-0",
            "1e400", "\"\\u0000\"", "\"\\ud800\"", " ", "\"online\"", "\"status\"", "\"OPEN\"", "\"", "\\", "1.5"};
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            StringBuilder soup = new StringBuilder("{\"v\":1,");
            int count = random.nextInt(40);
            for (int t = 0; t < count; t++) {
                soup.append(tokens[random.nextInt(tokens.length)]);
            }
            probeAll(soup.toString().getBytes(UTF_8), seed, i);
        }
        assertThat(rejected).isPositive();
    }

    @ParameterizedTest
    @ValueSource(longs = {3L, 4242L, 0xFACADEL})
    void byte_mutations_of_valid_messages_only_ever_decode_or_raise_a_protocol_exception(long seed) {
        Random random = new Random(seed);
        List<byte[]> corpus = validMessages();
        for (int i = 0; i < CASES; i++) {
            byte[] payload = corpus.get(random.nextInt(corpus.size())).clone();
            int rounds = 1 + random.nextInt(4);
            for (int r = 0; r < rounds; r++) {
                payload = mutateBytes(payload, random, corpus);
            }
            probeAll(payload, seed, i);
        }
        assertThat(accepted).isPositive();
        assertThat(rejected).isPositive();
    }

    @ParameterizedTest
    @ValueSource(longs = {5L, 31337L, 0xD0D0L})
    void structural_mutations_of_valid_messages_only_ever_decode_or_raise_a_protocol_exception(long seed)
            throws Exception {
        Random random = new Random(seed);
        List<byte[]> corpus = validMessages();
        for (int i = 0; i < CASES; i++) {
            JsonNode tree = PLAIN.readTree(corpus.get(random.nextInt(corpus.size())));
            int rounds = 1 + random.nextInt(3);
            for (int r = 0; r < rounds; r++) {
                tree = mutateTree(tree, random);
            }
            probeAll(PLAIN.writeValueAsBytes(tree), seed, i);
        }
        assertThat(accepted).isPositive();
        assertThat(rejected).isPositive();
    }

    // ---- the property --------------------------------------------------------------------------------------

    private void probeAll(byte[] payload, long seed, int index) {
        decoders.forEach((name, decodeAndEncode) -> probe(name, decodeAndEncode, payload, seed, index));
    }

    private void probe(String decoder, Function<byte[], byte[]> decodeAndEncode, byte[] payload, long seed, int index) {
        String replay = "decoder " + decoder + ", seed " + seed + ", case " + index + ", payload (base64) "
                + Base64.getEncoder().encodeToString(payload);
        byte[] reencoded;
        try {
            reencoded = decodeAndEncode.apply(payload);
        } catch (ProtocolException e) {
            rejected++;
            checkAnswerable(e, replay);
            return;
        } catch (Throwable t) {
            fail("only ProtocolException may escape; " + replay, t);
            return;
        }
        accepted++;
        try {
            assertThat(decodeAndEncode.apply(reencoded)).as("re-encoding is stable; " + replay).isEqualTo(reencoded);
        } catch (ProtocolException e) {
            fail("what was accepted must re-encode to something accepted; " + replay, e);
        }
    }

    /** The hub answers every rejection: the answer must be encodable, small, and never echo a non-ULID id. */
    private void checkAnswerable(ProtocolException e, String replay) {
        assertThat(e.code()).as(replay).isNotNull();
        assertThat(e.getMessage()).as(replay).isNotBlank();
        e.requestId().ifPresent(id -> assertThat(Ulid.isCanonical(id)).as(replay).isTrue());
        e.operation().ifPresent(op -> assertThat(Operation.ofWireName(op)).as(replay).isPresent());
        Response.Failure answer = Response.Failure.of(e);
        byte[] encoded = codec.encode(answer);
        assertThat(encoded.length).as(replay).isLessThanOrEqualTo(Protocol.MAX_MESSAGE_BYTES);
        assertThat(codec.decodeResponse(encoded)).as(replay).isEqualTo(answer);
    }

    // ---- corpus and mutators -------------------------------------------------------------------------------

    private List<byte[]> validMessages() {
        List<byte[]> corpus = new ArrayList<>();
        for (Operation op : Operation.values()) {
            corpus.add(codec.encode(Samples.request(Samples.fullRequestBody(op))));
            corpus.add(codec.encode(new Request(Samples.ID, op, Optional.empty(), Samples.minimalRequestBody(op))));
            corpus.add(codec.encode(new Response.Ok(Samples.ID, op, Samples.fullResponseBody(op))));
            corpus.add(codec.encode(new Response.Ok(Samples.ID, op, Samples.minimalResponseBody(op))));
        }
        for (ErrorCode code : ErrorCode.values()) {
            corpus.add(codec.encode(new Response.Failure(Optional.of(Samples.ID), Optional.of(Operation.TICKET_ISSUE),
                    code, "m")));
        }
        for (EventType type : EventType.values()) {
            corpus.add(codec.encode(new Event(Samples.ID, Samples.T0, Samples.eventBody(type))));
        }
        Samples.states().forEach(state -> corpus.add(codec.encodeState(state)));
        return corpus;
    }

    private static byte[] mutateBytes(byte[] in, Random random, List<byte[]> corpus) {
        if (in.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(in.length);
        return switch (random.nextInt(7)) {
            case 0 -> { // flip one bit
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                yield out;
            }
            case 1 -> { // set one byte to something interesting
                byte[] out = in.clone();
                byte[] interesting = {0, '"', '\\', '{', '}', '[', ']', ',', ':', '-', '0', '9', (byte) 0x80, (byte) 0xC3,
                    (byte) 0xFF, ' ', 'e', '.'};
                out[at] = interesting[random.nextInt(interesting.length)];
                yield out;
            }
            case 2 -> splice(in, at, at + random.nextInt(Math.min(16, in.length - at) + 1), new byte[0]); // delete
            case 3 -> { // insert random bytes
                byte[] insert = new byte[1 + random.nextInt(8)];
                random.nextBytes(insert);
                yield splice(in, at, at, insert);
            }
            case 4 -> { // duplicate a range
                int end = at + random.nextInt(Math.min(32, in.length - at) + 1);
                yield splice(in, at, at, Arrays.copyOfRange(in, at, end));
            }
            case 5 -> Arrays.copyOf(in, at); // truncate
            default -> { // splice the tail of another message
                byte[] other = corpus.get(random.nextInt(corpus.size()));
                int from = random.nextInt(other.length);
                yield splice(in, at, in.length, Arrays.copyOfRange(other, from, other.length));
            }
        };
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        byte[] out = new byte[in.length - (to - from) + insert.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(in, to, out, from + insert.length, in.length - to);
        return out;
    }

    /** Replaces, removes, renames or adds one node somewhere in the tree. */
    private static JsonNode mutateTree(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || random.nextInt(5) == 0) {
                String[] known = {"v", "id", "op", "ts", "body", "ok", "error", "code", "message", "type", "counter",
                    "service", "ticket", "current", "online", "roles", "toService", "toCounter", "extra"};
                object.set(known[random.nextInt(known.length)], randomValue(random, 2));
            } else {
                String name = names.get(random.nextInt(names.size()));
                switch (random.nextInt(4)) {
                    case 0 -> object.remove(name);
                    case 1 -> object.set(random.nextBoolean() ? name + "_" : name.toUpperCase(), object.remove(name));
                    default -> object.set(name, randomValue(random, 2));
                }
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(randomValue(random, 2));
            } else {
                int index = random.nextInt(array.size());
                if (random.nextBoolean()) {
                    array.remove(index);
                } else {
                    array.set(index, randomValue(random, 2));
                }
            }
        }
        return root;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collectContainers(it.next(), out);
            }
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        int pick = random.nextInt(depth > 0 ? 24 : 21);
        return switch (pick) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(3) - 1);
            case 3 -> NODES.numberNode(random.nextInt(2000) - 500);
            case 4 -> NODES.numberNode(random.nextLong());
            case 5 -> NODES.numberNode(new BigInteger(100, random));
            case 6 -> NODES.numberNode(random.nextDouble() * 1000);
            case 7 -> NODES.numberNode(1e308);
            case 8 -> NODES.textNode("");
            case 9 -> NODES.textNode(Samples.ID);
            case 10 -> NODES.textNode("2026-11-23T08:15:02+07:00");
            case 11 -> NODES.textNode("2-001");
            case 12 -> NODES.textNode("HT");
            case 13 -> NODES.textNode("<script>alert('x')</script>");
            case 14 -> NODES.textNode("Rất hài lòng ồ \uD83D\uDE00 \u0000\u001b");
            case 15 -> NODES.textNode("x".repeat(random.nextInt(600)));
            case 16 -> NODES.textNode(Operation.values()[random.nextInt(Operation.values().length)].wireName());
            case 17 -> NODES.textNode(ErrorCode.values()[random.nextInt(ErrorCode.values().length)].name());
            case 18 -> NODES.textNode(random.nextBoolean() ? "OPEN" : "CALLED");
            case 19 -> NODES.textNode(random.nextBoolean() ? "health" : "printer.status");
            case 20 -> NODES.numberNode(Protocol.VERSION);
            case 21 -> NODES.objectNode().set("counter", randomValue(random, depth - 1));
            case 22 -> NODES.arrayNode().add(randomValue(random, depth - 1)).add(randomValue(random, depth - 1));
            default -> NODES.objectNode().set("v", randomValue(random, depth - 1));
        };
    }
}
