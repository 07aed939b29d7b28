package vn.motcua.device.scan;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * The part of a chip citizen ID card (CCCD) QR the office needs: the 12-digit id number, the full name (NFC) and the
 * birth date for the elderly priority class. The address, old id, sex and issue date are checked by the parser and
 * then dropped. {@link #toString()} shows only the last four digits of the id so logs never hold a full id, and
 * neither the name nor the birth date.
 */
public record CitizenCard(String idNumber, String fullName, LocalDate birthDate) implements Scan {

    /** Age from which the Law on the Elderly (Luật Người cao tuổi 2009) counts a citizen as elderly. */
    public static final int ELDERLY_AGE = 60;

    public CitizenCard {
        if (idNumber == null || !idNumber.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("id number must be 12 digits");
        }
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("full name must not be blank");
        }
        Objects.requireNonNull(birthDate, "birthDate");
    }

    /** Whether the holder is at least {@value #ELDERLY_AGE} years old on {@code today}. */
    public boolean isElderly(LocalDate today) {
        return isElderly(today, ELDERLY_AGE);
    }

    /** Whether the holder is at least {@code elderlyAge} full years old on {@code today}. */
    public boolean isElderly(LocalDate today, int elderlyAge) {
        if (elderlyAge < 0) {
            throw new IllegalArgumentException("elderly age must not be negative, was " + elderlyAge);
        }
        return !today.isBefore(birthDate) && Period.between(birthDate, today).getYears() >= elderlyAge;
    }

    /** The id with all but the last four digits hidden: "********1234". */
    public String maskedId() {
        return "*".repeat(idNumber.length() - 4) + idNumber.substring(idNumber.length() - 4);
    }

    @Override
    public String toString() {
        return "CitizenCard[idNumber=" + maskedId() + "]";
    }
}
