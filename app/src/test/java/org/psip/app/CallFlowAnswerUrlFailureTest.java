package org.psip.app;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.CallFlowGateway;
import org.psip.app.test.SipCaller;
import org.psip.app.test.WebhookServer;
import org.psip.sip.test.SipText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the application does not answer as it should: answer_url down, slow or talking
 * nonsense. One domain per case, without digest, so each call goes straight to its
 * application.
 */
class CallFlowAnswerUrlFailureTest {

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: answer-url-failure-test-secret
            applications:
              refused:
                answer_url: ${closed}/answer
                fallback_answer_url: ${webhook}/fallback-after-refusal
              unavailable:
                answer_url: ${webhook}/unavailable
                fallback_answer_url: ${webhook}/fallback-after-503
              both-down:
                answer_url: ${closed}/answer
                fallback_answer_url: ${webhook}/unavailable
              slow:
                answer_url: ${webhook}/slow
                read_timeout: 500
              dancer:
                answer_url: ${webhook}/dance
            domains:
              refused: { application: refused, acl: [ 127.0.0.1/32 ], digest: false }
              unavailable: { application: unavailable, acl: [ 127.0.0.1/32 ], digest: false }
              bothdown: { application: both-down, acl: [ 127.0.0.1/32 ], digest: false }
              slow: { application: slow, acl: [ 127.0.0.1/32 ], digest: false }
              dancer: { application: dancer, acl: [ 127.0.0.1/32 ], digest: false }
            """;

    private static final String TALK_NCCO = "[{\"action\":\"talk\",\"text\":\"Sorry, try later\"}]";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY);

    @BeforeAll
    static void applicationsAnswer() {
        gateway.webhook()
                .answer("/fallback-after-refusal", 200, TALK_NCCO)
                .answer("/fallback-after-503", 200, TALK_NCCO)
                .answer("/unavailable", 503, "")
                // a valid NCCO, but only after the application's 500 ms read timeout
                .answer("/slow", 200, TALK_NCCO, Duration.ofSeconds(2))
                .answer("/dance", 200, "[{\"action\":\"dance\"}]");
    }

    @Test
    void answer_url_refusing_the_connection_hands_the_call_to_fallback_answer_url_with_the_reason() throws Exception {
        SipText answer = call("refused");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(488);
        assertThat(answer.header("Reason")).contains("NCCO action 'talk'");
        WebhookServer.Request fallback = gateway.webhook().next("/fallback-after-refusal", WAIT);
        assertThat(fallback).as("the fallback_answer_url request").isNotNull();
        assertThat(fallback.query()).containsEntry("reason", "refused the connection")
                .containsEntry("original_request", gateway.closedUrl("/answer"))
                .containsEntry("to", "1234").containsEntry("endpoint_type", "sip").containsKey("uuid");
    }

    @Test
    void answer_url_answering_503_hands_the_call_to_fallback_answer_url_with_the_reason() throws Exception {
        SipText answer = call("unavailable");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(488);
        assertThat(answer.header("Reason")).contains("NCCO action 'talk'");
        WebhookServer.Request fallback = gateway.webhook().next("/fallback-after-503", WAIT);
        assertThat(fallback).as("the fallback_answer_url request").isNotNull();
        assertThat(fallback.query()).containsEntry("reason", "answered HTTP 503")
                .containsEntry("original_request", gateway.webhook().url("/unavailable"));
    }

    @Test
    void answer_url_and_fallback_both_down_gets_480_with_a_reason() throws Exception {
        SipText answer = call("bothdown");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(480);
        assertThat(answer.header("Reason"))
                .contains("answer_url refused the connection; fallback_answer_url answered HTTP 503");
    }

    @Test
    void answer_url_slower_than_its_read_timeout_without_fallback_gets_480() throws Exception {
        SipText answer = call("slow");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(480);
        assertThat(answer.header("Reason")).contains("answer_url timed out").contains("read 500 ms");
    }

    @Test
    void an_answer_that_is_not_a_valid_ncco_gets_500_naming_the_problem() throws Exception {
        SipText answer = call("dancer");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(500);
        assertThat(answer.header("Reason")).contains("invalid NCCO from answer_url")
                .contains("[0].action").contains("unknown action 'dance'");
    }

    private static SipText call(String domain) throws Exception {
        try (SipCaller caller = gateway.caller()) {
            return caller.invite("sip:1234@" + domain + ".sip.example.com");
        }
    }
}
