package fr.ancrage.service.exchange;

import fr.ancrage.domain.exchange.Merge;
import fr.ancrage.persistence.ExchangeKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What importing a package does, record by record: shown before anything is written (the
 * preview), and kept once written (the report). Ids are this base's (a record recognised as the
 * same thing as one here has this base's id).
 */
public record ImportPlan(UUID packageId, Instant packageAt, UUID baseId, String baseName, String scope,
                         Map<ExchangeKind, Counts> counts, List<Item> items, List<Match> matches,
                         List<Renumbering> renumberings, Instant alreadyImportedAt, boolean written) {

    /** How many records of one kind the import creates, updates, leaves, deletes, and how many conflict. */
    public record Counts(int created, int updated, int unchanged, int deleted, int conflicts) {
        public int total() {
            return created + updated + unchanged + deleted + conflicts;
        }
    }

    /** One record of the package and what happens to it; the conflicts to answer before confirming. */
    public record Item(ExchangeKind kind, UUID id, String label, Merge.Outcome outcome, Set<String> changedFields,
                       List<Merge.FieldConflict> conflicts, Merge.RecordConflict recordConflict,
                       Map<String, String> mine, Map<String, String> theirs) {
        public boolean isConflict() {
            return outcome == Merge.Outcome.CONFLICT;
        }
    }

    /** A record of the package recognised as the same thing as one of this base (same SIRET, same code...). */
    public record Match(ExchangeKind kind, UUID foreignId, UUID localId, String label, boolean offered, boolean merged) {
    }

    /** A convention given a new reference because the other base numbered another convention alike. */
    public record Renumbering(UUID conventionId, String before, String after, boolean incoming) {
    }

    public int conflictCount() {
        return (int) items.stream().filter(Item::isConflict).count();
    }

    /** Nothing to write: every record is already as the package has it. */
    public boolean changesNothing() {
        return counts.values().stream().allMatch(c -> c.created() == 0 && c.updated() == 0 && c.deleted() == 0
                && c.conflicts() == 0) && renumberings.isEmpty() && matches.stream().noneMatch(Match::merged);
    }

    public Counts totals() {
        int n = 0, u = 0, s = 0, d = 0, c = 0;
        for (Counts k : counts.values()) {
            n += k.created();
            u += k.updated();
            s += k.unchanged();
            d += k.deleted();
            c += k.conflicts();
        }
        return new Counts(n, u, s, d, c);
    }
}
