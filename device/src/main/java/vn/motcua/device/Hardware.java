package vn.motcua.device;

import vn.motcua.device.counter.CounterDisplay;
import vn.motcua.device.counter.SimulatedCounterDisplay;
import vn.motcua.device.printer.SimulatedPrinter;
import vn.motcua.device.printer.TicketPrinter;
import vn.motcua.device.scan.Scanner;
import vn.motcua.device.scan.SimulatedScanner;

/**
 * The peripherals a unit drives, behind their interfaces. A unit uses those its roles need: the printer for KIOSK,
 * the display for COUNTER, the QR scanner for both (the unit starts it and routes its scans to the roles). Real drivers (ESC/POS, MAX7219, HD44780) slot in here; nothing picks them by guessing.
 */
public record Hardware(TicketPrinter printer, CounterDisplay counterDisplay, Scanner scanner) {

    /** The given printer and display, with the simulated scanner. */
    public Hardware(TicketPrinter printer, CounterDisplay counterDisplay) {
        this(printer, counterDisplay, new SimulatedScanner());
    }

    /** Simulators for every peripheral; {@code name} labels their log lines. */
    public static Hardware simulated(String name) {
        return new Hardware(new SimulatedPrinter(name), new SimulatedCounterDisplay(name));
    }
}
