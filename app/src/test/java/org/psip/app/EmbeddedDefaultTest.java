package org.psip.app;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.psip.sip.test.Sipp;
import org.psip.sip.test.SippScenarios;

import static org.assertj.core.api.Assertions.assertThat;

/** java -jar psip-app.jar as it comes: the default domain takes calls from this machine. */
class EmbeddedDefaultTest {

    private static final int PORT = AvailablePortFinder.getNextAvailable();
    private static PsipGateway gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = new PsipGateway(Map.of("psip.sip.port", Integer.toString(PORT))).start();
    }

    @AfterAll
    static void stopGateway() throws Exception {
        gateway.stop();
    }

    @Test
    void a_call_from_this_machine_runs_the_whole_flow_to_the_demo_ncco() throws Exception {
        // the demo application's inline NCCO connects to sip:demo@127.0.0.1:5070: until call
        // control is built the flow ends with 501 naming that action
        Sipp.Result result = Sipp.scenarioText(SippScenarios.call(501, ""), "127.0.0.1", PORT)
                .key("domain", "127.0.0.1:" + PORT).option("-s", "service").calls(3).rate(3)
                .run(Duration.ofSeconds(30));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.successfulCalls()).isEqualTo(3);
    }
}
