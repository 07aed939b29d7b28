package vn.motcua.hub.engine;

import java.time.Instant;

/** A booked slot for a service, checked in once with its token (the QR the citizen got when booking). */
public record Appointment(String token, String service, Instant slot) {
}
