package vn.motcua.device.display;

import java.text.Normalizer;

/** Vietnamese to plain ASCII for displays without its glyphs: "Quầy 3 · Đóng" becomes "Quay 3 - Dong". */
final class AsciiFold {

    private AsciiFold() {
    }

    /** Drops diacritics (NFD, then no combining marks), đ/Đ to d/D, '·' to '-'; any other non-ASCII becomes '?'. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(decomposed.length());
        for (char c : decomposed.toCharArray()) {
            out.append(switch (c) {
                case 'đ' -> 'd';
                case 'Đ' -> 'D';
                case '·' -> '-';
                default -> c >= 0x20 && c < 0x7F ? c : '?';
            });
        }
        return out.toString();
    }
}
