package vn.motcua.device.printer.escpos;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fazecast.jSerialComm.SerialPort;

/**
 * How the serial line to a printer is set: speed and flow control, always 8 data bits, no parity, 1 stop bit
 * (8N1, what every ESC/POS printer uses). The printer's self-test page (hold FEED while switching on) prints the
 * values it expects.
 *
 * @param baud        one of {@link #BAUD_RATES}
 * @param flowControl how the printer tells the unit to pause while its buffer is full
 */
public record SerialSettings(int baud, FlowControl flowControl) {

    /** The rates thermal printers offer (DIP switches or a setup utility); 9600 is the usual factory setting. */
    public static final List<Integer> BAUD_RATES = List.of(9600, 19200, 38400, 57600, 115200);
    public static final int DEFAULT_BAUD = 9600;

    /** How the printer holds the unit back. */
    public enum FlowControl {
        /**
         * Hardware handshake: the printer drops CTS while its buffer is full. Needed for raster tickets (tens of
         * kilobytes, far more than a printer's 4-64 KB buffer takes while it is busy printing).
         */
        RTS_CTS("rtscts", SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED),
        /**
         * Software handshake: the printer sends XOFF (0x13) / XON (0x11). Works on a three-wire cable; status answers
         * never collide with these bytes (an answer always has bit 0 clear).
         */
        XON_XOFF("xonxoff", SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED),
        /** None: only safe when the printer's buffer is larger than a whole ticket. */
        NONE("none", SerialPort.FLOW_CONTROL_DISABLED);

        private final String configName;
        private final int jSerialCommFlags;

        FlowControl(String configName, int jSerialCommFlags) {
            this.configName = configName;
            this.jSerialCommFlags = jSerialCommFlags;
        }

        /** The name in config files and on the command line: rtscts, xonxoff or none. */
        public String configName() {
            return configName;
        }

        int jSerialCommFlags() {
            return jSerialCommFlags;
        }

        /**
         * The flow control named {@code name} (any case).
         *
         * @throws IllegalArgumentException naming the accepted values
         */
        public static FlowControl named(String name) {
            for (FlowControl flow : values()) {
                if (flow.configName.equals(name.toLowerCase(Locale.ROOT))) {
                    return flow;
                }
            }
            throw new IllegalArgumentException("must be rtscts, xonxoff or none, was \"" + name + "\"");
        }
    }

    public SerialSettings {
        if (!BAUD_RATES.contains(baud)) {
            throw new IllegalArgumentException("baud must be one of " + BAUD_RATES + ", was " + baud);
        }
        Objects.requireNonNull(flowControl, "flowControl");
    }

    /** 9600 baud with RTS/CTS. */
    public static SerialSettings defaults() {
        return new SerialSettings(DEFAULT_BAUD, FlowControl.RTS_CTS);
    }

    /** How long {@code bytes} take on the wire at this speed (10 bits a byte with start and stop bit), in ms. */
    public long millisFor(long bytes) {
        return (bytes * 10 * 1000 + baud - 1) / baud;
    }
}
