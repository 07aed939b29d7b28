package vn.motcua.hub.engine;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One ticket as its citizen follows it on the status page. {@code ahead}, {@code estimateMin} and
 * {@code mayNotBeServedToday} describe the wait and are only meaningful while {@code state} is WAITING (0, empty,
 * false otherwise); {@code counter} is where the ticket is called or served, while it is at a counter.
 */
public record TicketStatus(String label, String service, String serviceNameVi, String serviceNameEn, TicketState state,
                           int ahead, Optional<Integer> estimateMin, boolean mayNotBeServedToday,
                           Optional<Integer> counter, OffsetDateTime issuedAt) {
}
