package org.psip.sip;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.psip.sip.test.Sipp;
import org.psip.sip.test.SippScenarios;
import org.psip.sip.test.StackCounters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIPp caller → psip (operation=bridge) → SIPp callee: what a B2BUA owes both ends.
 * The scenarios check the SDP on both sides: each end sees the other's body unchanged.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SipBridgeTest extends CamelTestSupport {

    private static final String HOST = "127.0.0.1";
    private static final Duration RUN = Duration.ofSeconds(30);

    private final int port = AvailablePortFinder.getNextAvailable();
    private final int calleePort = AvailablePortFinder.getNextAvailable();
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        SipBridge.Listener listener = new SipBridge.Listener() {
            @Override
            public void onRinging(SipBridge bridge, SipResponse provisional) {
                heard.add("ringing " + provisional.code());
            }

            @Override
            public void onAnswered(SipBridge bridge, SipResponse answer) {
                heard.add("answered " + answer.code());
            }

            @Override
            public void onUnanswered(SipBridge bridge, SipResponse answer) {
                heard.add("unanswered " + answer.code() + (bridge.isRingTimedOut() ? " ring-timeout" : "")
                        + (bridge.isCallerCancelled() ? " caller-cancelled" : ""));
            }

            @Override
            public void onEnded(SipBridge bridge, SipBridge.Side endedBy, String reason, long seconds) {
                heard.add("ended by " + endedBy);
            }
        };
        return new RouteBuilder() {
            @Override
            public void configure() {
                String address = "sip:" + HOST + ":" + port;
                from(address + "?transports=udp&routeTimeout=2000")
                    .setHeader(SipConstants.REQUEST_URI,
                            simple("sip:${header.CamelSipRequestUriUser}@" + HOST + ":" + calleePort))
                    .setHeader(SipConstants.BRIDGE_LISTENER, constant(listener))
                    .choice()
                        .when(header(SipConstants.REQUEST_URI_USER).isEqualTo("ringer"))
                            .setHeader(SipConstants.RING_TIMEOUT, constant(1000L))
                        .when(header(SipConstants.REQUEST_URI_USER).isEqualTo("limited"))
                            .setHeader(SipConstants.CALL_LIMIT, constant(500L))
                    .end()
                    .to(address + "?operation=bridge")
                    .process(e -> {
                        SipBridge bridge = e.getMessage().getHeader(SipConstants.BRIDGE, SipBridge.class);
                        if (bridge.isRingTimedOut()) {
                            e.getMessage().setHeader(SipConstants.RESPONSE_CODE, 408);
                            e.getMessage().setHeader(SipConstants.REASON_TEXT, "no answer");
                        }
                    });
            }
        };
    }

    @AfterEach
    void nothing_of_the_calls_stays_behind() {
        SipService service = context.getComponent("sip", SipComponent.class).service(HOST, port);
        StackCounters.awaitNothingLeft(service);
    }

    @Test
    void caller_hangs_up_a_bridged_call_and_both_legs_end() throws Exception {
        Sipp.Result[] results = call(callee("caller"), caller("alice", "caller", "no"));

        assertSucceeded(results, 3);
        // (a 180 sent right before the 200 may be overtaken by it over UDP: ringing is not asserted)
        assertThat(heard).filteredOn(s -> !s.startsWith("ringing"))
                .containsExactlyInAnyOrder("answered 200", "ended by CALLER", "answered 200", "ended by CALLER",
                        "answered 200", "ended by CALLER");
    }

    @Test
    void callee_hangs_up_a_bridged_call_and_both_legs_end() throws Exception {
        Sipp.Result[] results = call(callee("callee"), caller("bob", "callee", "no"));

        assertSucceeded(results, 3);
        assertThat(heard).filteredOn(s -> s.startsWith("ended")).containsOnly("ended by CALLEE").hasSize(3);
    }

    @Test
    void a_re_invite_from_the_caller_reaches_the_callee_and_its_answer_comes_back() throws Exception {
        Sipp.Result[] results = call(callee("caller"), caller("carol", "caller", "yes"));

        assertSucceeded(results, 3);
    }

    @Test
    void a_call_past_its_limit_is_ended_on_both_legs() throws Exception {
        // both scenarios wait for a BYE: only psip ends this call
        Sipp.Result[] results = call(callee("caller"), caller("limited", "callee", "no"));

        assertSucceeded(results, 3);
        assertThat(heard).filteredOn(s -> s.startsWith("ended")).containsOnly("ended by GATEWAY").hasSize(3);
    }

    @Test
    void a_busy_callee_gives_the_caller_486() throws Exception {
        Sipp.Result[] results = call(
                Sipp.scenarioText(SippScenarios.calleeAnswering(486), HOST, port).localPort(calleePort).calls(1),
                expecting("busy", 486));

        assertSucceeded(results, 1);
        assertThat(heard).containsExactly("unanswered 486");
    }

    @Test
    void a_callee_ringing_past_the_ring_timeout_is_cancelled_and_the_caller_gets_408() throws Exception {
        Sipp.Result[] results = call(
                Sipp.scenario("/scenarios/uas-ring-until-cancel.xml", HOST, port).localPort(calleePort).calls(1),
                expecting("ringer", 408));

        assertSucceeded(results, 1);
        assertThat(heard).containsExactly("ringing 180", "unanswered 487 ring-timeout");
    }

    @Test
    void the_callers_cancel_while_ringing_cancels_the_callee() throws Exception {
        Sipp.Result[] results = call(
                Sipp.scenario("/scenarios/uas-ring-until-cancel.xml", HOST, port).localPort(calleePort).calls(1),
                Sipp.scenario("/scenarios/uac-cancel.xml", HOST, port).calls(1));

        assertSucceeded(results, 1);
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> heard.contains("unanswered 487 caller-cancelled"));
    }

    private Sipp callee(String hangup) throws Exception {
        return Sipp.scenario("/scenarios/bridge/uas-answer.xml", HOST, port).localPort(calleePort)
                .key("hangup", hangup).calls(3);
    }

    private Sipp caller(String service, String hangup, String reinvite) throws Exception {
        return Sipp.scenario("/scenarios/bridge/uac-call.xml", HOST, port).calls(3).rate(10)
                .option("-s", service).key("hangup", hangup).key("reinvite", reinvite)
                .key("domain", HOST + ":" + port);
    }

    private Sipp expecting(String service, int finalCode) throws Exception {
        return Sipp.scenarioText(SippScenarios.call(finalCode, ""), HOST, port).calls(1)
                .option("-s", service).key("domain", HOST + ":" + port);
    }

    private Sipp.Result[] call(Sipp callee, Sipp caller) throws Exception {
        Process calleeProcess = callee.start();
        Sipp.awaitBound(HOST, calleePort);
        Sipp.Result callerResult = caller.run(RUN);
        return new Sipp.Result[] {callee.await(calleeProcess, RUN), callerResult};
    }

    private static void assertSucceeded(Sipp.Result[] results, int calls) {
        for (Sipp.Result result : results) {
            assertThat(result.exitCode()).as(result::describe).isZero();
            assertThat(result.successfulCalls()).as(result::describe).isEqualTo(calls);
        }
    }
}
