package org.imagestore.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;

import org.infinispan.commons.configuration.io.ConfigurationResourceResolvers;
import org.infinispan.commons.dataconversion.MediaType;
import org.infinispan.configuration.cache.Configuration;
import org.infinispan.configuration.parsing.ConfigurationBuilderHolder;
import org.infinispan.configuration.parsing.ParserRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the shipped {@code imagestore-infinispan.xml} promises about the caches a joining node starts. */
class CacheConfigurationTest {

    private static ConfigurationBuilderHolder holder;

    @BeforeAll
    static void parse() throws IOException {
        ClassLoader loader = CacheConfigurationTest.class.getClassLoader();
        try (InputStream xml = loader.getResourceAsStream("imagestore-infinispan.xml")) {
            assertNotNull(xml, "imagestore-infinispan.xml on the class path");
            holder = new ParserRegistry(loader).parse(xml, ConfigurationResourceResolvers.DEFAULT, MediaType.APPLICATION_XML);
        }
    }

    private static Configuration cache(String name) {
        return holder.getNamedConfigurationBuilders().get(name).build();
    }

    @Test
    void aJoiningNodeNeitherPullsNorWaitsForRenditions() {
        Configuration renditions = cache("renditions");
        assertEquals(1, renditions.clustering().hash().numOwners(), "a lost rendition is only rendered again");
        assertFalse(renditions.clustering().stateTransfer().fetchInMemoryState(), "renditions moved to a joiner");
        assertFalse(renditions.clustering().stateTransfer().awaitInitialTransfer(), "a joiner's deployment waits");
    }

    @Test
    void aJoiningNodeGetsTheClusterStateBeforeItServes() {
        Configuration state = cache("cluster-state");
        assertTrue(state.clustering().cacheMode().isReplicated());
        assertTrue(state.clustering().stateTransfer().fetchInMemoryState());
        assertTrue(state.clustering().stateTransfer().awaitInitialTransfer());
    }
}
