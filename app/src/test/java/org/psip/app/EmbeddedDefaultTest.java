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
    void a_call_from_this_machine_is_bridged_to_the_demo_callee() throws Exception {
        // the README's first call: sipp -sn uas -p 5070, then sipp -sn uac 127.0.0.1:5060
        Sipp callee = Sipp.uas(5070).calls(3);
        Process calleeProcess = callee.start();
        Sipp.awaitBound("127.0.0.1", 5070);

        Sipp.Result caller = Sipp.uac("127.0.0.1", PORT).calls(3).rate(3).run(Duration.ofSeconds(30));
        Sipp.Result answered = callee.await(calleeProcess, Duration.ofSeconds(30));

        assertThat(caller.exitCode()).as(caller::describe).isZero();
        assertThat(caller.successfulCalls()).isEqualTo(3);
        assertThat(answered.exitCode()).as(answered::describe).isZero();
        assertThat(answered.successfulCalls()).isEqualTo(3);
    }

    @Test
    void with_no_demo_callee_listening_the_caller_gets_a_clear_failure() throws Exception {
        // nothing on 5070: the leg gets no answer (ICMP unreachable or timeout) and the caller a final failure
        Sipp.Result result = Sipp.scenarioText(SippScenarios.call(408, ""), "127.0.0.1", PORT)
                .key("domain", "127.0.0.1:" + PORT).option("-s", "service").calls(1)
                .run(Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result::describe).isZero();
    }
}
