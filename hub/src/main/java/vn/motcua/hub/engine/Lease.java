package vn.motcua.hub.engine;

import java.time.LocalDate;

/**
 * A block of numbers {@code [first, last]} of one service, leased to one kiosk for one office day: the kiosk prints
 * from it while the hub is out of reach, and nobody else is given those numbers that day.
 */
public record Lease(String device, String service, LocalDate day, int first, int last) {

    boolean holds(int number) {
        return number >= first && number <= last;
    }
}
