package vn.motcua.bench;

import java.util.concurrent.atomic.AtomicLong;

import vn.motcua.hub.writer.StatePublisher;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * Where a writer without MQTT sends its retained state: encoded as the hub's gateway encodes it (that work is part of
 * every commit that changes state) and dropped. Counts boards, which the writer publishes once per such commit.
 */
final class StateSink implements StatePublisher {

    private final Codec codec = new Codec();
    final AtomicLong boards = new AtomicLong();

    @Override
    public void counterState(CounterState state) {
        codec.encodeState(state);
    }

    @Override
    public void board(Board board) {
        codec.encodeState(board);
        boards.incrementAndGet();
    }

    @Override
    public void services(ServiceCatalogue catalogue) {
        codec.encodeState(catalogue);
    }
}
