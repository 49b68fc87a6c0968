package org.imagestore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.imagestore.ops.NodeReadings.VolumeReading;
import org.imagestore.publishing.OutboxRelay.Backlog;
import org.junit.jupiter.api.Test;

class HealthChecksTest {

    @Test
    void anOldJmsBacklogIsAWarningAndTheNodeStaysUp() {
        Health.Check backlog = HealthChecks.outbox(new Backlog(120, HealthChecks.BACKLOG_WARN_SECONDS + 1));
        assertEquals("WARN", backlog.status());

        Health health = Health.of("node-1", List.of(Health.Check.up("database", "ok"), backlog));
        assertEquals("UP", health.status(), "uploads go on while the broker is away: their messages wait in the outbox");
    }

    @Test
    void aFreshBacklogIsUp() {
        assertEquals("UP", HealthChecks.outbox(new Backlog(3, 1)).status());
    }

    @Test
    void aVolumeThatCannotBeWrittenTakesTheNodeDown() {
        Health.Check volume = HealthChecks.volume(new VolumeReading("v-1", Path.of("/x"), 100, 10, 0.1, false));
        assertEquals("DOWN", volume.status());
        assertFalse(Health.of("node-1", List.of(Health.Check.up("database", "ok"), volume)).serving());
    }

    @Test
    void anUnreachableCatalogueLeavesTheNodeServingDegraded() {
        Health health = Health.of("node-1", List.of(Health.Check.degraded("database", "connection refused"),
                HealthChecks.outbox(new Backlog(3, 1))));
        assertEquals("DEGRADED", health.status());
        assertTrue(health.serving(), "it still serves its originals and cached renditions: a load balancer keeps it");
    }

    @Test
    void anAlmostFullVolumeIsAWarning() {
        assertEquals("WARN", HealthChecks.volume(new VolumeReading("v-1", Path.of("/x"), 100, 95, 0.95, true)).status());
    }
}
