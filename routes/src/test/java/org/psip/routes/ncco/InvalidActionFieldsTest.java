package org.psip.routes.ncco;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.psip.routes.ncco.Refusals.refusing;

/**
 * Each rule that makes a talk, stream, record, input, conversation or notify action invalid, with the exact message
 * the caller's Reason header will carry. JSON is written with ' for ".
 */
class InvalidActionFieldsTest {

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
}
