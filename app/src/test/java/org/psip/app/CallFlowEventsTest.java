package org.psip.app;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.CallFlowGateway;
import org.psip.app.test.SipCaller;
import org.psip.app.test.WebhookServer;
import org.psip.sip.test.SipText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call the flow refuses once its application is known: the caller gets the SIP answer,
 * and the application's event_url hears of it with the same code and reason.
 */
class CallFlowEventsTest {

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: call-flow-events-test-secret
            applications:
              down:
                answer_url: ${closed}/answer
                event_url: ${webhook}/events/down
              dancer:
                answer_url: ${webhook}/dance
                event_url: ${webhook}/events/dancer?app=dancer
                event_method: GET
              fenced:
                answer_url: ${webhook}/answer
                event_url: ${webhook}/events/fenced
            domains:
              down: { application: down, acl: [ 127.0.0.1/32 ], digest: false }
              dancer: { application: dancer, acl: [ 127.0.0.1/32 ], digest: false }
              fenced: { application: fenced, acl: [ 192.0.2.0/24 ], digest: false }
            """;

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    @RegisterExtension
    static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY);

    @BeforeAll
    static void applicationsAnswer() {
        gateway.webhook()
                .answer("/dance", 200, "[{\"action\":\"dance\"}]")
                .answer("/events/down", 200, "")
                .answer("/events/dancer", 200, "")
                .answer("/events/fenced", 200, "");
    }

    @Test
    void answer_url_down_gets_480_and_posts_a_failed_event_with_the_code_and_reason() throws Exception {
        WebhookServer.Request event = eventOfRefusedCall("down", 480);

        assertThat(event.method()).isEqualTo("POST");
        Map<String, Object> fields = json(event);
        assertThat(fields).containsEntry("status", "failed").containsEntry("sip_code", 480)
                .containsEntry("detail", "answer_url refused the connection")
                .containsEntry("direction", "inbound").containsEntry("to", "1234").containsEntry("from", "caller")
                .containsKeys("uuid", "timestamp");
        assertThat((String) fields.get("conversation_uuid")).startsWith("CON-");
    }

    @Test
    void an_invalid_ncco_gets_500_and_the_failed_event_goes_by_get_when_configured() throws Exception {
        WebhookServer.Request event = eventOfRefusedCall("dancer", 500);

        assertThat(event.method()).isEqualTo("GET");
        assertThat(event.query()).containsEntry("app", "dancer").containsEntry("status", "failed")
                .containsEntry("sip_code", "500").containsEntry("direction", "inbound");
        assertThat(event.query().get("detail")).contains("invalid NCCO from answer_url")
                .contains("unknown action 'dance'");
    }

    @Test
    void a_caller_outside_the_acl_gets_403_and_the_application_a_rejected_event() throws Exception {
        WebhookServer.Request event = eventOfRefusedCall("fenced", 403);

        assertThat(json(event)).containsEntry("status", "rejected").containsEntry("sip_code", 403);
        assertThat(gateway.webhook().count("/answer")).as("answer_url is never asked").isZero();
    }

    /** Calls the domain, expects the code, and returns what its application's event_url received. */
    private static WebhookServer.Request eventOfRefusedCall(String domain, int code) throws Exception {
        SipText answer;
        try (SipCaller caller = gateway.caller()) {
            answer = caller.invite("sip:1234@" + domain + ".sip.example.com");
        }
        assertThat(answer.status()).as(answer.raw()).isEqualTo(code);
        WebhookServer.Request event = gateway.webhook().next("/events/" + domain, WAIT);
        assertThat(event).as("the event of the refused call").isNotNull();
        return event;
    }

    private static Map<String, Object> json(WebhookServer.Request event) throws Exception {
        return new ObjectMapper().readValue(event.body(), JSON_OBJECT);
    }
}
