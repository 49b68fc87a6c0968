/**
 * Levelling: which groups change holders so that every node's used fraction comes out within a tolerance of
 * the cluster mean, moving as few bytes as possible.
 * <p>
 * {@link org.imagestore.levelling.LevellingPlanner#plan(LevellingInput)} is a pure function from the group map
 * and the nodes' capacities to a {@link org.imagestore.levelling.LevellingPlan}: no database, no I/O, no
 * container. The leader that executes plans (copy, verify, switch the map, delete) lives beside it and is not
 * part of this package's contract.
 */
package org.imagestore.levelling;
