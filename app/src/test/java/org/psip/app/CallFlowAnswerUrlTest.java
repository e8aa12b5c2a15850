package org.psip.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.CallFlowGateway;
import org.psip.sip.test.SippScenarios;
import org.psip.app.test.WebhookServer;
import org.psip.sip.test.Sipp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authenticated calls, to a SIP domain and to a SIP Connect number, reach the
 * application's answer_url with exactly the parameters the docs promise, by GET and
 * by POST; the NCCO it returns decides the final answer (488 naming the talk action:
 * no media server is configured).
 */
class CallFlowAnswerUrlTest {

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: answer-url-test-secret
              regions:
                us: { label: sip-us }
            applications:
              by-get:
                answer_url: ${webhook}/answer-get
              by-post:
                answer_url: ${webhook}/answer-post
                answer_method: POST
            domains:
              acme:
                application: by-get
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: secret }
              globex:
                application: by-post
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: secret }
            accounts:
              "abcd1234": { secret: s3cr3t }
            numbers:
              "14155550100": { application: by-get, account: abcd1234 }
              "14155550101": { application: by-post, account: abcd1234 }
            """;

    private static final String TALK_NCCO = "[{\"action\":\"talk\",\"text\":\"Hello\"}]";
    /** X-UserId goes to the application; X-Nexmo* is reserved for the platform and must not. */
    private static final String CALLER_HEADERS = "X-UserId: 1938ND9\nX-Nexmo-Trace: trace-7\n";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final CallFlowGateway gateway = new CallFlowGateway(DIRECTORY);

    @BeforeEach
    void applicationsAnswerTalk() {
        gateway.webhook().clear();
        gateway.webhook().answer("/answer-get", 200, TALK_NCCO).answer("/answer-post", 200, TALK_NCCO);
    }

    @Test
    void a_domain_call_asks_answer_url_by_get_with_exactly_the_call_parameters() throws Exception {
        placeAuthenticatedCall("1234", "acme.sip.example.com", "alice", "secret");

        WebhookServer.Request request = theOnlyRequestTo("/answer-get");
        assertThat(request.method()).isEqualTo("GET");
        assertCallParameters(new HashMap<>(request.query()), "1234");
    }

    @Test
    void a_domain_call_asks_answer_url_by_post_with_exactly_the_call_parameters_as_json() throws Exception {
        placeAuthenticatedCall("1234", "globex.sip.example.com", "alice", "secret");

        WebhookServer.Request request = theOnlyRequestTo("/answer-post");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().get("content-type")).startsWith("application/json");
        assertThat(request.query()).isEmpty();
        assertCallParameters(json(request.body()), "1234");
    }

    @Test
    void a_sip_connect_call_authenticates_as_the_account_and_asks_answer_url_by_get() throws Exception {
        placeAuthenticatedCall("14155550100", "sip.example.com", "abcd1234", "s3cr3t");

        WebhookServer.Request request = theOnlyRequestTo("/answer-get");
        assertThat(request.method()).isEqualTo("GET");
        assertCallParameters(new HashMap<>(request.query()), "14155550100");
    }

    @Test
    void a_sip_connect_call_authenticates_as_the_account_and_asks_answer_url_by_post() throws Exception {
        placeAuthenticatedCall("14155550101", "sip.example.com", "abcd1234", "s3cr3t");

        WebhookServer.Request request = theOnlyRequestTo("/answer-post");
        assertThat(request.method()).isEqualTo("POST");
        assertCallParameters(json(request.body()), "14155550101");
    }

    /** SIPp: INVITE, 401, INVITE with credentials, 488 whose Reason names the NCCO's talk action (no media server here). */
    private static void placeAuthenticatedCall(String service, String domain, String username, String password)
            throws Exception {
        Sipp.Result result = gateway.sipp(SippScenarios.authenticatedCall(488,
                        "NCCO action 'talk' needs a media server", CALLER_HEADERS), service, domain)
                .option("-au", username, "-ap", password).calls(1).run(Duration.ofSeconds(20));

        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    private static WebhookServer.Request theOnlyRequestTo(String path) throws InterruptedException {
        WebhookServer.Request request = gateway.webhook().next(path, WAIT);
        assertThat(request).as("a request to " + path).isNotNull();
        assertThat(gateway.webhook().count(path)).as("further requests to " + path).isZero();
        return request;
    }

    /** Exactly these names: the region, no region_url (the home region has no gateway), nothing from X-Nexmo-Trace. */
    private static void assertCallParameters(Map<String, Object> parameters, String to) {
        assertThat(parameters).containsOnlyKeys("to", "from", "uuid", "conversation_uuid", "region", "endpoint_type",
                "SipHeader_X-UserId");
        assertThat(parameters).containsEntry("region", "us");
        assertThat(parameters).containsEntry("to", to).containsEntry("from", "sipp")
                .containsEntry("endpoint_type", "sip").containsEntry("SipHeader_X-UserId", "1938ND9");
        assertThat((String) parameters.get("uuid")).matches(UUID);
        assertThat((String) parameters.get("conversation_uuid")).matches("CON-" + UUID);
    }

    private static Map<String, Object> json(String body) throws Exception {
        return new ObjectMapper().readValue(body, new TypeReference<>() { });
    }
}
