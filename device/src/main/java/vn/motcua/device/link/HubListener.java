package vn.motcua.device.link;

/** Told whether the hub can be reached, at registration and at every change; called on the link's event thread. */
@FunctionalInterface
public interface HubListener {

    void hubChanged(boolean reachable);
}
