package vn.motcua.systemd;

/** Tells the service manager about this process: {@code READY=1}, {@code STOPPING=1}, {@code WATCHDOG=1}, ... */
@FunctionalInterface
public interface Notifier {

    /** Sends one notification (newline-separated {@code KEY=value} assignments); never throws. */
    void notify(String state);
}
