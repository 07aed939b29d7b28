package vn.motcua.device.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Values the scan tests share: the office date, a valid card and the shared CCCD QR samples. */
final class ScanFixtures {

    /** The office date every test parses against. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    /** A valid 7-field card; its address and old id must not survive parsing. */
    static final String CARD = "079090001234|025123456|Nguyễn Văn An|15031990|Nam|123 Lê Lợi, Quận 1|20042021";
    /** What {@link #CARD} parses to. */
    static final CitizenCard AN = new CitizenCard("079090001234", "Nguyễn Văn An", LocalDate.of(1990, 3, 15));

    private ScanFixtures() {
    }

    /** {@link #CARD} with field {@code index} (0-based) replaced. */
    static String cardWith(int index, String value) {
        String[] fields = CARD.split("\\|", -1);
        fields[index] = value;
        return String.join("|", fields);
    }

    /**
     * The valid or the invalid lines of {@code cccd-qr-samples.txt}, a copy of shared/data/cccd-qr-samples.txt:
     * comment lines start with '#', and the invalid ones follow the comment starting "# invalid".
     */
    static List<String> samples(boolean valid) throws IOException {
        try (InputStream in = ScanFixtures.class.getResourceAsStream("/cccd-qr-samples.txt")) {
            List<String> picked = new ArrayList<>();
            boolean invalidPart = false;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.startsWith("# invalid")) {
                    invalidPart = true;
                } else if (!line.startsWith("#") && !line.isBlank() && invalidPart != valid) {
                    picked.add(line);
                }
            }
            return picked;
        }
    }
}
