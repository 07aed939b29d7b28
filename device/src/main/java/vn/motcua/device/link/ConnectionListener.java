package vn.motcua.device.link;

/** Told when the link to the broker goes down or comes back; called on the link's event thread. */
@FunctionalInterface
public interface ConnectionListener {

    void connectionChanged(boolean online);
}
