package vn.motcua.device.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A unit configuration that cannot be used. The message names the file (when there is one), the field and what is
 * wrong with it, so an installer can fix the file without reading code.
 */
public final class UnitConfigException extends RuntimeException {

    private final String field;
    private final String problem;

    /** A problem with one field; {@code field} is its name in the JSON file. */
    public UnitConfigException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** A problem with the file as a whole (missing, unreadable, not JSON). */
    public UnitConfigException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.field = null;
        this.problem = problem;
    }

    private UnitConfigException(Path file, UnitConfigException fieldProblem) {
        super(file + ": " + fieldProblem.getMessage(), fieldProblem.getCause());
        this.field = fieldProblem.field;
        this.problem = fieldProblem.problem;
    }

    /** The same problem, now saying which file it is in. */
    UnitConfigException in(Path file) {
        return new UnitConfigException(file, this);
    }

    /** The JSON field at fault, or empty when the file as a whole is. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** What is wrong, without the file and field names, e.g. "must be 1-999, was 0". */
    public String problem() {
        return problem;
    }
}
