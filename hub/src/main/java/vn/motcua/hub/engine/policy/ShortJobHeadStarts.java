package vn.motcua.hub.engine.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import vn.motcua.hub.site.Office;

/**
 * The short-job head start of each service: {@code max × (1 − mean ÷ longest mean)}, in seconds. When the office is
 * overloaded, serving a 5-minute certification before an 18-minute land file shortens the queue's mean wait (the
 * cμ rule); the head start is bounded by {@code max}, so a long file is overtaken by at most that much waiting.
 */
final class ShortJobHeadStarts {

    private ShortJobHeadStarts() {
    }

    static Map<String, Long> of(List<Office.Service> services, Duration max) {
        double longest = services.stream().mapToDouble(Office.Service::meanMinutes).max().orElse(0);
        return services.stream().collect(Collectors.toUnmodifiableMap(Office.Service::code,
                s -> Math.round(max.toSeconds() * (1 - s.meanMinutes() / longest))));
    }
}
