package fr.ancrage.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A company's commitment inside a convention: an action type of the catalogue (hence a category and
 * a PaQte axis), a description, the QPVs it targets among the convention's, a partner involved, the
 * years it covers and a target per indicator and year.
 */
public record Engagement(RecordMeta meta, UUID conventionId, UUID actionTypeId, String description,
                         Set<UUID> qpvIds, UUID partnerId, int firstYear, int lastYear,
                         EngagementStatus status, List<Target> targets) {

    public Engagement {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(conventionId, "conventionId");
        Objects.requireNonNull(status, "status");
        description = Text.clean(description);
        qpvIds = qpvIds == null ? Set.of() : Set.copyOf(qpvIds);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public UUID id() {
        return meta.id();
    }

    public Optional<Target> target(UUID indicatorId, int year) {
        return targets.stream().filter(t -> t.indicatorId().equals(indicatorId) && t.year() == year).findFirst();
    }

    public Engagement withMeta(RecordMeta newMeta) {
        return new Engagement(newMeta, conventionId, actionTypeId, description, qpvIds, partnerId, firstYear,
                lastYear, status, targets);
    }

    /**
     * A copy for the year after this engagement's last one: same action, QPVs and partner, the
     * targets of the last year, status "prévu". Not stored yet.
     */
    public Engagement duplicateToNextYear() {
        int next = lastYear + 1;
        List<Target> nextTargets = targets.stream().filter(t -> t.year() == lastYear)
                .map(t -> new Target(t.indicatorId(), next, t.value())).toList();
        return new Engagement(RecordMeta.fresh(), conventionId, actionTypeId, description, qpvIds, partnerId, next,
                next, EngagementStatus.PLANNED, nextTargets);
    }
}
