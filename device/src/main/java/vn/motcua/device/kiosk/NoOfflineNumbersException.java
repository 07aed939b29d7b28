package vn.motcua.device.kiosk;

/** The hub is unreachable and the kiosk has no leased number left for the service today: nothing was printed. */
public final class NoOfflineNumbersException extends RuntimeException {

    public NoOfflineNumbersException(String service) {
        super("the hub is unreachable and no offline numbers are left for " + service + " today");
    }
}
