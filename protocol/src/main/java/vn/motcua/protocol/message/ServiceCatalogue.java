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

    /**
     * One service: names in Vietnamese and English, whether it takes tickets now, its queue.
     * {@code mayNotBeServedToday}: a ticket taken now would get that warning (see {@code TicketIssued}); absent on the
     * wire reads as {@code false}, as does null (a {@code Boolean} for that reason, never null once built).
     */
    public record Entry(String code, String prefix, String nameVi, String nameEn, boolean open, int waiting,
                        Optional<Integer> estimateMin, Boolean mayNotBeServedToday) {
        public Entry {
            Check.code(code, "service.code");
            Check.prefix(prefix, "service.prefix");
            Check.text(nameVi, "service.nameVi");
            Check.text(nameEn, "service.nameEn");
            Check.nonNegative(waiting, "service.waiting");
            estimateMin = Check.optional(estimateMin).map(m -> Check.nonNegative(m, "service.estimateMin"));
            mayNotBeServedToday = Boolean.TRUE.equals(mayNotBeServedToday);
        }

        /** A service as a hub without {@code mayNotBeServedToday} lists it: no warning. */
        public Entry(String code, String prefix, String nameVi, String nameEn, boolean open, int waiting,
                     Optional<Integer> estimateMin) {
            this(code, prefix, nameVi, nameEn, open, waiting, estimateMin, false);
        }
    }
}
