package org.psip.plugin.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    private static final InetAddress A = address(1);
    private static final InetAddress B = address(2);
    private static final InetAddress C = address(3);
    private static final long WINDOW = 60_000;

    @Test
    void source_is_blocked_once_its_allowance_is_used_until_the_oldest_failure_leaves_the_window() {
        FailureThrottle throttle = new FailureThrottle(new ThrottleSettings(3, Duration.ofMillis(WINDOW), 10));
        throttle.recordFailure(A, 0);
        throttle.recordFailure(A, 1_000);
        assertThat(throttle.blockedForMillis(A, 1_500)).isZero();

        throttle.recordFailure(A, 2_000);

        assertThat(throttle.blockedForMillis(A, 2_500)).isEqualTo(WINDOW - 2_500);
        assertThat(throttle.blockedForMillis(A, WINDOW - 1)).isEqualTo(1);
        assertThat(throttle.blockedForMillis(A, WINDOW)).isZero();
    }

    @Test
    void failures_older_than_the_window_no_longer_count() {
        FailureThrottle throttle = new FailureThrottle(new ThrottleSettings(3, Duration.ofMillis(WINDOW), 10));
        throttle.recordFailure(A, 0);
        throttle.recordFailure(A, 1_000);
        throttle.recordFailure(A, WINDOW + 5_000);

        assertThat(throttle.blockedForMillis(A, WINDOW + 5_000)).isZero();
    }

    @Test
    void one_source_being_blocked_leaves_the_others_alone() {
        FailureThrottle throttle = new FailureThrottle(new ThrottleSettings(1, Duration.ofMillis(WINDOW), 10));
        throttle.recordFailure(A, 0);

        assertThat(throttle.blockedForMillis(A, 1)).isPositive();
        assertThat(throttle.blockedForMillis(B, 1)).isZero();
    }

    @Test
    void table_of_sources_is_bounded_and_sources_whose_failures_expired_are_swept_away() {
        FailureThrottle throttle = new FailureThrottle(new ThrottleSettings(1, Duration.ofMillis(WINDOW), 2));
        throttle.recordFailure(A, 0);
        throttle.recordFailure(B, 0);

        throttle.recordFailure(C, 0);
        assertThat(throttle.blockedForMillis(C, 1)).as("no room for a third source").isZero();

        throttle.recordFailure(C, WINDOW + 10_000);
        assertThat(throttle.blockedForMillis(C, WINDOW + 10_001)).as("room once A and B expired").isPositive();
    }

    @Test
    void settings_outside_their_range_are_refused() {
        assertThatThrownBy(() -> new ThrottleSettings(0, Duration.ofSeconds(60), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottleSettings(ThrottleSettings.MAX_FAILURES_ALLOWED + 1,
                Duration.ofSeconds(60), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottleSettings(5, Duration.ZERO, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottleSettings(5, Duration.ofSeconds(60), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress address(int lastOctet) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, (byte) lastOctet});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
