package org.psip.sip;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.psip.sip.test.TortureMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The torture test is only as good as its data: the messages must be the RFC's bytes
 * and every one of them must have an expectation the harness understands.
 */
class Rfc4475TestDataTest {

    private static final String OUTCOME = "\\d{3}|route|drop";

    @Test
    void every_message_is_on_the_class_path_bit_exact() throws Exception {
        List<TortureMessage> messages = TortureMessage.all();

        assertThat(messages).hasSize(49);
        for (TortureMessage message : messages) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(message.bytes());
            assertThat(HexFormat.of().formatHex(digest)).as(message.name()).isEqualTo(message.sha256());
        }
    }

    @Test
    void expected_outcomes_cover_exactly_the_indexed_messages() {
        assertThat(TortureMessage.namesWithExpectations())
                .containsExactlyElementsOf(TortureMessage.all().stream().map(TortureMessage::name).toList());
    }

    @Test
    void expected_outcomes_are_ones_the_harness_can_observe() {
        for (TortureMessage message : TortureMessage.all()) {
            assertThat(message.overUdp()).as(message.name() + " over UDP").isNotEmpty()
                    .allMatch(outcome -> outcome.matches(OUTCOME));
            assertThat(message.overTcp()).as(message.name() + " over TCP").isNotEmpty()
                    .allMatch(outcome -> outcome.matches(OUTCOME + "|close"));
            assertThat(message.why()).as(message.name()).isNotBlank();
        }
    }

    @Test
    void a_stream_frames_the_invite_behind_the_register_of_dblreq() {
        TortureMessage dblreq = TortureMessage.all().stream().filter(m -> m.name().equals("dblreq")).findFirst()
                .orElseThrow();

        assertThat(dblreq.requestsOnStream()).extracting(TortureMessage::requestUri)
                .containsExactly("sip:example.com", "sip:joe@example.com");
        assertThat(dblreq.asDatagram().header("Call-ID")).isEqualTo("dblreq.0ha0isndaksdj99sdfafnl3lk233412");
    }

    @Test
    void no_other_message_holds_more_than_one_request_on_a_stream() {
        assertThat(TortureMessage.all()).filteredOn(message -> message.requestsOnStream().size() > 1)
                .extracting(TortureMessage::name).containsExactly("dblreq");
    }
}
