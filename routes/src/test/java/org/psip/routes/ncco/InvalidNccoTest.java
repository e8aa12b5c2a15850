package org.psip.routes.ncco;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule that makes an NCCO invalid, with the exact message the caller's Reason header will carry. JSON is
 * written with ' for ".
 */
class InvalidNccoTest {

    private static final NccoParser PARSER = new NccoParser();
    private static final String PHONE = "{'type':'phone','number':'447700900001'}";

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
    class Connect {

        @Test
        void connect_without_endpoint_is_refused() {
            refusing("[{'action':'connect','from':'447700900000'}]").hasMessage("[0].endpoint: missing");
        }

        @Test
        void connect_with_an_empty_endpoint_list_is_refused() {
            refusing(connect("", "")).hasMessage("[0].endpoint: must not be empty");
        }

        @Test
        void connect_with_an_endpoint_object_instead_of_a_list_is_refused() {
            refusing("[{'action':'connect','endpoint':" + PHONE + "}]").hasMessage("[0].endpoint: must be an array");
        }

        @Test
        void connect_to_two_endpoints_at_once_is_refused() {
            refusing(connect(PHONE + "," + PHONE, "")).hasMessage("[0].endpoint: at most 1 endpoint is supported");
        }

        @Test
        void an_endpoint_without_type_is_refused() {
            refusing(connect("{'number':'447700900001'}", "")).hasMessage("[0].endpoint[0].type: missing");
        }

        @Test
        void an_unknown_endpoint_type_is_refused() {
            refusing(connect("{'type':'fax'}", "")).hasMessage("[0].endpoint[0].type: unknown endpoint type 'fax'");
        }

        @Test
        void a_timeout_that_is_not_a_number_is_refused() {
            refusing("[{'action':'talk','text':'a'}, {'action':'talk','text':'b'}, {'action':'connect',"
                    + "'timeout':'soon','endpoint':[" + PHONE + "]}]").hasMessage("[2].timeout: must be a number");
        }

        @Test
        void a_negative_timeout_is_refused() {
            refusing(connect(PHONE, ",'timeout':-1")).hasMessage("[0].timeout: must be between 3 and 7200");
        }

        @Test
        void a_timeout_longer_than_the_longest_call_is_refused() {
            refusing(connect(PHONE, ",'timeout':86400")).hasMessage("[0].timeout: must be between 3 and 7200");
        }

        @Test
        void a_timeout_with_a_fraction_is_refused() {
            refusing(connect(PHONE, ",'timeout':'4.5'")).hasMessage("[0].timeout: must be a whole number");
        }

        @Test
        void a_limit_of_zero_or_beyond_two_hours_is_refused() {
            refusing(connect(PHONE, ",'limit':0")).hasMessage("[0].limit: must be between 1 and 7200");
            refusing(connect(PHONE, ",'limit':7201")).hasMessage("[0].limit: must be between 1 and 7200");
        }

        @Test
        void a_random_from_number_together_with_from_is_refused() {
            refusing(connect(PHONE, ",'from':'447700900000','randomFromNumber':true"))
                    .hasMessage("[0].randomFromNumber: cannot be used together with from");
        }

        @Test
        void a_from_with_a_line_break_is_refused() {
            refusing(connect(PHONE, ",'from':'447700900000\\r\\nVia: evil'"))
                    .hasMessage("[0].from: must not contain line breaks or control characters");
        }

        @Test
        void an_unknown_machine_detection_is_refused() {
            refusing(connect(PHONE, ",'machineDetection':'ignore'"))
                    .hasMessage("[0].machineDetection: must be one of continue, hangup");
        }

        @Test
        void an_unknown_event_type_is_refused() {
            refusing(connect(PHONE, ",'eventType':'asynchronous'"))
                    .hasMessage("[0].eventType: must be one of synchronous");
        }

        @Test
        void a_beep_timeout_outside_the_sdk_bounds_is_refused() {
            refusing(connect(PHONE, ",'advancedMachineDetection':{'behavior':'hangup','beep_timeout':10}"))
                    .hasMessage("[0].advancedMachineDetection.beep_timeout: must be between 45 and 120");
        }

        @Test
        void a_ringback_tone_that_is_not_a_web_url_is_refused() {
            refusing(connect(PHONE, ",'ringbackTone':'ring.wav'"))
                    .hasMessage("[0].ringbackTone: must be an http or https URL");
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

    @Nested
    class SipEndpoints {

        @Test
        void a_sip_endpoint_with_neither_uri_nor_domain_is_refused() {
            refusing("[{'action':'talk','text':'hi'}, {'action':'connect','endpoint':[{'type':'sip',"
                    + "'headers':{'a':'b'}}]}]").hasMessage("[1].endpoint[0].uri: missing");
        }

        @Test
        void a_sip_endpoint_whose_uri_is_not_sip_is_refused() {
            refusing(connect("{'type':'sip','uri':'https://example.com'}", ""))
                    .hasMessage("[0].endpoint[0].uri: must be a sip: or sips: URI");
        }

        @Test
        void a_sip_endpoint_with_both_uri_and_domain_is_refused() {
            refusing(connect("{'type':'sip','uri':'sip:a@example.com','domain':'acme'}", ""))
                    .hasMessage("[0].endpoint[0].domain: cannot be used together with uri");
        }

        @Test
        void a_header_name_that_is_no_sip_token_is_refused() {
            refusing(connect("{'type':'sip','uri':'sip:a@example.com','headers':{'my key':'v'}}", ""))
                    .hasMessage("[0].endpoint[0].headers: 'my key' is not a valid SIP header name");
        }

        @Test
        void a_header_value_with_a_line_break_is_refused_so_an_ncco_cannot_add_headers_of_its_own() {
            refusing(connect("{'type':'sip','uri':'sip:a@example.com','headers':{'k':'v\\r\\nContact: <sip:x>'}}",
                    "")).hasMessage("[0].endpoint[0].headers.k: must not contain line breaks or control characters");
        }

        @Test
        void a_header_value_that_is_an_object_is_refused() {
            refusing(connect("{'type':'sip','uri':'sip:a@example.com','headers':{'k':{'nested':1}}}", ""))
                    .hasMessage("[0].endpoint[0].headers.k: must be a string");
        }

        @Test
        void a_standard_header_other_than_user_to_user_is_refused() {
            refusing(connect("{'type':'sip','uri':'sip:a@example.com','standardHeaders':{'Via':'x'}}", ""))
                    .hasMessage("[0].endpoint[0].standardHeaders: unknown standard header 'Via', only User-to-User");
        }
    }

    @Nested
    class OtherEndpoints {

        @Test
        void a_phone_endpoint_without_number_is_refused() {
            refusing(connect("{'type':'phone','dtmfAnswer':'1'}", "")).hasMessage("[0].endpoint[0].number: missing");
        }

        @Test
        void a_phone_number_that_is_not_e164_is_refused() {
            refusing(connect("{'type':'phone','number':'call me'}", "")).hasMessage(
                    "[0].endpoint[0].number: must be an E.164 number: up to 15 digits after an optional +");
        }

        @Test
        void dtmf_answer_digits_that_cannot_be_sent_are_refused() {
            refusing(connect("{'type':'phone','number':'447700900001','dtmfAnswer':'12x'}", ""))
                    .hasMessage("[0].endpoint[0].dtmfAnswer: may hold only digits, *, # and p");
        }

        @Test
        void on_answer_without_url_is_refused() {
            refusing(connect("{'type':'phone','number':'447700900001','onAnswer':{}}", ""))
                    .hasMessage("[0].endpoint[0].onAnswer.url: missing");
        }

        @Test
        void a_websocket_endpoint_without_uri_is_refused() {
            refusing(connect("{'type':'websocket'}", "")).hasMessage("[0].endpoint[0].uri: missing");
        }

        @Test
        void a_websocket_endpoint_whose_uri_is_not_ws_is_refused() {
            refusing(connect("{'type':'websocket','uri':'http://example.com/socket'}", ""))
                    .hasMessage("[0].endpoint[0].uri: must be a ws: or wss: URI");
        }

        @Test
        void an_app_endpoint_without_user_and_a_vbc_endpoint_without_extension_are_refused() {
            refusing(connect("{'type':'app'}", "")).hasMessage("[0].endpoint[0].user: missing");
            refusing(connect("{'type':'vbc'}", "")).hasMessage("[0].endpoint[0].extension: missing");
        }
    }

    @Nested
    class TalkAndStream {

        @Test
        void talk_without_text_is_refused() {
            refusing("[{'action':'talk','bargeIn':true}]").hasMessage("[0].text: missing");
        }

        @Test
        void talk_with_blank_text_is_refused() {
            refusing("[{'action':'talk','text':'  '}]").hasMessage("[0].text: must not be empty");
        }

        @Test
        void talk_with_text_that_is_not_a_string_is_refused() {
            refusing("[{'action':'talk','text':42}]").hasMessage("[0].text: must be a string");
        }

        @Test
        void a_level_outside_minus_one_to_one_is_refused() {
            refusing("[{'action':'talk','text':'hi','level':2}]").hasMessage("[0].level: must be between -1 and 1");
        }

        @Test
        void a_negative_loop_is_refused() {
            refusing("[{'action':'talk','text':'hi','loop':-1}]").hasMessage("[0].loop: must be between 0 and 7200");
        }

        @Test
        void a_flag_that_is_neither_true_nor_false_is_refused() {
            refusing("[{'action':'talk','text':'hi','bargeIn':'yes'}]")
                    .hasMessage("[0].bargeIn: must be true or false");
        }

        @Test
        void stream_without_stream_url_is_refused() {
            refusing("[{'action':'stream','loop':2}]").hasMessage("[0].streamUrl: missing");
        }

        @Test
        void stream_with_an_empty_stream_url_list_is_refused() {
            refusing("[{'action':'stream','streamUrl':[]}]").hasMessage("[0].streamUrl: must not be empty");
        }

        @Test
        void stream_url_given_as_a_string_is_refused() {
            refusing("[{'action':'stream','streamUrl':'https://acme.com/music.mp3'}]")
                    .hasMessage("[0].streamUrl: must be an array of strings");
        }
    }

    @Nested
    class Record {

        @Test
        void an_unknown_format_is_refused() {
            refusing("[{'action':'record','format':'flac'}]").hasMessage("[0].format: must be one of mp3, wav, ogg");
        }

        @Test
        void end_on_silence_outside_3_to_10_seconds_is_refused() {
            refusing("[{'action':'record','endOnSilence':1}]")
                    .hasMessage("[0].endOnSilence: must be between 3 and 10");
        }

        @Test
        void end_on_key_of_more_than_one_key_is_refused() {
            refusing("[{'action':'record','endOnKey':'12'}]")
                    .hasMessage("[0].endOnKey: must be one key: a digit, * or #");
        }

        @Test
        void a_recording_longer_than_two_hours_is_refused() {
            refusing("[{'action':'record','timeOut':9000}]").hasMessage("[0].timeOut: must be between 3 and 7200");
        }

        @Test
        void more_than_32_channels_are_refused() {
            refusing("[{'action':'record','channels':33}]").hasMessage("[0].channels: must be between 1 and 32");
        }
    }

    @Nested
    class Input {

        @Test
        void an_unknown_input_type_is_refused() {
            refusing("[{'action':'input','type':['dtmf','voice']}]")
                    .hasMessage("[0].type[1]: must be one of dtmf, speech");
        }

        @Test
        void an_empty_input_type_list_is_refused() {
            refusing("[{'action':'input','type':[]}]").hasMessage("[0].type: must not be empty");
        }

        @Test
        void dtmf_settings_that_are_not_an_object_are_refused() {
            refusing("[{'action':'input','dtmf':true}]").hasMessage("[0].dtmf: must be an object");
        }

        @Test
        void more_than_20_digits_are_refused() {
            refusing("[{'action':'input','dtmf':{'maxDigits':21}}]")
                    .hasMessage("[0].dtmf.maxDigits: must be between 1 and 20");
        }

        @Test
        void speech_end_on_silence_below_the_reference_range_is_refused() {
            refusing("[{'action':'input','speech':{'endOnSilence':0.1}}]")
                    .hasMessage("[0].speech.endOnSilence: must be between 0.4 and 10");
        }
    }

    @Nested
    class ConversationAndNotify {

        @Test
        void conversation_without_name_is_refused() {
            refusing("[{'action':'conversation','record':true}]").hasMessage("[0].name: missing");
        }

        @Test
        void mute_together_with_can_speak_is_refused() {
            refusing("[{'action':'conversation','name':'room','canSpeak':['leg-1'],'mute':true}]")
                    .hasMessage("[0].mute: cannot be used together with canSpeak");
        }

        @Test
        void can_hear_that_is_not_a_list_is_refused() {
            refusing("[{'action':'conversation','name':'room','canHear':'leg-1'}]")
                    .hasMessage("[0].canHear: must be an array of strings");
        }

        @Test
        void notify_without_payload_is_refused() {
            refusing("[{'action':'notify','eventUrl':['https://example.com/n']}]").hasMessage("[0].payload: missing");
        }

        @Test
        void notify_whose_payload_is_not_an_object_is_refused() {
            refusing("[{'action':'notify','payload':'hi','eventUrl':['https://example.com/n']}]")
                    .hasMessage("[0].payload: must be an object");
        }

        @Test
        void notify_without_event_url_is_refused() {
            refusing("[{'action':'notify','payload':{'foo':'bar'}}]").hasMessage("[0].eventUrl: missing");
        }
    }

    /** A connect action with the endpoints and further fields (each starting with a comma) given. */
    static String connect(String endpoints, String moreFields) {
        return "[{'action':'connect','endpoint':[" + endpoints + "]" + moreFields + "}]";
    }

    static AbstractThrowableAssert<?, ? extends Throwable> refusing(String singleQuotedJson) {
        return assertThatThrownBy(() -> PARSER.parse(singleQuotedJson.replace('\'', '"')))
                .isInstanceOf(InvalidNccoException.class);
    }
}
