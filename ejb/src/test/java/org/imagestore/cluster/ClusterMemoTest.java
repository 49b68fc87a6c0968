package org.imagestore.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two nodes' memos over one state cache (a local cache stands in for the replicated one). */
class ClusterMemoTest {

    private static DefaultCacheManager manager;
    private static Cache<String, byte[]> state;

    @BeforeAll
    static void cache() {
        manager = new DefaultCacheManager();
        manager.defineConfiguration("state", new ConfigurationBuilder().build());
        state = manager.getCache("state");
    }

    @AfterAll
    static void stop() {
        manager.stop();
    }

    @Test
    void loadsOnceUntilAChangeIsPublishedThenEveryNodeLoadsAgain() {
        AtomicInteger loadsHere = new AtomicInteger();
        AtomicInteger loadsThere = new AtomicInteger();
        ClusterMemo<Integer> here = new ClusterMemo<>(state, "k1", Duration.ofMinutes(1), loadsHere::incrementAndGet);
        ClusterMemo<Integer> there = new ClusterMemo<>(state, "k1", Duration.ofMinutes(1), loadsThere::incrementAndGet);

        assertEquals(1, here.get());
        assertEquals(1, here.get(), "no change: what was loaded");
        assertEquals(1, there.get());

        here.changed(); // a change committed on this node
        assertEquals(2, here.get());
        assertEquals(2, there.get(), "the other node sees the new version and loads again");
        assertEquals(2, there.get());
    }

    @Test
    void anotherKeysChangeLeavesItAlone() {
        AtomicInteger loads = new AtomicInteger();
        ClusterMemo<Integer> memo = new ClusterMemo<>(state, "k2", Duration.ofMinutes(1), loads::incrementAndGet);
        ClusterMemo<Integer> other = new ClusterMemo<>(state, "k3", Duration.ofMinutes(1), () -> 0);
        memo.get();
        other.changed();
        assertEquals(1, memo.get());
    }

    @Test
    void loadsAgainOnceOlderThanItsMaximumAgeWhateverTheVersion() throws InterruptedException {
        AtomicInteger loads = new AtomicInteger();
        ClusterMemo<Integer> memo = new ClusterMemo<>(state, "k4", Duration.ofMillis(50), loads::incrementAndGet);
        assertEquals(1, memo.get());
        Thread.sleep(80);
        assertEquals(2, memo.get(), "a node that missed a version catches up");
    }
}
