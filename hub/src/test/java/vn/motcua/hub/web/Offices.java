package vn.motcua.hub.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.Board.Call;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.CounterState.Current;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.ServiceCatalogue;
import vn.motcua.protocol.message.ServiceCatalogue.Entry;
import vn.motcua.protocol.message.ServingPhase;

/** A district office mid-morning (after shared/data/district-office.json), as boards and catalogues for tests. */
final class Offices {

    static final String OFFICE = "Bộ phận Một cửa UBND huyện Nghi Lộc";
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-23T08:15:00+07:00");

    private Offices() {
    }

    /** Eight counters: serving, called, paused, closed and idle ones; sequence 41. */
    static Board morning() {
        List<CounterState> counters = List.of(
                serving(1, "1-021", "DD"),
                called(2, "1-023", "DD"),
                serving(3, "7-004", "TN"),
                called(4, "2-012", "HT"),
                new CounterState(5, CounterStatus.PAUSED, Optional.empty(), T0),
                new CounterState(6, CounterStatus.CLOSED, Optional.empty(), T0),
                new CounterState(7, CounterStatus.OPEN, Optional.empty(), T0),
                serving(8, "6-003", "LD"));
        List<Call> calls = List.of(
                call("1-023", 2, 0), call("2-012", 4, 1), call("7-004", 3, 2), call("1-021", 1, 3), call("6-003", 8, 4));
        return new Board(OFFICE, 41, counters, calls, T0);
    }

    /** {@link #morning()} after counter 7 calls {@code ticket}: a new newest call, the next sequence. */
    static Board counterSevenCalls(Board before, String ticket) {
        OffsetDateTime at = before.updatedAt().plusMinutes(1);
        List<CounterState> counters = new ArrayList<>();
        for (CounterState state : before.counters()) {
            counters.add(state.counter() != 7 ? state : new CounterState(7, CounterStatus.OPEN,
                    Optional.of(new Current(ticket, "HT", ServingPhase.CALLED, 0, at)), at));
        }
        List<Call> calls = new ArrayList<>();
        calls.add(new Call(ticket, 7, false, at));
        calls.addAll(before.recentCalls());
        return new Board(before.office(), before.sequence() + 1, counters, calls, at);
    }

    /** A provincial centre: {@code counters} counters, most of them busy, and twelve services. */
    static Board centre(int counters) {
        List<CounterState> states = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        for (int n = 1; n <= counters; n++) {
            String ticket = "%d-%03d".formatted(n % 8 + 1, 100 + n);
            CounterState state = switch (n % 7) {
                case 0 -> new CounterState(n, CounterStatus.PAUSED, Optional.empty(), T0);
                case 3 -> called(n, ticket, "HT");
                case 5 -> new CounterState(n, CounterStatus.CLOSED, Optional.empty(), T0);
                default -> serving(n, ticket, "DD");
            };
            states.add(state);
            if (state.current().isPresent() && calls.size() < 10) {
                calls.add(call(ticket, n, calls.size()));
            }
        }
        return new Board("Trung tâm Phục vụ hành chính công tỉnh Nghệ An", 900, states, calls, T0);
    }

    /** Twelve services with long names, for a centre. */
    static ServiceCatalogue centreCatalogue() {
        String[][] names = {
                {"DD", "Đất đai"}, {"HT", "Hộ tịch"}, {"CT", "Chứng thực"}, {"KD", "Đăng ký hộ kinh doanh"},
                {"XD", "Xây dựng"}, {"LD", "Lao động - Thương binh và Xã hội"}, {"TN", "Tài nguyên và Môi trường"},
                {"GT", "Giao thông vận tải"}, {"TP", "Tư pháp"}, {"YT", "Y tế"}, {"GD", "Giáo dục và Đào tạo"},
                {"KH", "Lĩnh vực khác"}};
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            entries.add(new Entry(names[i][0], Integer.toString(i % 9 + 1), names[i][1], names[i][0], i != 9,
                    i * 3 % 17, i % 3 == 0 ? Optional.empty() : Optional.of(5 + i * 4)));
        }
        return new ServiceCatalogue("Trung tâm Phục vụ hành chính công tỉnh Nghệ An", entries, T0);
    }

    static ServiceCatalogue catalogue(int landWaiting) {
        return catalogue(landWaiting, "Đất đai");
    }

    /** The catalogue with the land service named {@code landName}, which may be hostile. */
    static ServiceCatalogue catalogue(int landWaiting, String landName) {
        return new ServiceCatalogue(OFFICE, List.of(
                new Entry("DD", "1", landName, "Land", true, landWaiting, Optional.of(25)),
                new Entry("HT", "2", "Hộ tịch", "Civil status", true, 3, Optional.of(12)),
                new Entry("CT", "3", "Chứng thực", "Certification of copies and signatures", true, 0, Optional.empty()),
                new Entry("TN", "7", "Tài nguyên và Môi trường", "Natural resources and environment", true, 1,
                        Optional.of(10)),
                new Entry("LD", "6", "Lao động - Thương binh và Xã hội", "Labour, invalids and social affairs", false, 0,
                        Optional.empty())), T0);
    }

    private static CounterState serving(int counter, String ticket, String service) {
        return new CounterState(counter, CounterStatus.OPEN,
                Optional.of(new Current(ticket, service, ServingPhase.SERVING, 0, T0.minusMinutes(5))), T0);
    }

    private static CounterState called(int counter, String ticket, String service) {
        return new CounterState(counter, CounterStatus.OPEN,
                Optional.of(new Current(ticket, service, ServingPhase.CALLED, 0, T0)), T0);
    }

    private static Call call(String ticket, int counter, int minutesAgo) {
        return new Call(ticket, counter, false, T0.minusMinutes(minutesAgo));
    }
}
