package org.imagestore.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.infinispan.configuration.parsing.ConfigurationBuilderHolder;
import org.infinispan.lifecycle.ComponentStatus;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.Test;

/** A node whose caches cannot start must not stay a member of the cluster (a local manager stands in for it). */
class ClusterCachesStartTest {

    private static DefaultCacheManager managerWith(String cache) {
        ConfigurationBuilderHolder holder = new ConfigurationBuilderHolder();
        holder.newConfigurationBuilder(cache);
        return new DefaultCacheManager(holder, false);
    }

    @Test
    void aManagerWhoseCachesStartKeepsRunning() {
        DefaultCacheManager manager = ClusterCaches.started(managerWith("renditions"), "renditions");
        try {
            assertEquals(ComponentStatus.RUNNING, manager.getStatus());
            assertEquals(ComponentStatus.RUNNING, manager.getCache("renditions").getStatus());
        } finally {
            manager.stop();
        }
    }

    @Test
    void aManagerWhoseCacheCannotStartIsStoppedAgain() {
        DefaultCacheManager manager = managerWith("renditions");

        assertThrows(RuntimeException.class, () -> ClusterCaches.started(manager, "renditions", "not-configured"));

        assertEquals(ComponentStatus.TERMINATED, manager.getStatus(), "left running, it would stay in the view");
    }
}
