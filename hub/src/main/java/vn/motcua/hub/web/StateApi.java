package vn.motcua.hub.web;

import io.javalin.http.Context;
import vn.motcua.protocol.codec.Codec;

/** {@code GET /api/board} and {@code GET /api/services}: the retained state as the wire codec writes it. */
final class StateApi {

    private final LiveState state;
    private final Codec codec;

    StateApi(LiveState state, Codec codec) {
        this.state = state;
        this.codec = codec;
    }

    void board(Context ctx) {
        JsonReplies.json(ctx, 200, codec.encodeState(state.board()));
    }

    void services(Context ctx) {
        JsonReplies.json(ctx, 200, codec.encodeState(state.services()));
    }
}
