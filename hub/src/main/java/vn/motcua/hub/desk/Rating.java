package vn.motcua.hub.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A satisfaction key press at a counter, linked to the ticket it rates when one could be found. */
public record Rating(LocalDate day, int counter, String level, Optional<String> ticket, Instant at) {
}
