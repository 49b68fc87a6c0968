package org.imagestore.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MapGrowthTest {

    private static final List<String> GROUPS = GroupMap.allGroups(2);

    private static Map<String, List<String>> apply(Map<String, List<String>> current, Map<String, List<String>> changes) {
        Map<String, List<String>> next = new HashMap<>(current);
        next.putAll(changes);
        return next;
    }

    @Test
    void thereAre1024GroupsOfTwoCharacters() {
        assertEquals(1024, GROUPS.size());
        assertEquals(1024, new HashSet<>(GROUPS).size());
        assertEquals("aa", GROUPS.getFirst());
        assertEquals("77", GROUPS.getLast());
    }

    @Test
    void aFreshClusterSpreadsEveryGroupOverItsNodesEvenly() {
        Map<String, Double> nodes = Map.of("node-1", 1.0, "node-2", 1.0, "node-3", 1.0);
        Map<String, List<String>> map = MapGrowth.grow(GROUPS, Map.of(), Set.copyOf(GROUPS), nodes, Set.of(), 2);

        assertEquals(1024, map.size());
        map.values().forEach(holders -> {
            assertEquals(2, holders.size());
            assertEquals(2, new HashSet<>(holders).size(), "distinct holders");
        });
        for (String node : nodes.keySet()) {
            long held = map.values().stream().filter(h -> h.contains(node)).count();
            // 2/3 of 1,024 = 683 on average; rendezvous hashing stays close to it
            assertTrue(Math.abs(held - 683) < 60, node + " holds " + held + " groups");
        }
    }

    @Test
    void heavierNodesGetMoreGroups() {
        Map<String, List<String>> map = MapGrowth.grow(GROUPS, Map.of(), Set.copyOf(GROUPS),
                Map.of("small", 1.0, "large", 3.0), Set.of(), 1);
        long large = map.values().stream().filter(h -> h.contains("large")).count();
        assertTrue(large > 700 && large < 840, "about 3/4 of the groups: " + large);
    }

    @Test
    void fewerNodesThanReplicasGiveEveryGroupEveryNode() {
        Map<String, List<String>> map = MapGrowth.grow(GROUPS, Map.of(), Set.copyOf(GROUPS),
                Map.of("node-1", 1.0), Set.of(), 2);
        map.values().forEach(holders -> assertEquals(List.of("node-1"), holders));
    }

    @Test
    void aGroupWithImagesKeepsItsHoldersAndOnlyGainsWhereItLacks() {
        Map<String, List<String>> one = MapGrowth.grow(GROUPS, Map.of(), Set.copyOf(GROUPS), Map.of("node-1", 1.0), Set.of(), 2);
        Set<String> empty = new HashSet<>(GROUPS);
        empty.remove("ab");
        Map<String, List<String>> two = apply(one, MapGrowth.grow(GROUPS, one, empty,
                Map.of("node-1", 1.0, "node-2", 1.0), Set.of(), 2));
        assertEquals(List.of("node-1", "node-2"), two.get("ab"), "kept node-1, gained node-2 as its second copy");

        Map<String, List<String>> changes = MapGrowth.grow(GROUPS, two, empty,
                Map.of("node-1", 1.0, "node-2", 1.0, "node-3", 1.0), Set.of(), 2);
        assertTrue(!changes.containsKey("ab"), "a full group does not move when a node joins (levelling moves it)");
        long toNode3 = changes.values().stream().filter(h -> h.contains("node-3")).count();
        assertTrue(toNode3 > 600, "empty groups spread onto the new node: " + toNode3);
    }

    @Test
    void aNodeGivenUpIsReplacedWhereItHeldGroups() {
        Map<String, Double> three = Map.of("node-1", 1.0, "node-2", 1.0, "node-3", 1.0);
        Map<String, List<String>> map = MapGrowth.grow(GROUPS, Map.of(), Set.copyOf(GROUPS), three, Set.of(), 2);
        Map<String, Double> survivors = Map.of("node-1", 1.0, "node-2", 1.0);
        Map<String, List<String>> changes = MapGrowth.grow(GROUPS, map, Set.of(), survivors, Set.of("node-3"), 2);

        Map<String, List<String>> after = apply(map, changes);
        after.values().forEach(holders -> {
            assertTrue(!holders.contains("node-3"));
            assertEquals(2, holders.size());
        });
        changes.keySet().forEach(group -> assertTrue(map.get(group).contains("node-3"), "only node-3's groups change"));
    }

    @Test
    void theSameInputGivesTheSameMap() {
        Map<String, Double> nodes = Map.of("a", 1.0, "b", 2.0, "c", 1.5);
        assertEquals(MapGrowth.grow(GROUPS, Map.of(), Set.copyOf(GROUPS), nodes, Set.of(), 2),
                MapGrowth.grow(GROUPS, Map.of(), Set.copyOf(GROUPS), new HashMap<>(nodes), Set.of(), 2));
    }
}
