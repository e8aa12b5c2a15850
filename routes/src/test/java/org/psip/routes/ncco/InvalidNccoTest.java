package org.psip.routes.ncco;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.psip.routes.ncco.Refusals.PHONE;
import static org.psip.routes.ncco.Refusals.connect;
import static org.psip.routes.ncco.Refusals.refusing;

/**
 * Each rule that makes an answer or its event URLs invalid, with the exact message the caller's Reason header will
 * carry. JSON is written with ' for ".
 */
class InvalidNccoTest {

    @Nested
    class TheAnswerAsAWhole {

        @Test
        void an_object_instead_of_an_array_is_refused() {
            refusing("{'action':'talk','text':'hi'}").hasMessage("not a JSON array");
        }

        @Test
        void an_empty_array_is_refused() {
            refusing("[]").hasMessage("the NCCO is empty");
        }

        @Test
        void an_empty_answer_is_refused() {
            refusing(" ").hasMessage("not valid JSON: the answer is empty");
        }

        @Test
        void a_second_array_after_the_ncco_is_refused() {
            refusing("[{'action':'talk','text':'a'}] [{'action':'talk','text':'b'}]")
                    .hasMessage("not valid JSON at line 1 column 32: more content after the NCCO");
        }

        @Test
        void a_field_given_twice_is_refused() {
            refusing("[{'action':'talk','text':'a','text':'b'}]")
                    .hasMessage("not valid JSON at line 1 column 36: Duplicate field 'text'");
        }

        @Test
        void an_action_that_is_not_an_object_is_refused() {
            refusing("[{'action':'talk','text':'hi'}, 'talk']").hasMessage("[1]: must be an object");
        }

        @Test
        void an_action_without_its_name_is_refused() {
            refusing("[{'text':'hi'}]").hasMessage("[0].action: missing");
        }

        @Test
        void an_unknown_action_is_refused() {
            refusing("[{'action':'dance'}]").hasMessage("[0].action: unknown action 'dance'");
        }

        @Test
        void the_first_problem_is_the_one_reported() {
            refusing("[{'action':'talk','text':'hi'}, {'action':'talk'}, {'action':'dance'}]")
                    .hasMessage("[1].text: missing");
        }
    }

    @Nested
    class EventUrls {

        @Test
        void an_event_url_given_as_a_string_instead_of_an_array_is_refused() {
            refusing(connect(PHONE, ",'eventUrl':'https://example.com/events'"))
                    .hasMessage("[0].eventUrl: must be an array of strings");
        }

        @Test
        void an_event_url_array_holding_a_non_string_is_refused() {
            refusing("[{'action':'record','eventUrl':['https://example.com/r', 42]}]")
                    .hasMessage("[0].eventUrl[1]: must be a string");
        }

        @Test
        void an_event_url_that_is_not_http_or_https_is_refused() {
            refusing("[{'action':'input','eventUrl':['ftp://example.com/ivr']}]")
                    .hasMessage("[0].eventUrl[0]: must be an http or https URL");
        }

        @Test
        void an_event_method_other_than_get_or_post_is_refused() {
            refusing("[{'action':'record','eventMethod':'PUT'}]").hasMessage("[0].eventMethod: must be GET or POST");
        }
    }
}
