package org.psip.routes.ncco;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The message goes into a SIP Reason header as a quoted string, whatever the application sent. */
class ReasonTextTest {

    private final NccoParser parser = new NccoParser();

    @Test
    void quotes_backslashes_and_line_breaks_from_the_answer_do_not_reach_the_message() {
        InvalidNccoException e = refusal("[{\"action\":\"da\\\"nce\\\\\\r\\nVia: x\"}]");

        assertThat(e).hasMessage("[0].action: unknown action 'da'nce/  Via: x'");
    }

    @Test
    void a_long_value_from_the_answer_is_cut_short_in_the_message() {
        InvalidNccoException e = refusal("[{\"action\":\"" + "x".repeat(500) + "\"}]");

        assertThat(e).hasMessage("[0].action: unknown action '" + "x".repeat(40) + "...'");
    }

    @Test
    void the_message_never_exceeds_its_bound() {
        InvalidNccoException e = refusal(ReferenceExamples.read("conversation-selective-audio.as-published.txt"));

        assertThat(e.getMessage()).hasSize(InvalidNccoException.MAX_MESSAGE_LENGTH).endsWith("...");
    }

    @Test
    void location_and_problem_are_also_given_apart() {
        InvalidNccoException e = refusal("[{\"action\":\"connect\",\"endpoint\":[{\"type\":\"sip\"}]}]");

        assertThat(e.location()).isEqualTo("[0].endpoint[0].uri");
        assertThat(e.problem()).isEqualTo("missing");
    }

    private InvalidNccoException refusal(String json) {
        return catchThrowableOfType(InvalidNccoException.class, () -> parser.parse(json));
    }
}
