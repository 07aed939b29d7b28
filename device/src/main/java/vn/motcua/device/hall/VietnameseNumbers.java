package vn.motcua.device.hall;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole number 0-99 999 as Vietnamese words, the way a voice calls a ticket: 15 "mười lăm", 21 "hai mươi
 * mốt", 24 "hai mươi tư", 105 "một trăm linh năm", 1 010 "một nghìn không trăm mười". The rules:
 * <ul>
 *   <li>a tens digit of 1 is "mười", of 2-9 "mươi" after the digit;</li>
 *   <li>after a tens word, 5 is "lăm"; 1 is "mốt" and 4 is "tư" only after "mươi" (so "mười một", "mười bốn");</li>
 *   <li>a unit after a zero tens inside a hundred is joined by "linh" (Southern "lẻ");</li>
 *   <li>below a thousand that is not the whole number, the hundreds are said even when zero ("không trăm");</li>
 *   <li>thousands are "nghìn" (Southern "ngàn").</li>
 * </ul>
 * The Northern reading is the reference in {@code vi-numbers.tsv}; the Southern one swaps the two words only.
 */
public final class VietnameseNumbers {

    public static final int MAX = 99_999;

    /** Which words a reading uses where the regions differ. */
    public enum Dialect {
        NORTHERN("linh", "nghìn"),
        SOUTHERN("lẻ", "ngàn");

        private final String zeroTensJoin;
        private final String thousand;

        Dialect(String zeroTensJoin, String thousand) {
            this.zeroTensJoin = zeroTensJoin;
            this.thousand = thousand;
        }
    }

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};

    private final Dialect dialect;

    public VietnameseNumbers(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The words for {@code number}, separated by single spaces. */
    public String read(int number) {
        if (number < 0 || number > MAX) {
            throw new IllegalArgumentException("a number to read must be 0-" + MAX + ", was " + number);
        }
        if (number == 0) {
            return DIGITS[0];
        }
        List<String> words = new ArrayList<>();
        int thousands = number / 1000;
        int rest = number % 1000;
        if (thousands > 0) {
            words.addAll(belowHundred(thousands));
            words.add(dialect.thousand);
        }
        if (rest > 0) {
            words.addAll(belowThousand(rest, thousands > 0));
        }
        return String.join(" ", words);
    }

    /** 1-999; {@code inLargerNumber}: a thousands part came before, so a zero hundreds digit is still said. */
    private List<String> belowThousand(int number, boolean inLargerNumber) {
        int hundreds = number / 100;
        int rest = number % 100;
        if (hundreds == 0 && !inLargerNumber) {
            return belowHundred(rest);
        }
        List<String> words = new ArrayList<>(List.of(DIGITS[hundreds], "trăm"));
        if (rest > 0 && rest < 10) {
            words.add(dialect.zeroTensJoin);
            words.add(DIGITS[rest]);
        } else if (rest >= 10) {
            words.addAll(belowHundred(rest));
        }
        return words;
    }

    /** 1-99 on their own: "năm", "mười lăm", "hai mươi mốt". */
    private static List<String> belowHundred(int number) {
        int tens = number / 10;
        int units = number % 10;
        if (tens == 0) {
            return List.of(DIGITS[units]);
        }
        List<String> words = new ArrayList<>();
        if (tens == 1) {
            words.add("mười");
        } else {
            words.add(DIGITS[tens]);
            words.add("mươi");
        }
        if (units == 5) {
            words.add("lăm");
        } else if (units == 1 && tens > 1) {
            words.add("mốt");
        } else if (units == 4 && tens > 1) {
            words.add("tư");
        } else if (units > 0) {
            words.add(DIGITS[units]);
        }
        return words;
    }
}
