package org.psip.routes.events;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventDeliverySettingsTest {

    private final EventDeliverySettings defaults = EventDeliverySettings.defaults(Path.of("spool"));

    @Test
    void the_wait_between_attempts_doubles_from_one_second_up_to_a_minute() {
        assertThat(defaults.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.retryDelay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.retryDelay(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(defaults.retryDelay(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.retryDelay(1000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void a_concurrency_of_zero_is_refused_with_the_values_given() {
        assertThatThrownBy(() -> new EventDeliverySettings(Path.of("spool"), Duration.ofSeconds(1),
                Duration.ofSeconds(60), 10, Duration.ofHours(1), 0, 100, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10, 0, 100");
    }
}
