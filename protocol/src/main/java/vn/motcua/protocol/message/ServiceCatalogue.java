package vn.motcua.protocol.message;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The services a kiosk offers, retained on {@code services}, with how many wait and the current estimate. */
public record ServiceCatalogue(String office, List<Entry> services, OffsetDateTime updatedAt) {

    public ServiceCatalogue {
        Check.text(office, "office");
        services = List.copyOf(Check.required(services, "services"));
        Check.required(updatedAt, "updatedAt");
    }

    /** One service: names in Vietnamese and English, whether it takes tickets now, its queue. */
    public record Entry(String code, String prefix, String nameVi, String nameEn, boolean open, int waiting,
                        Optional<Integer> estimateMin) {
        public Entry {
            Check.code(code, "service.code");
            Check.prefix(prefix, "service.prefix");
            Check.text(nameVi, "service.nameVi");
            Check.text(nameEn, "service.nameEn");
            Check.nonNegative(waiting, "service.waiting");
            estimateMin = Check.optional(estimateMin).map(m -> Check.nonNegative(m, "service.estimateMin"));
        }
    }
}
