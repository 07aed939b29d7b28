package vn.motcua.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class ProtocolExceptionTest {

    @Test
    void a_bare_rejection_knows_its_code_and_message_but_no_request() {
        ProtocolException e = new ProtocolException(ErrorCode.MALFORMED_JSON, "broken");
        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(e.getMessage()).isEqualTo("broken");
        assertThat(e.requestId()).isEmpty();
        assertThat(e.operation()).isEmpty();
    }

    @Test
    void about_attaches_the_request_and_keeps_code_message_and_cause() {
        IOException cause = new IOException("disk");
        ProtocolException e = new ProtocolException(ErrorCode.INTERNAL, "failed", cause)
                .about("01M82ZH0FGQC7T6XSM2YZWK52T", "counter.next");
        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(e.getMessage()).isEqualTo("failed");
        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e.requestId()).contains("01M82ZH0FGQC7T6XSM2YZWK52T");
        assertThat(e.operation()).contains("counter.next");
    }

    @Test
    void about_with_nothing_known_leaves_both_empty() {
        ProtocolException e = new ProtocolException(ErrorCode.INVALID_FIELD, "x").about(null, null);
        assertThat(e.requestId()).isEmpty();
        assertThat(e.operation()).isEmpty();
    }

    @Test
    void the_contract_constants_are_version_1_16_kib_and_qos_1() {
        assertThat(Protocol.VERSION).isEqualTo(1);
        assertThat(Protocol.MAX_MESSAGE_BYTES).isEqualTo(16_384);
        assertThat(Protocol.BROKER_MAX_PACKET_BYTES).isGreaterThan(Protocol.MAX_MESSAGE_BYTES);
        assertThat(Protocol.QOS).isEqualTo(1);
    }
}
