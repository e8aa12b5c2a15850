package org.psip.app.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.psip.sip.test.Sipp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIPp callers into a {@link CallFlowGateway} and SIPp callees it bridges them to, with the
 * sip module's bridge scenarios: the callee checks that the caller's SDP came through
 * unchanged, and the caller that the callee's did.
 */
public final class BridgedCalls {

    /** How long one SIPp run may take. */
    public static final Duration RUN = Duration.ofSeconds(30);

    private final CallFlowGateway gateway;

    public BridgedCalls(CallFlowGateway gateway) {
        this.gateway = gateway;
    }

    /** Calls sip:1234@acme.sip.example.com; [hangup] says which side ends the call ("caller" or "callee"). */
    public Sipp caller(String hangup, int calls) throws IOException {
        return caller("acme.sip.example.com", hangup, calls);
    }

    /** Calls sip:1234@ this domain. */
    public Sipp caller(String domain, String hangup, int calls) throws IOException {
        return gateway.sipp(scenario("/scenarios/bridge/uac-call.xml"), "1234", domain)
                .key("hangup", hangup).key("reinvite", "no").calls(calls).rate(10);
    }

    /** The answering callee on this port. */
    public Sipp callee(int port, String hangup, int calls) throws IOException {
        return Sipp.scenarioText(scenario("/scenarios/bridge/uas-answer.xml"), CallFlowGateway.HOST, gateway.port())
                .localPort(port).key("hangup", hangup).calls(calls);
    }

    /**
     * The answering callee on this port, which also fails the call unless the INVITE has each
     * header:value pair (the value a POSIX extended regular expression).
     */
    public Sipp calleeChecking(int port, String... headerAndValue) throws IOException {
        StringBuilder checks = new StringBuilder();
        for (int i = 0; i < headerAndValue.length; i += 2) {
            checks.append("      <ereg regexp=\"").append(headerAndValue[i]).append(" *")
                    .append(headerAndValue[i + 1]).append("\" search_in=\"msg\" check_it=\"true\" assign_to=\"dummy\"/>\n");
        }
        String text = scenario("/scenarios/bridge/uas-answer.xml")
                .replace("      <ereg regexp=\"s=offer-[0-9]+\"", checks + "      <ereg regexp=\"s=offer-[0-9]+\"");
        return Sipp.scenarioText(text, CallFlowGateway.HOST, gateway.port()).localPort(port).key("hangup", "caller")
                .calls(1);
    }

    /** Starts the callee, waits until it listens, runs the caller, and waits for the callee to finish. */
    public Sipp.Result[] run(Sipp callee, int calleePort, Sipp caller) throws Exception {
        Process calleeProcess = callee.start();
        Sipp.awaitBound(CallFlowGateway.HOST, calleePort);
        Sipp.Result callerResult = caller.run(RUN);
        return new Sipp.Result[] {callee.await(calleeProcess, RUN), callerResult};
    }

    public static void assertAllSucceeded(Sipp.Result[] results, int calls) {
        for (Sipp.Result result : results) {
            assertThat(result.exitCode()).as(result::describe).isZero();
            assertThat(result.successfulCalls()).as(result::describe).isEqualTo(calls);
        }
    }

    /** A scenario from the test class path (the sip module's test jar holds the bridge ones). */
    public static String scenario(String resource) throws IOException {
        try (InputStream in = BridgedCalls.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no scenario " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
