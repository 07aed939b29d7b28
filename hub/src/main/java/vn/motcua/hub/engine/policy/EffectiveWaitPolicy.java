package vn.motcua.hub.engine.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.motcua.hub.engine.Ticket;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.Rules;

/**
 * motcua's policy. Each ticket the counter may serve gets an <em>effective wait</em>: the time since it was issued,
 * plus its priority class's head start, plus the appointment head start once its slot is due, plus its service's
 * short-job head start ({@link ShortJobHeadStarts}), minus a small step per place the service stands down the
 * counter's skill list. The highest effective wait is called. Head starts are bounded, so a citizen overtakes at most
 * that much of another's wait; and anyone who has waited past the starvation cap is called before everyone not past
 * it, so nobody is passed over indefinitely. Among those past the cap the effective wait still decides: in an
 * overloaded office nearly everyone is past it, and ranking them by raw wait would silently drop the priority
 * classes' head starts (measured: docs/benchmarks.md, S1).
 */
public final class EffectiveWaitPolicy implements AllocationPolicy {

    private final Rules rules;
    private final Map<String, Long> shortJobSeconds;

    /** {@code services}: the office's services, whose mean service times set the short-job head starts. */
    public EffectiveWaitPolicy(Rules rules, List<Office.Service> services) {
        this.rules = rules;
        this.shortJobSeconds = ShortJobHeadStarts.of(services, rules.shortJobHeadStart());
    }

    @Override
    public String name() {
        return "effective-wait";
    }

    /** One candidate's score, in seconds, with its parts for the explanation. */
    private record Score(Ticket ticket, long waited, long headStart, long appointment, long shortJob,
                         long skillPenalty, boolean starving) {
        long effective() {
            return waited + headStart + appointment + shortJob - skillPenalty;
        }
    }

    @Override
    public Optional<Choice> choose(Office.Counter counter, Collection<Ticket> waiting, Instant now) {
        // One pass keeping the best two (the second is named in the reason): a sort would be n log n per call.
        Score best = null;
        Score next = null;
        int candidates = 0;
        for (Ticket ticket : waiting) {
            if (!Eligibility.mayServe(counter, ticket)) {
                continue;
            }
            candidates++;
            Score score = score(counter, ticket, now);
            if (best == null || callsBefore(score, best)) {
                next = best;
                best = score;
            } else if (next == null || callsBefore(score, next)) {
                next = score;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Score chosen = best;
        Optional<Score> runnerUp = Optional.ofNullable(next);
        int among = candidates;
        return Optional.of(new Choice(chosen.ticket(), () -> explain(chosen, runnerUp, among)));
    }

    /**
     * The call order: past the cap first, then the highest effective wait, then the earlier issue, then the label.
     * Written out rather than as a chained {@code Comparator}: the forward-simulation predictor runs this comparison
     * millions of times a simulated day, and the chain was a third of that time.
     */
    private static boolean callsBefore(Score a, Score b) {
        if (a.starving() != b.starving()) {
            return a.starving();
        }
        if (a.effective() != b.effective()) {
            return a.effective() > b.effective();
        }
        int issued = a.ticket().issuedAt().compareTo(b.ticket().issuedAt());
        return issued != 0 ? issued < 0 : a.ticket().label().compareTo(b.ticket().label()) < 0;
    }

    private Score score(Office.Counter counter, Ticket ticket, Instant now) {
        long waited = Duration.between(ticket.issuedAt(), now).toSeconds();
        long headStart = ticket.priority().flatMap(rules::priorityClass)
                .map(p -> p.headStart().toSeconds()).orElse(0L);
        // A checked-in appointment gets its head start from the start of its early window, if the citizen was not
        // later than the late window when checking in.
        long appointment = ticket.appointment()
                .filter(a -> !now.isBefore(a.slot().minus(rules.appointmentEarly())))
                .filter(a -> !ticket.issuedAt().isAfter(a.slot().plus(rules.appointmentLate())))
                .map(a -> rules.appointmentEarly().toSeconds()).orElse(0L);
        long skillPenalty = counter.services().indexOf(ticket.service()) * rules.skillStep().toSeconds();
        return new Score(ticket, waited, headStart, appointment, shortJobSeconds.getOrDefault(ticket.service(), 0L),
                skillPenalty, waited >= rules.starvationCap().toSeconds());
    }

    private String explain(Score chosen, Optional<Score> next, int candidates) {
        StringBuilder why = new StringBuilder(chosen.ticket().label()).append(": waited ")
                .append(minutes(chosen.waited())).append(" min");
        if (chosen.starving()) {
            why.append(", past the ").append(rules.starvationCap().toMinutes()).append(" min cap");
        }
        if (chosen.headStart() > 0) {
            why.append(" + ").append(minutes(chosen.headStart())).append(" min priority (")
                    .append(chosen.ticket().priority().orElseThrow()).append(')');
        }
        if (chosen.appointment() > 0) {
            why.append(" + ").append(minutes(chosen.appointment())).append(" min appointment due");
        }
        if (chosen.shortJob() > 0) {
            why.append(" + ").append(minutes(chosen.shortJob())).append(" min short service");
        }
        if (chosen.skillPenalty() > 0) {
            why.append(" - ").append(minutes(chosen.skillPenalty())).append(" min (secondary skill)");
        }
        why.append(" = ").append(minutes(chosen.effective())).append(" min effective, highest of ").append(candidates)
                .append(" this counter may serve");
        next.ifPresent(n -> why.append("; next ").append(n.ticket().label()).append(" at ")
                .append(minutes(n.effective())).append(" min").append(n.starving() ? " (past the cap)" : ""));
        return why.toString();
    }

    private static long minutes(long seconds) {
        return Math.round(seconds / 60.0);
    }
}
