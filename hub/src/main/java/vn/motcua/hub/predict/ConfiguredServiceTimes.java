package vn.motcua.hub.predict;

import vn.motcua.hub.site.Office;

/** The mean service times the office profile configures ({@code services[].meanMin}), as offices use them today. */
public record ConfiguredServiceTimes(Office office) implements ServiceTimeStats {

    @Override
    public double meanMinutes(String service) {
        return office.service(service).map(Office.Service::meanMinutes)
                .orElseThrow(() -> new IllegalArgumentException("office " + office.id() + " has no service " + service));
    }
}
