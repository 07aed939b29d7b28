package vn.motcua.device.display;

/**
 * Segment patterns for a MAX7219 in no-decode mode: bit 7 is the decimal point, bits 6..0 are segments A B C D E F G
 * (A on top, going clockwise, G in the middle). Covers digits, the dash (segment G alone), blank and the letters that
 * read on seven segments (some as lower case: b d n r t); K M Q V W X Z and anything else are blank.
 */
final class SevenSegment {

    static final byte BLANK = 0x00;
    static final byte DASH = 0x01; // G

    private static final byte[] DIGITS = {
        0x7E, // 0: A B C D E F
        0x30, // 1: B C
        0x6D, // 2: A B D E G
        0x79, // 3: A B C D G
        0x33, // 4: B C F G
        0x5B, // 5: A C D F G
        0x5F, // 6: A C D E F G
        0x70, // 7: A B C
        0x7F, // 8: all
        0x7B, // 9: A B C D F G
    };

    private SevenSegment() {
    }

    static byte of(char c) {
        if (c >= '0' && c <= '9') {
            return DIGITS[c - '0'];
        }
        return switch (c) {
            case '-' -> DASH;
            case 'O' -> 0x7E;          // as 0
            case 'F' -> 0x47;          // A E F G
            case 'P' -> 0x67;          // A B E F G
            case 'A' -> 0x77;          // A B C E F G
            case 'U' -> 0x3E;          // B C D E F
            case 'S' -> 0x5B;          // as 5
            case 'E' -> 0x4F;          // A D E F G
            case 'B' -> 0x1F;          // b: C D E F G
            case 'C' -> 0x4E;          // A D E F
            case 'D' -> 0x3D;          // d: B C D E G
            case 'G' -> 0x5E;          // A C D E F
            case 'H' -> 0x37;          // B C E F G
            case 'I' -> 0x30;          // as 1
            case 'J' -> 0x3C;          // B C D E
            case 'L' -> 0x0E;          // D E F
            case 'N' -> 0x15;          // n: C E G
            case 'R' -> 0x05;          // r: E G
            case 'T' -> 0x0F;          // t: D E F G
            case 'Y' -> 0x3B;          // B C D F G
            default -> BLANK;
        };
    }
}
