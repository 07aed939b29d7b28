package vn.motcua.hub.engine.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import vn.motcua.hub.engine.Ticket;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.Rules;

/**
 * motcua's policy. Each ticket the counter may serve gets an <em>effective wait</em>: the time since it was issued,
 * plus its priority class's head start, plus the appointment head start once its slot is due, minus a small step
 * per place the service stands down the counter's skill list. The highest effective wait is called. Head starts are
 * bounded, so a priority citizen overtakes at most that much of a regular one's wait; and anyone who has waited past
 * the starvation cap is called before everyone not past it, longest first, so nobody is passed over indefinitely.
 */
public final class EffectiveWaitPolicy implements AllocationPolicy {

    private final Rules rules;

    public EffectiveWaitPolicy(Rules rules) {
        this.rules = rules;
    }

    @Override
    public String name() {
        return "effective-wait";
    }

    /** One candidate's score, in seconds, with its parts for the explanation. */
    private record Score(Ticket ticket, long waited, long headStart, long appointment, long skillPenalty,
                         boolean starving) {
        long effective() {
            return waited + headStart + appointment - skillPenalty;
        }
    }

    @Override
    public Optional<Choice> choose(Office.Counter counter, Collection<Ticket> waiting, Instant now) {
        List<Score> scores = waiting.stream().filter(t -> Eligibility.mayServe(counter, t))
                .map(t -> score(counter, t, now))
                .sorted(Comparator.comparing(Score::starving).reversed()
                        .thenComparing(s -> s.starving() ? -s.waited() : -s.effective())
                        .thenComparing(s -> s.ticket().issuedAt())
                        .thenComparing(s -> s.ticket().label()))
                .toList();
        if (scores.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Choice(scores.getFirst().ticket(), explain(scores)));
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
        return new Score(ticket, waited, headStart, appointment, skillPenalty,
                waited >= rules.starvationCap().toSeconds());
    }

    private String explain(List<Score> scores) {
        Score chosen = scores.getFirst();
        StringBuilder why = new StringBuilder(chosen.ticket().label()).append(": ");
        if (chosen.starving()) {
            why.append("waited ").append(minutes(chosen.waited())).append(" min, past the ")
                    .append(rules.starvationCap().toMinutes()).append(" min cap");
        } else {
            why.append("waited ").append(minutes(chosen.waited())).append(" min");
            if (chosen.headStart() > 0) {
                why.append(" + ").append(minutes(chosen.headStart())).append(" min priority (")
                        .append(chosen.ticket().priority().orElseThrow()).append(')');
            }
            if (chosen.appointment() > 0) {
                why.append(" + ").append(minutes(chosen.appointment())).append(" min appointment due");
            }
            if (chosen.skillPenalty() > 0) {
                why.append(" - ").append(minutes(chosen.skillPenalty())).append(" min (secondary skill)");
            }
            why.append(" = ").append(minutes(chosen.effective())).append(" min effective");
        }
        why.append(", highest of ").append(scores.size()).append(" this counter may serve");
        if (scores.size() > 1) {
            Score next = scores.get(1);
            why.append("; next ").append(next.ticket().label()).append(" at ")
                    .append(minutes(next.starving() ? next.waited() : next.effective())).append(" min");
        }
        return why.toString();
    }

    private static long minutes(long seconds) {
        return Math.round(seconds / 60.0);
    }
}
