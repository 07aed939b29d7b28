package vn.motcua.protocol.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.LogText;
import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.message.Event;
import vn.motcua.protocol.message.EventType;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;

/**
 * JSON codec of the contract. Every message is one UTF-8 JSON object with {@code "v":1} first, at most
 * {@link Protocol#MAX_MESSAGE_BYTES}. Decoding is strict about what it needs (types, required fields, enums,
 * ids, version) and ignores unknown fields, so newer peers can add fields without breaking older ones.
 * Every failure is a {@link ProtocolException} with a stable code; nothing else escapes. Its message names the field
 * and the rule, never the received text nor a library's own message (both go back to the sender and into logs).
 * Thread-safe.
 */
public final class Codec {

    private final JsonMapper mapper = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .addModule(strictTimes())
            // Jackson turns 42, 4.5 and true into text for a String field unless told not to; the contract coerces
            // nothing (a staff code like 0417 must come as "0417", not 417).
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    // ---- requests -------------------------------------------------------------------------------------------

    public byte[] encode(Request request) {
        ObjectNode root = envelope();
        root.put("id", request.id());
        root.put("op", request.op().wireName());
        request.ts().ifPresent(ts -> root.set("ts", mapper.valueToTree(ts)));
        request.deadline().ifPresent(deadline -> root.set("deadline", mapper.valueToTree(deadline)));
        root.set("body", mapper.valueToTree(request.body()));
        return write(root);
    }

    public Request decodeRequest(byte[] payload) {
        ObjectNode root = readEnvelope(payload);
        String id = correlatableId(root);
        String opName = root.path("op").isTextual() ? root.get("op").asText() : null;
        try {
            Check.ulidField(root, "id");
            Operation op = Check.textField(root, "op").flatMap(Operation::ofWireName).orElseThrow(() ->
                    new ProtocolException(ErrorCode.UNKNOWN_OPERATION, root.has("op")
                            ? "op must name an operation of wire version " + Protocol.VERSION : "op is required"));
            Optional<OffsetDateTime> ts = optionalTime(root, "ts");
            Optional<OffsetDateTime> deadline = optionalTime(root, "deadline");
            RequestBody body = convert(Check.objectField(root, "body"), op.requestType(), "body");
            return new Request(root.get("id").asText(), op, ts, deadline, body);
        } catch (ProtocolException e) {
            throw e.about(id, opName == null ? null : Operation.ofWireName(opName).map(Operation::wireName).orElse(null));
        }
    }

    // ---- responses ------------------------------------------------------------------------------------------

    public byte[] encode(Response response) {
        ObjectNode root = envelope();
        response.id().ifPresent(id -> root.put("id", id));
        response.op().ifPresent(op -> root.put("op", op.wireName()));
        root.put("ok", response instanceof Response.Ok);
        response.at().ifPresent(at -> root.set("at", mapper.valueToTree(at)));
        switch (response) {
            case Response.Ok ok -> root.set("body", mapper.valueToTree(ok.body()));
            case Response.Failure failure -> {
                ObjectNode error = root.putObject("error");
                error.put("code", failure.code().name());
                error.put("message", failure.message());
            }
        }
        return write(root);
    }

    public Response decodeResponse(byte[] payload) {
        ObjectNode root = readEnvelope(payload);
        Optional<String> id = Optional.ofNullable(correlatableId(root));
        Optional<Operation> op = Check.textField(root, "op").flatMap(Operation::ofWireName);
        Optional<OffsetDateTime> at = optionalTime(root, "at");
        if (!root.path("ok").isBoolean()) {
            throw Check.invalid("ok is required and must be true or false");
        }
        if (root.get("ok").booleanValue()) {
            Operation operation = op.orElseThrow(() -> Check.invalid("op is required and must be known when ok"));
            ResponseBody body = convert(Check.objectField(root, "body"), operation.responseType(), "body");
            return new Response.Ok(id.orElseThrow(() -> Check.invalid("id is required when ok")), operation, body, at);
        }
        JsonNode error = Check.objectField(root, "error");
        String code = Check.textField((ObjectNode) error, "code").orElseThrow(() -> Check.invalid("error.code is required"));
        ErrorCode errorCode;
        try {
            errorCode = ErrorCode.valueOf(code);
        } catch (IllegalArgumentException unknown) {
            errorCode = ErrorCode.INTERNAL; // a newer hub's code: still a failure, reported as such
        }
        String message = Check.textField((ObjectNode) error, "message").orElse(code);
        return new Response.Failure(id, op, errorCode, message, at);
    }

    // ---- events ---------------------------------------------------------------------------------------------

    public byte[] encode(Event event) {
        ObjectNode root = envelope();
        root.put("id", event.id());
        root.put("type", EventType.of(event.body()).wireName());
        root.set("ts", mapper.valueToTree(event.ts()));
        root.set("body", mapper.valueToTree(event.body()));
        return write(root);
    }

    public Event decodeEvent(byte[] payload) {
        ObjectNode root = readEnvelope(payload);
        Check.ulidField(root, "id");
        EventType type = Check.textField(root, "type").flatMap(EventType::ofWireName)
                .orElseThrow(() -> Check.invalid("type is required and must be a known event type"));
        OffsetDateTime ts = convert(root.get("ts"), OffsetDateTime.class, "ts");
        return new Event(root.get("id").asText(), ts, convert(Check.objectField(root, "body"), type.bodyType(), "body"));
    }

    // ---- retained state (status, counter state, board, services) --------------------------------------------

    /**
     * Encodes a state record ({@code DeviceStatus}, {@code CounterState}, {@code Board}, {@code ServiceCatalogue}),
     * up to {@link Protocol#MAX_STATE_BYTES}: a board of a 100-counter centre is larger than a request may be.
     */
    public byte[] encodeState(Record state) {
        ObjectNode root = envelope();
        root.setAll((ObjectNode) mapper.valueToTree(state));
        return write(root, Protocol.MAX_STATE_BYTES);
    }

    public <T extends Record> T decodeState(byte[] payload, Class<T> type) {
        ObjectNode root = readEnvelope(payload, Protocol.MAX_STATE_BYTES);
        root.remove("v");
        return convert(root, type, "");
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private ObjectNode envelope() {
        ObjectNode root = mapper.createObjectNode();
        root.put("v", Protocol.VERSION);
        return root;
    }

    private byte[] write(ObjectNode root) {
        return write(root, Protocol.MAX_MESSAGE_BYTES);
    }

    private byte[] write(ObjectNode root, int limit) {
        try {
            byte[] bytes = mapper.writeValueAsBytes(root);
            if (bytes.length > limit) {
                throw new ProtocolException(ErrorCode.MESSAGE_TOO_LARGE,
                        "message of " + bytes.length + " bytes exceeds " + limit);
            }
            return bytes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + root, e);
        }
    }

    private ObjectNode readEnvelope(byte[] payload) {
        return readEnvelope(payload, Protocol.MAX_MESSAGE_BYTES);
    }

    private ObjectNode readEnvelope(byte[] payload, int limit) {
        if (payload.length > limit) {
            throw new ProtocolException(ErrorCode.MESSAGE_TOO_LARGE,
                    "message of " + payload.length + " bytes exceeds " + limit);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(strictUtf8(payload));
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_JSON, syntaxError(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new ProtocolException(ErrorCode.MALFORMED_JSON, "a message must be one JSON object");
        }
        ObjectNode root = (ObjectNode) tree;
        JsonNode v = root.get("v");
        if (v == null || !v.isIntegralNumber()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "v is required and must be an integer")
                    .about(correlatableId(root), null);
        }
        if (!v.canConvertToInt() || v.intValue() != Protocol.VERSION) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION,
                    "wire version " + (v.asText().length() <= 40 ? v.asText() : "of " + v.asText().length() + " digits")
                            + " is not supported; this party speaks " + Protocol.VERSION)
                    .about(correlatableId(root), null);
        }
        return root;
    }

    /**
     * The payload as text, refusing what is not UTF-8 (overlong forms, lone surrogates, UTF-16) that the JSON parser's
     * own decoding would let through.
     */
    private static String strictUtf8(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        CharBuffer out = CharBuffer.allocate(payload.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (result.isError()) {
            throw new ProtocolException(ErrorCode.MALFORMED_JSON, "not valid UTF-8 at byte " + in.position());
        }
        return out.flip().toString();
    }

    /** Times and dates only as ISO-8601 strings ({@code 2026-11-23T08:15:02+07:00}, {@code 2026-11-23}), never numbers or arrays. */
    private static SimpleModule strictTimes() {
        return new SimpleModule("motcua-strict-times")
                .addDeserializer(OffsetDateTime.class, new IsoString<>(OffsetDateTime.class,
                        text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .addDeserializer(LocalDate.class, new IsoString<>(LocalDate.class,
                        text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)));
    }

    private static final class IsoString<T> extends StdScalarDeserializer<T> {
        private final Class<T> type;
        private final transient Function<String, T> parse;

        IsoString(Class<T> type, Function<String, T> parse) {
            super(type);
            this.type = type;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            try {
                return parse.apply(p.getText());
            } catch (DateTimeException e) {
                return type.cast(ctxt.handleWeirdStringValue(type, p.getText(),
                        "not an ISO-8601 " + type.getSimpleName()));
            }
        }
    }

    /** An optional top-level time field ({@code ts}, {@code deadline}, {@code at}); null counts as absent. */
    private Optional<OffsetDateTime> optionalTime(ObjectNode root, String field) {
        return root.hasNonNull(field) ? Optional.of(convert(root.get(field), OffsetDateTime.class, field))
                : Optional.empty();
    }

    /** The id, if it is a well-formed ULID: only then is it echoed back, never arbitrary text. */
    private static String correlatableId(ObjectNode root) {
        JsonNode id = root.get("id");
        return id != null && id.isTextual() && Ulid.isCanonical(id.asText()) ? id.asText() : null;
    }

    private <T> T convert(JsonNode node, Class<T> type, String where) {
        if (node == null || node.isNull()) {
            throw Check.invalid((where.isEmpty() ? "message" : where) + " is required");
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ProtocolException rejection) {
                throw rejection;
            }
            throw Check.invalid(path(where, e) + " is invalid");
        } catch (MismatchedInputException e) {
            throw Check.invalid(path(where, e) + " " + FieldRule.of(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw Check.invalid(path(where, e) + " is missing or has a wrong value");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw Check.invalid((where.isEmpty() ? "message" : where) + " is invalid");
        }
    }

    private static String path(String where, JsonMappingException e) {
        StringBuilder path = new StringBuilder(where);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "message" : path.toString();
    }

    /**
     * What is wrong with text that is not one JSON object, and where, by line and column: the parser's own message
     * would quote the received text.
     */
    private static String syntaxError(IOException e) {
        boolean duplicate = String.valueOf(e.getMessage()).startsWith("Duplicate field");
        String what = duplicate ? "a key appears twice in one object" : "not one JSON object in UTF-8";
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            return what + " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
        }
        return what;
    }

    /** Field access on the raw tree, with the codec's error vocabulary. */
    private static final class Check {
        static Optional<String> textField(ObjectNode root, String field) {
            JsonNode node = root.get(field);
            return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
        }

        static void ulidField(ObjectNode root, String field) {
            JsonNode node = root.get(field);
            if (node == null || !node.isTextual() || !Ulid.isCanonical(node.asText())) {
                throw invalid(field + " is required and must be a ULID (26 upper-case Crockford base32 characters)");
            }
        }

        static JsonNode objectField(ObjectNode root, String field) {
            JsonNode node = root.get(field);
            if (node == null || !node.isObject()) {
                throw invalid(field + " is required and must be a JSON object");
            }
            return node;
        }

        static ProtocolException invalid(String message) {
            return new ProtocolException(ErrorCode.INVALID_FIELD, message);
        }
    }

    /** Text for logs: the start of the payload as UTF-8, escaped by {@link LogText} and cut short. */
    public static String preview(byte[] payload) {
        return LogText.preview(payload);
    }
}
