package vn.motcua.device.counter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

import vn.motcua.protocol.message.RequestBody;

/** The officer's keys on a counter unit, each sending one {@code counter.*} operation for the unit's counter. */
public enum StaffKey {
    NEXT(RequestBody.CounterNext::new),
    RECALL(RequestBody.CounterRecall::new),
    START(RequestBody.CounterStart::new),
    DONE(counter -> new RequestBody.CounterDone(counter, Optional.empty())),
    NO_SHOW(RequestBody.CounterNoShow::new),
    HOLD(counter -> new RequestBody.CounterHold(counter, Optional.empty())),
    UNDO(RequestBody.CounterUndo::new),
    PAUSE(counter -> new RequestBody.CounterPause(counter, Optional.empty())),
    RESUME(RequestBody.CounterResume::new);

    private final IntFunction<RequestBody> request;

    StaffKey(IntFunction<RequestBody> request) {
        this.request = request;
    }

    /** The request this key sends from counter {@code counter}. */
    public RequestBody request(int counter) {
        return request.apply(counter);
    }

    /** The key named {@code name}, in any case, with '-' or '_' or nothing between words: "no-show", "NOSHOW". */
    public static Optional<StaffKey> parse(String name) {
        String key = name.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return Arrays.stream(values()).filter(k -> k.name().replace("_", "").equals(key)).findFirst();
    }
}
