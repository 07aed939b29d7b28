package vn.motcua.hub.simulation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How the simulated office behaves beyond what its profile says. Every option has a default ({@link #defaults()});
 * {@code with…} methods change one. Shares are probabilities per citizen, per counter or per opening period.
 *
 * @param firstDay         the first simulated date; days the office is closed ({@code site.days}) are skipped
 * @param days             how many office days to simulate
 * @param seed             the one seed every random draw comes from
 * @param policy           an allocation policy to use instead of the profile's {@code rules.policy}
 * @param serviceTimes     the service-time distribution around each service's {@code meanMin}
 * @param serviceCv        coefficient of variation of lognormal service times
 * @param walkUp           mean time from a call to the citizen reaching the counter (uniform 0.5–1.5 × the mean)
 * @param recallAfter      how long an officer waits for a called citizen who does not come before recalling once
 * @param noShowAfter      how long after that recall the officer records a no-show
 * @param secondServiceShare share of visits that need a second service, added at the counter ("next service")
 * @param breakShare       chance that a counter's officer takes a break in an opening period
 * @param breakLength      how long a break lasts (the counter is paused)
 * @param lateOpeningShare chance that a counter opens late on a day
 * @param lateOpeningMax   the most a late counter is late (uniform up to this)
 * @param earlyLeaveShare  chance that a counter's officer leaves before the last period ends
 * @param earlyLeaveMax    the most an officer leaves early (uniform up to this)
 * @param ratingShare      share of served citizens who press a rating key
 * @param appointmentSlot  the grid appointments are booked on
 * @param appointmentOffsetMean mean of (arrival − slot): negative means citizens come early
 * @param appointmentOffsetSd   standard deviation of (arrival − slot), normal
 * @param patience         mean of an exponential patience after which a waiting citizen gives up (cancels); empty:
 *                         nobody gives up
 * @param overtime         how long counters keep calling after each opening period ends; arrivals always stop at its
 *                         end
 * @param schedule         which counters are staffed in each half hour; empty: every counter of the profile all day
 */
public record SimulationOptions(LocalDate firstDay, int days, long seed, Optional<String> policy,
                                ServiceTimes serviceTimes, double serviceCv, Duration walkUp, Duration recallAfter,
                                Duration noShowAfter, double secondServiceShare, double breakShare, Duration breakLength,
                                double lateOpeningShare, Duration lateOpeningMax, double earlyLeaveShare,
                                Duration earlyLeaveMax, double ratingShare, Duration appointmentSlot,
                                Duration appointmentOffsetMean, Duration appointmentOffsetSd,
                                Optional<Duration> patience, Duration overtime, Optional<Staffing> schedule) {

    /** Service-time distributions: lognormal with {@link #serviceCv}, or exponential (CV 1, for M/M/s checks). */
    public enum ServiceTimes {
        LOGNORMAL, EXPONENTIAL
    }

    public SimulationOptions {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
        if (serviceCv <= 0) {
            throw new IllegalArgumentException("serviceCv must be > 0, was " + serviceCv);
        }
        for (double share : new double[] {secondServiceShare, breakShare, lateOpeningShare, earlyLeaveShare, ratingShare}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("shares must be between 0 and 1, was " + share);
            }
        }
        if (appointmentSlot.isZero() || appointmentSlot.isNegative()) {
            throw new IllegalArgumentException("appointmentSlot must be positive");
        }
    }

    /** A Monday, one day, seed 1; lognormal CV 0.6; 45 s walk-up; one 10 min break per officer in half the periods. */
    public static SimulationOptions defaults() {
        return new SimulationOptions(LocalDate.of(2026, 1, 5), 1, 1, Optional.empty(), ServiceTimes.LOGNORMAL, 0.6,
                Duration.ofSeconds(45), Duration.ofSeconds(60), Duration.ofSeconds(60), 0.05, 0.5,
                Duration.ofMinutes(10), 0.0, Duration.ofMinutes(20), 0.0, Duration.ofMinutes(30), 0.6,
                Duration.ofMinutes(15), Duration.ofMinutes(-5), Duration.ofMinutes(7), Optional.empty(), Duration.ZERO, Optional.empty());
    }

    public SimulationOptions withDays(int n) {
        return new SimulationOptions(firstDay, n, seed, policy, serviceTimes, serviceCv, walkUp, recallAfter, noShowAfter,
                secondServiceShare, breakShare, breakLength, lateOpeningShare, lateOpeningMax, earlyLeaveShare,
                earlyLeaveMax, ratingShare, appointmentSlot, appointmentOffsetMean, appointmentOffsetSd, patience, overtime, schedule);
    }

    public SimulationOptions withSeed(long s) {
        return new SimulationOptions(firstDay, days, s, policy, serviceTimes, serviceCv, walkUp, recallAfter, noShowAfter,
                secondServiceShare, breakShare, breakLength, lateOpeningShare, lateOpeningMax, earlyLeaveShare,
                earlyLeaveMax, ratingShare, appointmentSlot, appointmentOffsetMean, appointmentOffsetSd, patience, overtime, schedule);
    }

    public SimulationOptions withPolicy(String name) {
        return new SimulationOptions(firstDay, days, seed, Optional.of(name), serviceTimes, serviceCv, walkUp, recallAfter,
                noShowAfter, secondServiceShare, breakShare, breakLength, lateOpeningShare, lateOpeningMax,
                earlyLeaveShare, earlyLeaveMax, ratingShare, appointmentSlot, appointmentOffsetMean, appointmentOffsetSd,
                patience, overtime, schedule);
    }

    public SimulationOptions withServiceTimes(ServiceTimes kind, double cv) {
        return new SimulationOptions(firstDay, days, seed, policy, kind, cv, walkUp, recallAfter, noShowAfter,
                secondServiceShare, breakShare, breakLength, lateOpeningShare, lateOpeningMax, earlyLeaveShare,
                earlyLeaveMax, ratingShare, appointmentSlot, appointmentOffsetMean, appointmentOffsetSd, patience, overtime, schedule);
    }

    /** The officers: walk-up time, and the shares of second services and breaks. */
    public SimulationOptions withCounterWork(Duration walk, double secondServices, double breaks) {
        return new SimulationOptions(firstDay, days, seed, policy, serviceTimes, serviceCv, walk, recallAfter, noShowAfter,
                secondServices, breaks, breakLength, lateOpeningShare, lateOpeningMax, earlyLeaveShare, earlyLeaveMax,
                ratingShare, appointmentSlot, appointmentOffsetMean, appointmentOffsetSd, patience, overtime, schedule);
    }

    /** Counters opening late and officers leaving early: the share of counters each day and the most minutes. */
    public SimulationOptions withStaffing(double lateShare, Duration lateMax, double earlyShare, Duration earlyMax) {
        return new SimulationOptions(firstDay, days, seed, policy, serviceTimes, serviceCv, walkUp, recallAfter,
                noShowAfter, secondServiceShare, breakShare, breakLength, lateShare, lateMax, earlyShare, earlyMax,
                ratingShare, appointmentSlot, appointmentOffsetMean, appointmentOffsetSd, patience, overtime, schedule);
    }

    public SimulationOptions withPatience(Optional<Duration> mean) {
        return new SimulationOptions(firstDay, days, seed, policy, serviceTimes, serviceCv, walkUp, recallAfter,
                noShowAfter, secondServiceShare, breakShare, breakLength, lateOpeningShare, lateOpeningMax,
                earlyLeaveShare, earlyLeaveMax, ratingShare, appointmentSlot, appointmentOffsetMean, appointmentOffsetSd,
                mean, overtime, schedule);
    }

    public SimulationOptions withOvertime(Duration d) {
        return new SimulationOptions(firstDay, days, seed, policy, serviceTimes, serviceCv, walkUp, recallAfter,
                noShowAfter, secondServiceShare, breakShare, breakLength, lateOpeningShare, lateOpeningMax,
                earlyLeaveShare, earlyLeaveMax, ratingShare, appointmentSlot, appointmentOffsetMean, appointmentOffsetSd,
                patience, d, schedule);
    }

    public SimulationOptions withFirstDay(LocalDate d) {
        return new SimulationOptions(d, days, seed, policy, serviceTimes, serviceCv, walkUp, recallAfter, noShowAfter,
                secondServiceShare, breakShare, breakLength, lateOpeningShare, lateOpeningMax, earlyLeaveShare,
                earlyLeaveMax, ratingShare, appointmentSlot, appointmentOffsetMean, appointmentOffsetSd, patience, overtime, schedule);
    }

    /** Staff the counters by this schedule instead of every counter all day. */
    public SimulationOptions withSchedule(Staffing s) {
        return new SimulationOptions(firstDay, days, seed, policy, serviceTimes, serviceCv, walkUp, recallAfter,
                noShowAfter, secondServiceShare, breakShare, breakLength, lateOpeningShare, lateOpeningMax,
                earlyLeaveShare, earlyLeaveMax, ratingShare, appointmentSlot, appointmentOffsetMean, appointmentOffsetSd,
                patience, overtime, Optional.of(s));
    }
}
