package org.psip.routes.ncco;

import org.junit.jupiter.api.Test;
import org.psip.api.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** What applications send in the wild that psip still carries out. JSON is written with ' for ". */
class LenientParsingTest {

    private final NccoParser parser = new NccoParser();

    @Test
    void numeric_strings_are_taken_for_numbers() {
        TalkAction talk = (TalkAction) only("{'action':'talk','text':'hi','loop':' 3 ','level':'-0.5'}");

        assertThat(talk.loop()).isEqualTo(3);
        assertThat(talk.level()).isEqualTo(-0.5);
    }

    @Test
    void a_whole_number_written_with_a_zero_fraction_is_taken() {
        assertThat(connect("'timeout': 45.0").timeout()).isEqualTo(45);
    }

    @Test
    void true_and_false_as_strings_are_taken_for_flags() {
        StreamAction stream = (StreamAction) only("{'action':'stream','streamUrl':['https://a.example/x.mp3'],"
                + "'bargeIn':'true'}");

        assertThat(stream.bargeIn()).isTrue();
    }

    @Test
    void a_field_set_to_null_counts_as_not_given() {
        ConnectAction connect = connect("'from': null, 'timeout': null, 'eventUrl': null");

        assertThat(connect.from()).isNull();
        assertThat(connect.timeout()).isEqualTo(ConnectAction.DEFAULT_TIMEOUT);
        assertThat(connect.eventUrl()).isEmpty();
        assertThat(connect.extras()).isEmpty();
    }

    @Test
    void event_method_is_taken_in_any_case() {
        assertThat(connect("'eventMethod': 'get'").eventMethod()).isEqualTo(HttpMethod.GET);
    }

    @Test
    void music_on_hold_may_be_one_url_as_the_reference_describes_it() {
        ConversationAction conversation = (ConversationAction) only(
                "{'action':'conversation','name':'room','musicOnHoldUrl':'https://a.example/hold.mp3'}");

        assertThat(conversation.musicOnHoldUrl()).containsExactly("https://a.example/hold.mp3");
    }

    @Test
    void unknown_endpoint_fields_are_kept_as_extras() {
        PhoneEndpoint phone = (PhoneEndpoint) connect("'from': '447700900000'").endpoints().get(0);

        assertThat(phone.extras()).containsOnlyKeys("shape");
    }

    @Test
    void sip_header_numbers_and_flags_are_sent_as_their_text() {
        SipEndpoint sip = (SipEndpoint) ((ConnectAction) only("{'action':'connect','endpoint':[{'type':'sip',"
                + "'uri':'sip:a@b.example','headers':{'age':40,'vip':true}}]}")).endpoints().get(0);

        assertThat(sip.headers()).containsEntry("age", "40").containsEntry("vip", "true");
    }

    @Test
    void on_answer_takes_the_older_ringback_key_too() {
        PhoneEndpoint phone = (PhoneEndpoint) ((ConnectAction) only("{'action':'connect','endpoint':[{'type':'phone',"
                + "'number':'447700900001','onAnswer':{'url':'https://a.example/answer',"
                + "'ringback':'https://a.example/ring.wav'}}]}")).endpoints().get(0);

        assertThat(phone.onAnswer().url()).isEqualTo("https://a.example/answer");
        assertThat(phone.onAnswer().ringbackTone()).isEqualTo("https://a.example/ring.wav");
    }

    @Test
    void input_with_only_speech_settings_and_no_type_collects_speech() {
        InputAction input = (InputAction) only("{'action':'input','speech':{'language':'en-GB'}}");

        assertThat(input.type()).containsExactly(InputAction.Type.SPEECH);
        assertThat(input.speech().language()).isEqualTo("en-GB");
    }

    private NccoAction only(String singleQuotedAction) {
        return parser.parse(("[" + singleQuotedAction + "]").replace('\'', '"')).actions().get(0);
    }

    /** A connect to a phone (which also carries an unknown field, shape) with the fields given. */
    private ConnectAction connect(String singleQuotedFields) {
        return (ConnectAction) only("{'action':'connect','endpoint':[{'type':'phone','number':'447700900001',"
                + "'shape':'round'}]," + singleQuotedFields + "}");
    }
}
