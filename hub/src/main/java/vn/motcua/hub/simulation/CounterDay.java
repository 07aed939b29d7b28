package vn.motcua.hub.simulation;

import java.time.Duration;
import java.time.LocalDate;

/**
 * One counter on one simulated day. {@code open} is the office's opening time that day (every period), {@code busy}
 * the time the counter had a citizen called or at it; {@code files} the files its officer finished (a visit with a
 * second service counts two). {@link Summary} divides busy by open: a counter opening late or pausing shows lower.
 */
public record CounterDay(LocalDate day, int counter, String officer, Duration open, Duration busy, int files,
                         int breaks) {
}
