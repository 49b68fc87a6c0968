package org.imagestore.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GroupMapsTest {

    @Test
    void theSharedFormKeepsEverything() {
        GroupMap map = new GroupMap(42, 2, Map.of("ab", List.of("node-1", "node-2"), "77", List.of("node-3")));
        assertEquals(map, GroupMaps.decode(GroupMaps.encode(map)));
    }
}
