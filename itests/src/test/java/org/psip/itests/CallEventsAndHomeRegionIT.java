package org.psip.itests;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.psip.app.test.WebhookServer;
import org.psip.sip.test.Sipp;
import org.psip.sip.test.SippScenarios;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

/**
 * Two settings of etc/org.psip.gateway.cfg at work in Karaf: call events reach the
 * application's event_url (the publisher runs on the HttpClient 5 the Camel bundle
 * exports), and psip.home-region makes this node serve eu although the directory every
 * node shares says us.
 */
public class CallEventsAndHomeRegionIT extends PsipKarafTestSupport {

    private static final String US_GATEWAY = "sip:127.0.0.1:15060";
    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: karaf-itest-secret
              regions:
                us: { label: sip-us, gateway: "%s" }
                eu: { label: sip-eu, gateway: "sip:127.0.0.1:15070" }
            applications:
              connector:
                answer_url: ${webhook}/answer
                event_url: ${webhook}/events
                # the fields as query parameters: the probe bundle sees no JSON library before psip is installed
                event_method: GET
            domains:
              acme:
                application: connector
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: secret }
            """.formatted(US_GATEWAY);

    /** The application, and psip installed once for every test (see PsipFeaturesIT). */
    private static WebhookServer application;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut(GATEWAY, "psip.home-region", "eu"),
                editConfigurationFilePut(GATEWAY, "psip.region-forwarding", "redirectToRegion"));
    }

    @Before
    public void installPsipOnce() throws Exception {
        if (application == null) {
            application = new WebhookServer().answer("/events", 200, "");
            installPsip(DIRECTORY.replace("${webhook}", application.url("")));
        }
    }

    @Test
    public void a_bridged_call_on_the_bare_sip_host_stays_on_this_eu_node_and_reports_its_events() throws Exception {
        int calleePort = freePort();
        application.answer("/answer", 200, connectTo(calleePort));

        bridgedCallHangingUp("acme.sip.example.com", calleePort);

        WebhookServer.Request asked = application.next("/answer", WAIT);
        assertNotNull("answer_url was asked", asked);
        assertEquals("the bare sip host is this node's region", "eu", asked.query().get("region"));
        List<Map<String, String>> events = events(7);
        String inbound = asked.query().get("uuid");
        String outbound = events.stream().filter(e -> "outbound".equals(e.get("direction")))
                .findFirst().orElseThrow().get("uuid");
        assertNotEquals("the outbound leg has a uuid of its own", inbound, outbound);
        assertEquals(List.of("started", "answered", "completed"), statuses(events, inbound));
        assertEquals(List.of("started", "ringing", "answered", "completed"), statuses(events, outbound));
        for (Map<String, String> event : events) {
            assertEquals(event.toString(), asked.query().get("conversation_uuid"), event.get("conversation_uuid"));
        }
    }

    @Test
    public void a_call_for_the_directorys_home_region_is_redirected_to_that_regions_gateway() throws Exception {
        Sipp.Result result = sipp(SippScenarios.authenticatedCall(302, "region us is served by " + US_GATEWAY, ""),
                "1234", "acme.sip-us.example.com").option("-au", "alice", "-ap", "secret").calls(1)
                .run(Duration.ofSeconds(30));

        assertEquals(result.describe(), 0, result.exitCode());
    }

    /** The fields of the next events the event_url received. */
    private static List<Map<String, String>> events(int count) throws Exception {
        List<Map<String, String>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WebhookServer.Request event = application.next("/events", WAIT);
            assertNotNull("event " + (i + 1) + " of " + count + "; before it: " + events, event);
            events.add(event.query());
        }
        return events;
    }

    /** One leg's statuses, in the order they arrived. */
    private static List<String> statuses(List<Map<String, String>> events, String uuid) {
        return events.stream().filter(event -> uuid.equals(event.get("uuid"))).map(event -> event.get("status")).toList();
    }
}
