package fr.ancrage.domain;

import java.util.Map;

/** Conventions by status (statuses without convention absent) and distinct companies among them. */
public record ConventionCounts(Map<ConventionStatus, Integer> byStatus, int companies) {

    public ConventionCounts {
        byStatus = Map.copyOf(byStatus);
    }

    public int total() {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }
}
