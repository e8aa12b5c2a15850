package org.psip.app;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.psip.app.test.CallFlowGateway;
import org.psip.sip.test.Sipp;
import org.psip.sip.test.SippScenarios;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes sharing one directory, one per region. A caller that reaches the us node
 * for acme.sip-eu is admitted there, forwarded to the eu node with its credentials and
 * its own address, admitted again there (the ACL allows the caller, not the us node),
 * and bridged by the eu application's NCCO to a SIPp callee.
 */
class CallFlowRegionForwardTest {

    private static final int US_PORT = AvailablePortFinder.getNextAvailable();
    private static final int EU_PORT = AvailablePortFinder.getNextAvailable();
    private static final int CALLEE = AvailablePortFinder.getNextAvailable();
    /** The caller sends from here; the nodes send from 127.0.0.1, which the ACL does not allow. */
    private static final String CALLER_ADDRESS = "127.0.0.2";

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: forward-test-secret
              regions:
                us: { label: sip-us, gateway: "sip:127.0.0.1:%d" }
                eu: { label: sip-eu, gateway: "sip:127.0.0.1:%d" }
            applications:
              connector:
                answer_url: ${webhook}/answer
            domains:
              acme:
                application: connector
                acl: [ 127.0.0.2/32 ]
                users:
                  alice: { password: secret }
            """.formatted(US_PORT, EU_PORT);

    @RegisterExtension
    static final CallFlowGateway us = new CallFlowGateway(DIRECTORY,
            Map.of("psip.sip.port", Integer.toString(US_PORT), "psip.home-region", "us"));
    @RegisterExtension
    static final CallFlowGateway eu = new CallFlowGateway(DIRECTORY,
            Map.of("psip.sip.port", Integer.toString(EU_PORT), "psip.home-region", "eu"));

    @Test
    void a_call_for_another_region_is_forwarded_to_its_gateway_and_completes_there() throws Exception {
        eu.webhook().answer("/answer", 200, "[{\"action\":\"connect\",\"endpoint\":"
                + "[{\"type\":\"sip\",\"uri\":\"sip:agent@127.0.0.1:" + CALLEE + "\"}]}]");
        Sipp callee = Sipp.uas(CALLEE).calls(1);
        Process calleeProcess = callee.start();
        Sipp.awaitBound("127.0.0.1", CALLEE);

        Sipp.Result caller = us.sipp(SippScenarios.authenticatedCallHangingUp(), "1234", "acme.sip-eu.example.com")
                .localAddress(CALLER_ADDRESS).option("-au", "alice", "-ap", "secret").calls(1)
                .run(Duration.ofSeconds(30));
        Sipp.Result answered = callee.await(calleeProcess, Duration.ofSeconds(30));

        assertThat(caller.exitCode()).as(caller::describe).isZero();
        assertThat(answered.exitCode()).as(answered::describe).isZero();
        assertThat(eu.webhook().count("/answer")).as("the eu node asked its answer_url").isEqualTo(1);
        assertThat(us.webhook().count("/answer")).as("the us node did not").isZero();
    }
}
