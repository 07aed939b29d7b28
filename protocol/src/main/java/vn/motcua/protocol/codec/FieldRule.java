package vn.motcua.protocol.codec;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The rule a field's value broke, said from the type the field has, e.g. "must be an integer": what a sender needs to
 * fix its message, in place of the JSON library's own text, which quotes the received value and our class names.
 */
final class FieldRule {

    private FieldRule() {
    }

    /** "must be …" for a field of {@code type}; a generic rule when the type is unknown (null). */
    static String of(Class<?> type) {
        if (type == null) {
            return "is missing or has a wrong value";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == OffsetDateTime.class) {
            return "must be a time with its offset like \"2026-11-23T08:15:02+07:00\" (ISO-8601)";
        }
        if (type == LocalDate.class) {
            return "must be a date like \"2026-11-23\"";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return "must be a JSON object of the documented form";
    }
}
