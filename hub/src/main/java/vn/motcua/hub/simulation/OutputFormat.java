package vn.motcua.hub.simulation;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * How {@code simulate} and {@code plan} print: a table for people, or JSON / CSV for other programs. The JSON and CSV
 * are written from small export records ({@code *Export} classes) whose component names are the documented field
 * names (docs/configuration.md), so renaming a Java field elsewhere cannot silently change them.
 */
public enum OutputFormat {
    TABLE, JSON, CSV;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Standard output or error in UTF-8 whatever the locale: tables, exports and progress carry Vietnamese. */
    static PrintStream utf8(FileDescriptor out) {
        return new PrintStream(new FileOutputStream(out), true, StandardCharsets.UTF_8);
    }

    /** The export as pretty-printed JSON (UTF-8 when written as such), ending in a newline. */
    static String json(Object export) {
        try {
            return MAPPER.writeValueAsString(export) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + export.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Rows of one record type as CSV (RFC 4180): a header row of the component names, then one line per row, CRLF line
     * ends, fields quoted when they hold a comma, quote or line break. A list becomes its items separated by spaces;
     * numbers are written as Java writes them (a dot, whatever the locale).
     */
    static <R extends Record> String csv(Class<R> type, List<R> rows) {
        StringBuilder out = new StringBuilder();
        out.append(Arrays.stream(type.getRecordComponents()).map(c -> field(c.getName())).collect(Collectors.joining(",")))
                .append("\r\n");
        for (R row : rows) {
            out.append(cells(row).values().stream().map(OutputFormat::field).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    /** A record's components as text, by name in declaration order, as they go in a CSV cell. */
    static Map<String, String> cells(Record row) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (RecordComponent column : row.getClass().getRecordComponents()) {
            try {
                cells.put(column.getName(), text(column.getAccessor().invoke(row)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + column.getName() + " of " + row, e);
            }
        }
        return cells;
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case Collection<?> items -> items.stream().map(OutputFormat::text).collect(Collectors.joining(" "));
            default -> String.valueOf(value);
        };
    }

    private static String field(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
