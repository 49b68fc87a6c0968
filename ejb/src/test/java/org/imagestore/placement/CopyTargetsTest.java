package org.imagestore.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CopyTargetsTest {

    private static final Map<String, Double> THREE = Map.of("node-1", 1.0, "node-2", 1.0, "node-3", 1.0);

    @Test
    void theHoldersWhenTheyAreUp() {
        assertEquals(List.of("node-2", "node-3"),
                CopyTargets.choose("ab", List.of("node-2", "node-3"), THREE, 2, Set.of()));
    }

    @Test
    void aDownHolderIsReplacedByTheSameStandInOnEveryNode() {
        Map<String, Double> twoUp = Map.of("node-1", 1.0, "node-2", 1.0);
        List<String> targets = CopyTargets.choose("ab", List.of("node-2", "node-3"), twoUp, 2, Set.of());
        assertEquals(List.of("node-2", "node-1"), targets);
    }

    @Test
    void aHolderThatFailedIsReplacedToo() {
        List<String> targets = CopyTargets.choose("ab", List.of("node-2", "node-3"), THREE, 2, Set.of("node-3"));
        assertEquals(List.of("node-2", "node-1"), targets);
    }

    @Test
    void neverTheSameNodeTwiceAndNeverMoreThanAreUp() {
        List<String> targets = CopyTargets.choose("ab", List.of(), Map.of("node-1", 1.0), 2, Set.of());
        assertEquals(List.of("node-1"), targets);
        assertFalse(CopyTargets.choose("cd", List.of("node-1"), THREE, 3, Set.of()).stream().distinct().count() < 3);
    }

    @Test
    void noTargetWhenEveryNodeFailed() {
        assertEquals(List.of(), CopyTargets.choose("ab", List.of("node-1"), Map.of("node-1", 1.0), 1, Set.of("node-1")));
    }

    @Test
    void copiesOnEveryHolderAndNowhereElseSettleTheGroup() {
        assertFalse(CopyTargets.leaveToRepair(List.of("node-2", "node-3"), List.of("node-3", "node-2")));
        assertFalse(CopyTargets.leaveToRepair(List.of("node-1"), List.of("node-1")), "one node, R=2: nothing to repair");
        assertTrue(CopyTargets.leaveToRepair(List.of("node-2", "node-3"), List.of("node-2")), "a holder was down");
        assertTrue(CopyTargets.leaveToRepair(List.of("node-2", "node-3"), List.of("node-2", "node-1")), "a stand-in");
        assertTrue(CopyTargets.leaveToRepair(List.of(), List.of("node-1")), "no holders yet");
    }
}
