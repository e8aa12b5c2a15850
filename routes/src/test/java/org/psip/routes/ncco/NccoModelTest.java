package org.psip.routes.ncco;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.psip.api.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** What call control reads from the published examples. */
class NccoModelTest {

    private final NccoParser parser = new NccoParser();

    @Test
    void sip_example_gives_the_uri_to_call_and_the_headers_to_send_in_order() {
        ConnectAction connect = (ConnectAction) example("connect-sip-endpoint.json").actions().get(1);

        SipEndpoint sip = (SipEndpoint) connect.endpoints().get(0);
        assertThat(sip.uri()).isEqualTo("sip:rebekka@sip.mcrussell.com");
        assertThat(sip.headers()).containsExactly(entry("location", "New York City"), entry("occupation", "developer"));
        assertThat(connect.from()).isEqualTo("447700900000");
        assertThat(connect.eventUrl()).containsExactly("https://example.com/events");
    }

    @Test
    void sdk_sip_example_with_all_fields_gives_custom_headers_and_user_to_user() {
        SipEndpoint sip = onlyEndpoint("sdk-java-connect-sip-all-fields.json", SipEndpoint.class);

        assertThat(sip.uri()).isEqualTo("sip:test@example.com");
        assertThat(sip.headers()).containsExactly(entry("k1", "v1"));
        assertThat(sip.userToUser()).isEqualTo("342342ef34;encoding=hex");
        assertThat(sip.standardHeaders()).containsExactly(entry("User-to-User", "342342ef34;encoding=hex"));
    }

    @Test
    void sdk_sip_example_by_domain_and_user_gives_both_and_no_uri() {
        SipEndpoint sip = onlyEndpoint("sdk-java-connect-sip-domain-and-user.json", SipEndpoint.class);

        assertThat(sip.uri()).isNull();
        assertThat(sip.domain()).isEqualTo("Nexmo");
        assertThat(sip.user()).isEqualTo("My_user");
    }

    @Test
    void phone_example_gives_the_number_the_digits_and_a_timeout_of_45_from_its_string() {
        ConnectAction connect = (ConnectAction) example("connect-phone-endpoint.json").actions().get(1);

        PhoneEndpoint phone = (PhoneEndpoint) connect.endpoints().get(0);
        assertThat(phone.number()).isEqualTo("447700900001");
        assertThat(phone.dtmfAnswer()).isEqualTo("2p02p");
        assertThat(connect.timeout()).isEqualTo(45);
    }

    @Test
    void websocket_example_keeps_nested_header_values_as_json() {
        WebSocketEndpoint socket = onlyEndpoint("connect-websocket-endpoint.json", WebSocketEndpoint.class);

        assertThat(socket.uri()).isEqualTo("ws://example.com/socket");
        assertThat(socket.contentType()).isEqualTo("audio/l16;rate=16000");
        Map<String, JsonNode> headers = socket.headers();
        assertThat(headers).containsOnlyKeys("name", "age", "address", "system_roles", "enable_auditing");
        assertThat(headers.get("address").get("city").textValue()).isEqualTo("New York City");
        assertThat(headers.get("age").intValue()).isEqualTo(40);
        assertThat(headers.get("system_roles")).hasSize(3);
        assertThat(headers.get("enable_auditing").booleanValue()).isFalse();
    }

    @Test
    void record_then_connect_example_keeps_the_actions_in_order() {
        List<NccoAction> actions = example("record-then-connect-proxy-call.json").actions();

        assertThat(actions).hasExactlyElementsOfTypes(RecordAction.class, ConnectAction.class);
        assertThat(((RecordAction) actions.get(0)).eventUrl()).containsExactly("https://example.com/recordings");
    }

    @Test
    void actions_describe_themselves_for_a_reason_header_naming_what_connect_connects_to() {
        assertThat(example("connect-websocket-endpoint.json").actions())
                .extracting(NccoAction::describe).containsExactly("talk", "connect to websocket");
        assertThat(example("connect-app-endpoint.json").actions().get(1).describe()).isEqualTo("connect to app");
        assertThat(example("conversation-standard.json").actions().get(0).describe()).isEqualTo("conversation");
    }

    @Test
    void app_and_vbc_examples_give_the_user_and_the_extension() {
        assertThat(onlyEndpoint("connect-app-endpoint.json", AppEndpoint.class).user()).isEqualTo("jamie");
        assertThat(onlyEndpoint("connect-vbc-extension.json", VbcEndpoint.class).extension()).isEqualTo("111");
    }

    @Test
    void fallback_example_asks_for_synchronous_events_and_rings_5_seconds() {
        ConnectAction connect = (ConnectAction) example("connect-fallback-ncco.json").actions().get(0);

        assertThat(connect.eventType()).isEqualTo(ConnectAction.EventType.SYNCHRONOUS);
        assertThat(connect.timeout()).isEqualTo(5);
    }

    @Test
    void defaults_the_reference_states_are_filled_in_when_left_out() {
        TalkAction talk = (TalkAction) example("talk-synchronous.json").actions().get(0);
        ConnectAction connect = (ConnectAction) example("sdk-java-connect-sip-uri-only.json").actions().get(0);
        ConversationAction conversation = (ConversationAction) example("conversation-standard.json").actions().get(0);

        assertThat(talk).extracting(TalkAction::bargeIn, TalkAction::loop, TalkAction::level, TalkAction::style)
                .containsExactly(false, 1, 0.0, 0);
        assertThat(connect).extracting(ConnectAction::timeout, ConnectAction::limit, ConnectAction::eventMethod)
                .containsExactly(60, 7200, HttpMethod.POST);
        assertThat(conversation.startOnEnter()).isTrue();
        assertThat(conversation.canSpeak()).as("not given: everyone hears this participant").isNull();
    }

    @Test
    void input_example_gives_both_kinds_of_input_with_their_settings() {
        InputAction input = (InputAction) example("input-ivr-dtmf-and-speech.json").actions().get(1);

        assertThat(input.type()).containsExactlyInAnyOrder(InputAction.Type.DTMF, InputAction.Type.SPEECH);
        assertThat(input.dtmf().maxDigits()).isEqualTo(1);
        assertThat(input.dtmf().timeOut()).isEqualTo(DtmfSettings.DEFAULT_TIME_OUT);
        assertThat(input.speech().context()).containsExactly("sales", "support");
        assertThat(input.eventUrl()).containsExactly("https://example.com/ivr");
    }

    @Test
    void input_example_without_type_collects_dtmf_and_keeps_its_older_top_level_field() {
        InputAction input = (InputAction) example("talk-asynchronous-bargein.json").actions().get(2);

        assertThat(input.type()).containsExactly(InputAction.Type.DTMF);
        assertThat(input.extras()).containsOnlyKeys("submitOnHash");
        assertThat(input.extras().get("submitOnHash").booleanValue()).isTrue();
    }

    @Test
    void fields_the_model_does_not_know_are_kept_as_extras() {
        TalkAction talk = (TalkAction) example("connect-vbc-extension.json").actions().get(0);

        assertThat(talk.extras()).containsOnlyKeys("voiceName");
        assertThat(talk.extras().get("voiceName").textValue()).isEqualTo("Russell");
    }

    @Test
    void moderated_conference_example_gives_hold_music_and_waits_for_the_moderator() {
        ConversationAction attendee = (ConversationAction) example("conversation-moderated-attendee.json")
                .actions().get(1);

        assertThat(attendee.name()).isEqualTo("nexmo-conference-moderated");
        assertThat(attendee.startOnEnter()).isFalse();
        assertThat(attendee.musicOnHoldUrl()).containsExactly(
                "https://nexmo-community.github.io/ncco-examples/assets/voice_api_audio_streaming.mp3");
    }

    @Test
    void notify_and_stream_examples_give_their_payload_and_audio() {
        NotifyAction notify = (NotifyAction) example("notify.json").actions().get(0);
        StreamAction stream = (StreamAction) example("stream-synchronous.json").actions().get(0);

        assertThat(notify.payload().get("foo").textValue()).isEqualTo("bar");
        assertThat(notify.eventUrl()).containsExactly("https://example.com/webhooks/event");
        assertThat(notify.eventMethod()).isEqualTo(HttpMethod.POST);
        assertThat(stream.streamUrl()).containsExactly("https://acme.com/streams/music.mp3");
    }

    @Test
    void the_model_cannot_be_changed_through_its_lists_and_maps() {
        Ncco ncco = example("connect-sip-endpoint.json");
        SipEndpoint sip = (SipEndpoint) ((ConnectAction) ncco.actions().get(1)).endpoints().get(0);

        assertThatThrownBy(() -> ncco.actions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> sip.headers().put("Via", "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void changing_a_json_tree_after_parsing_it_does_not_change_the_ncco() throws Exception {
        JsonNode tree = new ObjectMapper().readTree(ReferenceExamples.read("connect-websocket-endpoint.json"));
        WebSocketEndpoint socket = (WebSocketEndpoint) ((ConnectAction) parser.parse(tree).actions().get(1))
                .endpoints().get(0);

        ((ObjectNode) tree.get(1).get("endpoint").get(0).get("headers").get("address")).put("city", "Paris");

        assertThat(socket.headers().get("address").get("city").textValue()).isEqualTo("New York City");
    }

    private Ncco example(String file) {
        return parser.parse(ReferenceExamples.read(file));
    }

    private <T extends Endpoint> T onlyEndpoint(String file, Class<T> type) {
        List<NccoAction> actions = example(file).actions();
        ConnectAction connect = (ConnectAction) actions.get(actions.size() - 1);
        assertThat(connect.endpoints()).hasSize(1);
        return type.cast(connect.endpoints().get(0));
    }
}
