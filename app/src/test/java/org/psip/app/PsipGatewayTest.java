package org.psip.app;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.psip.routes.events.EventUrlPublisher;
import org.psip.sip.test.Sipp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as a user runs it, SIPp as the caller: with the route that answers
 * every call (the benchmark's), and with the embedded default call flow.
 */
class PsipGatewayTest {

    private static final int PORT = AvailablePortFinder.getNextAvailable();
    private static PsipGateway gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = new PsipGateway(Map.of("psip.sip.port", Integer.toString(PORT),
                "camel.main.routes-include-pattern", "classpath:routes/answer-every-call.yaml")).start();
    }

    @AfterAll
    static void stopGateway() throws Exception {
        gateway.stop();
    }

    @Test
    void the_gateway_is_assembled_once() {
        // twice would mean two directories polling the same file and two event publishers replaying one spool
        assertThat(gateway.main().getCamelContext().hasServices(EventUrlPublisher.class)).hasSize(1);
    }

    @Test
    void sipp_builtin_uac_calls_complete_over_udp() throws Exception {
        Sipp.Result result = Sipp.uac("127.0.0.1", PORT).calls(200).rate(100).run(Duration.ofSeconds(30));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.successfulCalls()).isEqualTo(200);
        assertThat(result.failedCalls()).isZero();
    }

    @Test
    void sipp_builtin_uac_calls_complete_over_tcp() throws Exception {
        Sipp.Result result = Sipp.uac("127.0.0.1", PORT).overTcp().calls(200).rate(100)
                .run(Duration.ofSeconds(30));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.successfulCalls()).isEqualTo(200);
        assertThat(result.failedCalls()).isZero();
    }
}
