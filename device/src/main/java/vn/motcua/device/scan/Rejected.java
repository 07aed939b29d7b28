package vn.motcua.device.scan;

import java.util.Objects;

/**
 * A scan that cannot be used, with a stable {@link Code} for counters and metrics and a reason for the log and the
 * officer, e.g. "id number must be 12 digits, was 11". Reasons name the field and never repeat personal data.
 */
public record Rejected(Code code, String reason) implements Scan {

    /** Stable rejection codes; the {@code CARD_*} codes name the citizen card field at fault. */
    public enum Code {
        EMPTY, TOO_LONG, NOT_TEXT, FORBIDDEN_CHARACTER, UNRECOGNISED, ENROLLMENT_PAYLOAD, OFFICER_CODE,
        /** A well-formed scan this unit's roles do not take, e.g. an appointment at a counter. */
        NOT_FOR_UNIT,
        CARD_FIELD_COUNT, CARD_ID_NUMBER, CARD_OLD_ID_NUMBER, CARD_FULL_NAME, CARD_BIRTH_DATE, CARD_SEX,
        CARD_ADDRESS, CARD_ISSUE_DATE, CARD_EXTRA_FIELD
    }

    public Rejected {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
