package vn.motcua.hub.engine.policy;

import vn.motcua.hub.engine.Ticket;

/** The ticket to call and, in a sentence, why it and not another. */
public record Choice(Ticket ticket, String reason) {
}
