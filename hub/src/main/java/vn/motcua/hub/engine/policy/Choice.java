package vn.motcua.hub.engine.policy;

import java.util.function.Supplier;

import vn.motcua.hub.engine.Ticket;

/**
 * The ticket to call and, in a sentence, why it and not another. The sentence is written only when read: the engine
 * records it with every call, but the forward-simulation wait predictor asks the policy hundreds of times per
 * estimate and never reads it (building it each time was a tenth of a simulated day's CPU).
 */
public record Choice(Ticket ticket, Supplier<String> explanation) {

    public String reason() {
        return explanation.get();
    }
}
