package vn.motcua.device.service;

import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import vn.motcua.protocol.message.EventBody;

/**
 * What the health report reads from the unit; both are called on the service thread, so they must be cheap and
 * thread-safe. A seam, so the report's tests need no kiosk or outbox.
 *
 * @param outboxDepth   durable messages stored and not yet taken by the hub ({@code MqttLink.outboxDepth()})
 * @param printerStatus the kiosk's last printer status read ({@code DLE EOT}); empty when none was read
 */
public record HealthSources(IntSupplier outboxDepth, Supplier<Optional<EventBody.PrinterStatus>> printerStatus) {
}
