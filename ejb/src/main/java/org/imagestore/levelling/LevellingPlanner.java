package org.imagestore.levelling;

/**
 * Plans levelling: which group copies to move so that every node's used fraction ends within the tolerance of the
 * cluster mean, copying as few bytes as possible. A pure function of its input; the same input (in any order)
 * gives the same plan.
 * <p>
 * The stages, each on one shared working map:
 * <ol>
 * <li>normalise the map (lost holders dropped, surplus copies removed) and compute the band and the lower bound
 *     on the bytes any plan must copy;</li>
 * <li>give groups that lost holders their missing copies, on the emptiest nodes;</li>
 * <li>move copies greedily from overfull (and draining) nodes to underfull ones until all are level
 *     ({@link ToleranceLeveller});</li>
 * <li>empty the draining nodes of what is left, whatever the band says;</li>
 * <li>where the band cannot be reached (groups too coarse for a node), improve as far as single moves can.</li>
 * </ol>
 * Every stage may move only copies a node had at the start, to a node that never held the group: a copy moves at
 * most once, so the plan is a set of independent copy-then-delete steps.
 */
public final class LevellingPlanner {

    private LevellingPlanner() {
    }

    public static LevellingPlan plan(LevellingInput input) {
        WorkingMap map = new WorkingMap(input);
        Band band = new Band(map, input.tolerance());
        long lowerBound = LowerBound.of(map, band);
        MissingReplicas.place(map);
        ToleranceLeveller.level(map, band);
        Drainer.empty(map);
        BestEffortLeveller.improve(map, band);
        return PlanWriter.write(map, band, lowerBound);
    }
}
