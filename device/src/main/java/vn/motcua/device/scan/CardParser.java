package vn.motcua.device.scan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

import vn.motcua.device.scan.Rejected.Code;

/**
 * Reads the chip citizen ID card (CCCD) QR by field count: 7 fields are id | old id | name | birth | sex | address |
 * issue date; 6 fields lack the old id; more than 7 are the newer identity card, whose extra trailing fields are
 * checked for hostile content and dropped. Stateless. Input is already NFC and free of lone surrogates.
 */
final class CardParser {

    static final int MAX_CARD_BYTES = 512;
    static final int MAX_NAME_CHARS = 100;
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("ddMMuuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private CardParser() {
    }

    static Scan parse(String text, int utf8Bytes, LocalDate today) {
        if (utf8Bytes > MAX_CARD_BYTES) {
            return new Rejected(Code.TOO_LONG, "citizen card QR is " + utf8Bytes + " bytes, limit " + MAX_CARD_BYTES);
        }
        String[] f = text.split("\\|", -1);
        if (f.length < 6) {
            return new Rejected(Code.CARD_FIELD_COUNT,
                    "citizen card QR has " + f.length + " fields, expected 6, 7 or more");
        }
        int at = f.length == 6 ? 0 : 1;
        String id = f[0];
        Optional<Rejected> wrong = idNumber(id)
                .or(() -> at == 1 ? oldId(f[1]) : Optional.empty())
                .or(() -> fullName(f[1 + at]))
                .or(() -> date(f[2 + at], "birth date", Code.CARD_BIRTH_DATE))
                .or(() -> sex(f[3 + at]))
                .or(() -> hostile(f[4 + at], "address", Code.CARD_ADDRESS))
                .or(() -> date(f[5 + at], "issue date", Code.CARD_ISSUE_DATE));
        for (int i = 6 + at; i < f.length && wrong.isEmpty(); i++) {
            wrong = hostile(f[i], "extra field " + (i + 1), Code.CARD_EXTRA_FIELD);
        }
        if (wrong.isPresent()) {
            return wrong.get();
        }
        LocalDate birth = LocalDate.parse(f[2 + at], DATE);
        LocalDate issued = LocalDate.parse(f[5 + at], DATE);
        if (birth.isAfter(today)) {
            return new Rejected(Code.CARD_BIRTH_DATE, "birth date is in the future");
        }
        if (birth.isBefore(EARLIEST_BIRTH)) {
            return new Rejected(Code.CARD_BIRTH_DATE, "birth date is before 1900");
        }
        if (issued.isAfter(today)) {
            return new Rejected(Code.CARD_ISSUE_DATE, "issue date is in the future");
        }
        if (!birth.isBefore(issued)) {
            return new Rejected(Code.CARD_ISSUE_DATE, "issue date must be after birth date");
        }
        return new CitizenCard(id, f[1 + at], birth);
    }

    private static Optional<Rejected> idNumber(String id) {
        return hostile(id, "id number", Code.CARD_ID_NUMBER).or(() -> digits(id, 12, "id number", Code.CARD_ID_NUMBER));
    }

    private static Optional<Rejected> oldId(String old) {
        if (old.isEmpty()) {
            return Optional.empty();
        }
        return hostile(old, "old id number", Code.CARD_OLD_ID_NUMBER)
                .or(() -> digits(old, 9, "old id number", Code.CARD_OLD_ID_NUMBER));
    }

    private static Optional<Rejected> fullName(String name) {
        Optional<Rejected> hostile = hostile(name, true, "full name", Code.CARD_FULL_NAME);
        if (hostile.isPresent()) {
            return hostile;
        }
        int length = name.codePointCount(0, name.length());
        if (length == 0 || length > MAX_NAME_CHARS) {
            return reject(Code.CARD_FULL_NAME, "full name must be 1-" + MAX_NAME_CHARS + " characters, was " + length);
        }
        if (name.startsWith(" ") || name.endsWith(" ")) {
            return reject(Code.CARD_FULL_NAME, "full name must not start or end with a space");
        }
        boolean letter = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            boolean latinLetter = Character.isLetter(cp)
                    && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
            letter |= latinLetter;
            if (!latinLetter && cp != ' ' && cp != '\'' && cp != '-') {
                return reject(Code.CARD_FULL_NAME, "full name may hold only letters, spaces, ' and -, found "
                        + ScanText.describe(cp));
            }
        }
        return letter ? Optional.empty() : reject(Code.CARD_FULL_NAME, "full name has no letter");
    }

    private static Optional<Rejected> date(String value, String field, Code code) {
        return hostile(value, field, code).or(() -> digits(value, 8, field + " (ddMMyyyy)", code)).or(() -> {
            try {
                LocalDate.parse(value, DATE);
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return reject(code, field + " is not a real date (ddMMyyyy)");
            }
        });
    }

    private static Optional<Rejected> sex(String sex) {
        return hostile(sex, "sex", Code.CARD_SEX)
                .or(() -> sex.equals("Nam") || sex.equals("Nữ") ? Optional.empty()
                        : reject(Code.CARD_SEX, "sex must be Nam or Nữ"));
    }

    private static Optional<Rejected> digits(String value, int count, String field, Code code) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return reject(code, field + " must be " + count + " digits, has "
                        + ScanText.describe(value.codePointAt(i)));
            }
        }
        return value.length() == count ? Optional.empty()
                : reject(code, field + " must be " + count + " digits, was " + value.length());
    }

    private static Optional<Rejected> hostile(String value, String field, Code code) {
        return hostile(value, false, field, code);
    }

    private static Optional<Rejected> hostile(String value, boolean apostrophe, String field, Code code) {
        return ScanText.forbidden(value, apostrophe).map(why -> new Rejected(code, field + " " + why));
    }

    private static Optional<Rejected> reject(Code code, String reason) {
        return Optional.of(new Rejected(code, reason));
    }
}
