package vn.motcua.hub.gateway;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code device} label of per-unit series in /metrics, bounded: the first {@value #MAX} units keep their own id,
 * every later one shares {@code "other"}, so units that keep making up new ids cannot grow /metrics without end.
 * Ids reach here only from parsed topics, so they are valid names, safe inside a label.
 */
final class UnitLabels {

    static final int MAX = 500;
    static final String OTHER = "other";

    private final Set<String> named = ConcurrentHashMap.newKeySet();

    String of(String deviceId) {
        if (named.contains(deviceId)) {
            return deviceId;
        }
        if (named.size() < MAX) {
            named.add(deviceId);
            return deviceId;
        }
        return OTHER;
    }
}
