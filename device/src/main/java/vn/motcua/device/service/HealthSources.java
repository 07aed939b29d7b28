package vn.motcua.device.service;

import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import vn.motcua.protocol.message.EventBody;

/**
 * What the health report reads that the unit does not expose itself yet; both are called on the service thread, so
 * they must be cheap and thread-safe.
 *
 * @param outboxDepth   requests and events stored but not yet acknowledged by the broker (the durable outbox's
 *                      {@code MqttLink.outboxDepth()})
 * @param printerStatus the kiosk's last printer status read ({@code DLE EOT}); empty when none was read
 */
public record HealthSources(IntSupplier outboxDepth, Supplier<Optional<EventBody.PrinterStatus>> printerStatus) {
}
