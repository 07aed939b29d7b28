package vn.motcua.device.config;

import java.nio.file.Path;

/**
 * A {@code hardware} section kept in a file of its own, e.g. an office's standard kiosk wiring that
 * {@code motcua provision device --hardware FILE} copies into each unit's config.
 */
public final class HardwareSection {

    private HardwareSection() {
    }

    /**
     * Reads and validates {@code file}, which holds the section's object alone:
     * {@code {"printer": {...}, "keys": {...}}}. Whether the unit's roles use the parts is checked when the section
     * joins a {@link UnitConfig}.
     *
     * @throws UnitConfigException naming the file and the field at fault ({@code hardware.printer.baud})
     */
    public static HardwareConfig read(Path file) {
        try {
            return HardwareConfig.fromJson(UnitConfigFile.parse(file));
        } catch (UnitConfigException e) {
            throw e.field().isPresent() ? e.in(file) : e;
        }
    }
}
