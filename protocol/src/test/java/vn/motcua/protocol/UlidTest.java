package vn.motcua.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UlidTest {

    private static final Instant T0 = Instant.parse("2026-11-23T01:15:02Z");

    @Test
    void ids_are_26_crockford_base32_characters_in_canonical_form() {
        Ulid generator = Ulid.generator();
        for (int i = 0; i < 1000; i++) {
            String id = generator.next();
            assertThat(id).hasSize(26).matches("[0-7][0-9A-HJKMNP-TV-Z]{25}");
            assertThat(Ulid.isCanonical(id)).isTrue();
        }
    }

    @Test
    void ids_from_one_generator_strictly_increase_within_one_millisecond() {
        Ulid generator = new Ulid(Clock.fixed(T0, ZoneOffset.UTC), new Random(42));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(generator.next());
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> assertThat(Ulid.timestampMillis(id)).isEqualTo(T0.toEpochMilli()));
    }

    @Test
    void ids_keep_increasing_when_the_clock_moves_forward_and_even_when_it_steps_back() {
        SteppingClock clock = new SteppingClock(T0.toEpochMilli());
        Ulid generator = new Ulid(clock, new Random(1));
        List<String> ids = new ArrayList<>();
        long[] steps = {0, 1, 1, 0, 1000, -5000, 0, 3, 86_400_000L, -1};
        for (long step : steps) {
            clock.millis += step;
            ids.add(generator.next());
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void the_increment_carries_across_64_bits_of_randomness_without_breaking_order() {
        Random allOnes = new Random() {
            @Override
            public long nextLong() {
                return -1L;
            }

            @Override
            public int nextInt(int bound) {
                return 0;
            }
        };
        Ulid generator = new Ulid(Clock.fixed(T0, ZoneOffset.UTC), allOnes);
        String first = generator.next();
        String second = generator.next();
        assertThat(first.substring(10)).isEqualTo("000F" + "Z".repeat(12)); // random part 2^64 - 1
        assertThat(second.substring(10)).isEqualTo("000G" + "0".repeat(12)); // random part 2^64
        assertThat(second).isGreaterThan(first);
        assertThat(Ulid.isCanonical(second)).isTrue();
        assertThat(Ulid.timestampMillis(second)).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void the_same_clock_and_seed_give_the_same_ids() {
        Ulid a = new Ulid(Clock.fixed(T0, ZoneOffset.UTC), new Random(7));
        Ulid b = new Ulid(Clock.fixed(T0, ZoneOffset.UTC), new Random(7));
        for (int i = 0; i < 5; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }

    @Test
    void concurrent_callers_never_get_the_same_id() {
        Ulid generator = new Ulid(Clock.fixed(T0, ZoneOffset.UTC), new Random(3));
        Set<String> ids = IntStream.range(0, 20_000).parallel().mapToObj(i -> generator.next()).collect(Collectors.toSet());
        assertThat(ids).hasSize(20_000);
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, 1_795_396_502_000L, 281_474_976_710_655L})
    void timestamp_millis_round_trips_through_an_id(long millis) {
        String id = new Ulid(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC), new Random(0)).next();
        assertThat(Ulid.timestampMillis(id)).isEqualTo(millis);
    }

    @Test
    void timestamp_matches_the_ulid_specification_example() {
        // github.com/ulid/spec: ulid(1469918176385) -> 01ARYZ6S41TSV4RRFFQ69G5FAV
        assertThat(Ulid.timestampMillis("01ARYZ6S41TSV4RRFFQ69G5FAV")).isEqualTo(1_469_918_176_385L);
        assertThat(new Ulid(Clock.fixed(Instant.ofEpochMilli(1_469_918_176_385L), ZoneOffset.UTC), new Random()).next())
                .startsWith("01ARYZ6S41");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "01arz3ndektsv4rrffq69g5fav", "01ARZ3NDEKTSV4RRFFQ69G5FA", "01ARZ3NDEKTSV4RRFFQ69G5FAVV",
            "81ARZ3NDEKTSV4RRFFQ69G5FAV", "01ARZ3NDEKTSV4RRFFQ69G5FAI", "01ARZ3NDEKTSV4RRFFQ69G5FAL",
            "01ARZ3NDEKTSV4RRFFQ69G5FAO", "01ARZ3NDEKTSV4RRFFQ69G5FAU", "01ARZ3NDEKTSV4RRFFQ69G5FA-", " 01ARZ3NDEKTSV4RRFFQ69G5FA"})
    void non_canonical_text_is_not_a_ulid(String text) {
        assertThat(Ulid.isCanonical(text)).isFalse();
        assertThatThrownBy(() -> Ulid.timestampMillis(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void null_is_not_a_ulid_and_the_largest_ulid_is() {
        assertThat(Ulid.isCanonical(null)).isFalse();
        assertThat(Ulid.isCanonical("7ZZZZZZZZZZZZZZZZZZZZZZZZZ")).isTrue();
        assertThat(Ulid.timestampMillis("7ZZZZZZZZZZZZZZZZZZZZZZZZZ")).isEqualTo((1L << 48) - 1);
    }

    /** A clock a test moves by hand, one read per call. */
    private static final class SteppingClock extends Clock {
        long millis;

        SteppingClock(long millis) {
            this.millis = millis;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
