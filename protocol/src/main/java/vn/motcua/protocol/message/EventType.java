package vn.motcua.protocol.message;

import java.util.Arrays;
import java.util.Optional;

/** Every event type of wire version 1, with its body record. */
public enum EventType {
    PRINTER_STATUS("printer.status", EventBody.PrinterStatus.class),
    HEALTH("health", EventBody.Health.class);

    private final String wireName;
    private final Class<? extends EventBody> bodyType;

    EventType(String wireName, Class<? extends EventBody> bodyType) {
        this.wireName = wireName;
        this.bodyType = bodyType;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends EventBody> bodyType() {
        return bodyType;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static EventType of(EventBody body) {
        return Arrays.stream(values()).filter(t -> t.bodyType == body.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + body.getClass()));
    }
}
