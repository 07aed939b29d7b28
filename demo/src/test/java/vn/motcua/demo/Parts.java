package vn.motcua.demo;

import java.nio.file.Path;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;

/** What the end-to-end tests share: the sample office they run, and closing what a test started. */
final class Parts {

    /** The sample district office, as `./motcua demo` runs it. */
    static final Office DISTRICT = OfficeLoader.load(Path.of("../config/offices/district-office.json"));

    private Parts() {
    }

    /** Closes every part that was started (nulls were not), in the order given: units before hub before broker. */
    static void closeAll(AutoCloseable... parts) throws Exception {
        for (AutoCloseable part : parts) {
            if (part != null) {
                part.close();
            }
        }
    }
}
