package vn.motcua.hub.writer;

import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.ServiceCatalogue;

/** Where committed state goes out (retained MQTT topics). Called on the writer thread; must not block. */
public interface StatePublisher {

    void counterState(CounterState state);

    void board(Board board);

    void services(ServiceCatalogue catalogue);
}
