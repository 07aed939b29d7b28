package vn.motcua.hub.writer;

import java.util.function.Consumer;

import vn.motcua.protocol.message.Request;

/** One device request waiting for the writer, and where its encoded response goes once committed. */
record Job(String deviceId, Request request, Consumer<byte[]> reply) {
}
