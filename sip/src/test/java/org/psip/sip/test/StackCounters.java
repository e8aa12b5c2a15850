package org.psip.sip.test;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.psip.sip.SipService;

import static org.assertj.core.api.Assertions.assertThat;

/** What a SIP stack still holds after its calls ended. */
public final class StackCounters {

    private StackCounters() {
    }

    /** Waits (up to 10 s: dialogs end a moment after their BYE) until no bridge, timer or dialog is left. */
    public static void awaitNothingLeft(SipService service) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(service.activeBridges()).as("bridges").isZero();
            assertThat(service.pendingTimers()).as("timers").isZero();
            assertThat(service.activeDialogs()).as("dialogs").isZero();
        });
    }
}
