package vn.motcua.hub.web;

import java.util.List;

import vn.motcua.hub.store.HubStore.CallRecord;

/** Why a ticket of today was called, each time it was, as the allocation policy recorded it. Thread-safe. */
@FunctionalInterface
public interface CallHistory {

    List<CallRecord> calls(String ticket);

    /** For servers that have no store behind them (tests of the pages). */
    static CallHistory none() {
        return ticket -> List.of();
    }
}
