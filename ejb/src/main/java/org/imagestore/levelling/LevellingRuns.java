package org.imagestore.levelling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.imagestore.support.SqlValues;

/** The plans the leveller applied, so that any node can report on the one in progress. */
@Stateless
public class LevellingRuns {

    @PersistenceContext
    private EntityManager em;

    /** A plan as it was applied. */
    public record Run(Instant startedAt, String reason, int moves, long plannedBytes, long lowerBoundBytes,
                      double meanFraction, boolean toleranceReached, String targets) {
    }

    public void record(String reason, LevellingPlan plan) {
        String targets = plan.nodes().stream().map(n -> n.node() + "=" + n.fractionAfter())
                .collect(Collectors.joining("\n"));
        em.createNativeQuery("""
                        insert into levelling_run (reason, moves, planned_bytes, lower_bound_bytes, mean_fraction,
                                                   tolerance_reached, targets)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .setParameter(1, reason).setParameter(2, plan.moves().size()).setParameter(3, plan.bytesCopied())
                .setParameter(4, plan.lowerBoundBytes()).setParameter(5, plan.meanFraction())
                .setParameter(6, plan.toleranceReached()).setParameter(7, targets).executeUpdate();
    }

    public Optional<Run> latest() {
        List<?> rows = em.createNativeQuery("""
                        select started_at, reason, moves, planned_bytes, lower_bound_bytes, mean_fraction,
                               tolerance_reached, targets
                        from levelling_run order by id desc limit 1""").getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst().map(r -> new Run(SqlValues.instant(r[0]),
                (String) r[1], ((Number) r[2]).intValue(), SqlValues.longValue(r[3]), SqlValues.longValue(r[4]),
                ((Number) r[5]).doubleValue(), (Boolean) r[6], (String) r[7]));
    }
}
