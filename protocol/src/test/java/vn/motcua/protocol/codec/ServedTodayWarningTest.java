package vn.motcua.protocol.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.protocol.message.Samples.ID;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.Samples;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * {@code mayNotBeServedToday} on {@code TicketIssued} and on catalogue entries: written by this hub, absent from an
 * older hub's messages or null (read as no warning), and as strict as every other field when present.
 */
class ServedTodayWarningTest {

    private static final String ISSUED = "{\"v\":1,\"id\":\"" + ID + "\",\"op\":\"ticket.issue\",\"ok\":true,\"body\":"
            + "{\"ticket\":\"1-090\",\"service\":\"DD\",\"number\":90,\"ahead\":41,\"estimateMin\":250,"
            + "\"issuedAt\":\"2026-11-23T14:05:00+07:00\"$FLAG}}";
    private static final String CATALOGUE = "{\"v\":1,\"office\":\"Một cửa\",\"services\":[{\"code\":\"DD\",\"prefix\":\"1\","
            + "\"nameVi\":\"Đất đai\",\"nameEn\":\"Land\",\"open\":true,\"waiting\":41,\"estimateMin\":250$FLAG}],"
            + "\"updatedAt\":\"2026-11-23T14:05:00+07:00\"}";

    private final Codec codec = new Codec();

    @Test
    void a_warned_ticket_round_trips_and_is_written_on_the_wire() {
        ResponseBody.TicketIssued issued = new ResponseBody.TicketIssued("1-090", "DD", 90, 41, Optional.of(250),
                Samples.at(14, 5, 0), Optional.empty(), Optional.empty(), true);
        byte[] wire = codec.encode(new Response.Ok(ID, Operation.TICKET_ISSUE, issued));
        assertThat(new String(wire, UTF_8)).contains("\"mayNotBeServedToday\":true");
        assertThat(((Response.Ok) codec.decodeResponse(wire)).body()).isEqualTo(issued);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"mayNotBeServedToday\":null", ",\"mayNotBeServedToday\":false"})
    void a_ticket_from_a_hub_without_the_field_or_with_null_carries_no_warning(String flag) {
        Response.Ok ok = (Response.Ok) codec.decodeResponse(ISSUED.replace("$FLAG", flag).getBytes(UTF_8));
        assertThat(((ResponseBody.TicketIssued) ok.body()).mayNotBeServedToday()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "\"có\"", "[true]"})
    void a_ticket_warning_that_is_not_true_or_false_is_rejected_by_name(String value) {
        byte[] payload = ISSUED.replace("$FLAG", ",\"mayNotBeServedToday\":" + value).getBytes(UTF_8);
        assertThatThrownBy(() -> codec.decodeResponse(payload)).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(e.getMessage()).startsWith("body.mayNotBeServedToday ");
        });
    }

    @Test
    void a_catalogue_entry_warning_round_trips_and_is_absent_from_older_hubs() {
        ServiceCatalogue warned = new ServiceCatalogue("Một cửa", List.of(new ServiceCatalogue.Entry("DD", "1", "Đất đai",
                "Land", true, 41, Optional.of(250), true)), Samples.at(14, 5, 0));
        assertThat(codec.decodeState(codec.encodeState(warned), ServiceCatalogue.class)).isEqualTo(warned);
        for (String flag : new String[] {"", ",\"mayNotBeServedToday\":null"}) {
            ServiceCatalogue old = codec.decodeState(CATALOGUE.replace("$FLAG", flag).getBytes(UTF_8), ServiceCatalogue.class);
            assertThat(old.services().getFirst().mayNotBeServedToday()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"false\"", "0", "{}"})
    void a_catalogue_warning_that_is_not_true_or_false_is_rejected_by_name(String value) {
        byte[] payload = CATALOGUE.replace("$FLAG", ",\"mayNotBeServedToday\":" + value).getBytes(UTF_8);
        assertThatThrownBy(() -> codec.decodeState(payload, ServiceCatalogue.class))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.getMessage()).startsWith("services[0].mayNotBeServedToday ");
                });
    }
}
