package org.psip.routes.osgi;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the call flow gets from etc/org.psip.gateway.cfg, besides the keys as they are. */
class CallFlowServiceSettingsTest {

    private static final String SPOOL = "psip.events.spool-directory";
    private static final String KARAF_SPOOL = Path.of(System.getProperty("karaf.data", "data"), "psip", "events")
            .toString();

    @Test
    void undelivered_events_wait_in_karafs_data_folder_when_the_configuration_names_no_place() {
        assertThat(CallFlowService.settings(Map.of())).containsEntry(SPOOL, KARAF_SPOOL);
        assertThat(CallFlowService.settings(Map.of(SPOOL, " "))).containsEntry(SPOOL, KARAF_SPOOL);
    }

    @Test
    void a_spool_directory_in_the_configuration_is_kept() {
        assertThat(CallFlowService.settings(Map.of(SPOOL, "/var/lib/psip/events ")))
                .containsEntry(SPOOL, "/var/lib/psip/events");
    }
}
