package vn.motcua.device.hall;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.protocol.message.Board;

/**
 * Words for a call: "Mời công dân có số hai, mười lăm, đến quầy số bốn." for ticket 2-015 at counter 4, and
 * "Mời lần nữa công dân …" for a recall, so the citizen who missed the first call knows it is the same one.
 * A ticket label is its prefix, read part by part (digits as a number, letters by their Vietnamese names), a short
 * pause, then its number without the leading zeros the ticket prints.
 */
public final class AnnouncementText {

    private static final Pattern PREFIX_PART = Pattern.compile("[0-9]+|[A-Z]");
    /** The names Vietnamese speakers give the letters of a ticket prefix (Latin letters outside the alphabet too). */
    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('A', "a"), Map.entry('B', "bê"), Map.entry('C', "xê"), Map.entry('D', "dê"),
            Map.entry('E', "e"), Map.entry('F', "ép"), Map.entry('G', "giê"), Map.entry('H', "hát"),
            Map.entry('I', "i"), Map.entry('J', "gi"), Map.entry('K', "ca"), Map.entry('L', "e lờ"),
            Map.entry('M', "em mờ"), Map.entry('N', "en nờ"), Map.entry('O', "o"), Map.entry('P', "pê"),
            Map.entry('Q', "quy"), Map.entry('R', "e rờ"), Map.entry('S', "ét xì"), Map.entry('T', "tê"),
            Map.entry('U', "u"), Map.entry('V', "vê"), Map.entry('W', "vê kép"), Map.entry('X', "ích xì"),
            Map.entry('Y', "i dài"), Map.entry('Z', "dét"));

    private final VietnameseNumbers numbers;

    public AnnouncementText(VietnameseNumbers numbers) {
        this.numbers = numbers;
    }

    public Announcement of(Board.Call call) {
        String again = call.recall() ? "Mời lần nữa" : "Mời";
        String text = again + " công dân có số " + call.ticket() + " đến quầy số " + call.counter();
        String spoken = again + " công dân có số " + ticket(call.ticket()) + ", đến quầy số "
                + numbers.read(call.counter()) + ".";
        String english = (call.recall() ? "Again: number " : "Number ") + call.ticket() + ", please come to counter "
                + call.counter();
        return new Announcement(call, text, spoken, english);
    }

    /** "2-015" → "hai, mười lăm"; "AB1-007" → "a bê một, bảy". The label is valid: the protocol checked it. */
    String ticket(String label) {
        int dash = label.indexOf('-');
        List<String> prefix = new ArrayList<>();
        Matcher parts = PREFIX_PART.matcher(label.substring(0, dash).toUpperCase(Locale.ROOT));
        while (parts.find()) {
            String part = parts.group();
            prefix.add(Character.isDigit(part.charAt(0)) ? numbers.read(Integer.parseInt(part))
                    : LETTERS.get(part.charAt(0)));
        }
        return String.join(" ", prefix) + ", " + numbers.read(Integer.parseInt(label.substring(dash + 1)));
    }
}
