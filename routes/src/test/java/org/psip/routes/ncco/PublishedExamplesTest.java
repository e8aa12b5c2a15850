package org.psip.routes.ncco;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the NCCO reference and the Vonage SDKs publish must be accepted, and what is no NCCO refused. */
class PublishedExamplesTest {

    private final NccoParser parser = new NccoParser();

    static List<String> nccos() {
        return ReferenceExamples.nccos().toList();
    }

    static List<String> webhookPayloads() {
        return ReferenceExamples.webhookPayloads().toList();
    }

    static List<String> notJson() {
        return ReferenceExamples.notJson().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nccos")
    void every_published_ncco_parses_into_its_actions_in_order(String file) throws Exception {
        String json = ReferenceExamples.read(file);

        Ncco ncco = parser.parse(json);

        List<String> published = new ArrayList<>();
        new ObjectMapper().readTree(json).forEach(action -> published.add(action.get("action").textValue()));
        assertThat(ncco.actions()).extracting(NccoAction::action).containsExactlyElementsOf(published);
    }

    @Test
    void the_reference_data_holds_every_published_ncco() {
        // Guards the parameterized test above against passing on an empty or misread sources.txt.
        assertThat(nccos()).hasSize(21).contains("connect-sip-endpoint.json", "notify.json",
                "sdk-java-connect-sip-all-fields.json");
    }

    @Test
    void every_file_sources_txt_lists_is_tested_or_knowingly_left_out() {
        assertThat(ReferenceExamples.listed()).allSatisfy(name -> assertThat(
                ReferenceExamples.isNcco(name) || webhookPayloads().contains(name) || notJson().contains(name)
                        || ReferenceExamples.notCopied(name)).as(name).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webhookPayloads")
    void webhook_payloads_are_refused_as_not_an_ncco(String file) {
        assertThatThrownBy(() -> parser.parse(ReferenceExamples.read(file)))
                .isInstanceOf(InvalidNccoException.class)
                .hasMessage("not a JSON array");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notJson")
    void examples_that_are_not_json_are_refused_with_where_the_json_breaks(String file) {
        assertThatThrownBy(() -> parser.parse(ReferenceExamples.read(file)))
                .isInstanceOf(InvalidNccoException.class)
                .hasMessageMatching("not valid JSON at line \\d+ column \\d+: .+");
    }

    @Test
    void the_stream_example_missing_a_comma_is_refused_at_the_line_that_lacks_it() {
        assertThatThrownBy(() -> parser.parse(ReferenceExamples.read("stream-asynchronous.as-published.txt")))
                .hasMessage("not valid JSON at line 5 column 5: Unexpected character: "
                        + "was expecting comma to separate Object entries");
    }

    @Test
    void the_conference_example_with_comments_is_refused_at_its_first_comment() {
        assertThatThrownBy(() -> parser.parse(
                ReferenceExamples.read("conversation-selective-audio.as-published.txt")))
                .hasMessageStartingWith("not valid JSON at line 1 column 1: Unexpected character: "
                        + "maybe a (non-standard) comment?");
    }

    @Test
    void a_published_ncco_parses_the_same_from_a_json_tree() throws Exception {
        JsonNode tree = new ObjectMapper().readTree(ReferenceExamples.read("connect-websocket-endpoint.json"));

        assertThat(parser.parse(tree)).isEqualTo(parser.parse(ReferenceExamples.read(
                "connect-websocket-endpoint.json")));
    }
}
