package vn.motcua.hub.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A satisfaction key press at a counter, linked to the ticket it rates and its officer when known. */
public record Rating(LocalDate day, int counter, String level, Optional<String> ticket, Optional<String> officer,
                     Instant at) {
}
