package vn.motcua.protocol.message;

/** What a unit does; one unit may combine roles. */
public enum Role {
    /** Entrance kiosk: service keys, ticket printer, QR scanner. */
    KIOSK,
    /** Counter unit: number display, staff keys, satisfaction keypad. */
    COUNTER,
    /** Hall display: board screen and voice calls. */
    DISPLAY
}
