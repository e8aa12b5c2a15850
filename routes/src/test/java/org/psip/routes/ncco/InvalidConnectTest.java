package org.psip.routes.ncco;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.psip.routes.ncco.Refusals.PHONE;
import static org.psip.routes.ncco.Refusals.connect;
import static org.psip.routes.ncco.Refusals.refusing;

/**
 * Each rule that makes a connect action or its endpoint invalid, with the exact message the caller's Reason header
 * will carry. JSON is written with ' for ".
 */
class InvalidConnectTest {

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
}
