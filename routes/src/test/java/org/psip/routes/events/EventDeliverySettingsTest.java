package org.psip.routes.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

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

    @Test
    void settings_left_out_or_blank_take_the_defaults_and_the_spool_one_directory_per_sip_port() {
        EventDeliverySettings settings = EventDeliverySettings.from(Map.of(
                "psip.sip.port", "5070", "psip.events.max-attempts", " ")::get);

        assertThat(settings).isEqualTo(EventDeliverySettings.defaults(
                Path.of(System.getProperty("java.io.tmpdir"), "psip-events-5070")));
    }

    @Test
    void every_psip_events_setting_is_read() {
        EventDeliverySettings settings = EventDeliverySettings.from(Map.of(
                "psip.events.spool-directory", "/var/lib/psip/events",
                "psip.events.first-retry-delay", "250", "psip.events.max-retry-delay", "8000",
                "psip.events.max-attempts", "5", "psip.events.max-age", "60000",
                "psip.events.concurrency", "8", "psip.events.max-pending", "1000",
                "psip.events.stop-grace", "500")::get);

        assertThat(settings).isEqualTo(new EventDeliverySettings(Path.of("/var/lib/psip/events"),
                Duration.ofMillis(250), Duration.ofSeconds(8), 5, Duration.ofMinutes(1), 8, 1000,
                Duration.ofMillis(500)));
    }

    @Test
    void a_setting_that_is_not_a_number_is_refused_by_its_name() {
        assertThatThrownBy(() -> EventDeliverySettings.from(Map.of("psip.events.concurrency", "many")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("psip.events.concurrency must be a whole number, not 'many'");
    }
}
