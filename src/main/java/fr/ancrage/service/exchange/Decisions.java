package fr.ancrage.service.exchange;

import fr.ancrage.domain.exchange.Merge;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The user's answers to a preview: per conflicting field, per record deleted on one side, and per
 * record offered for merging with one of this base. Without an answer: this base's value is kept,
 * and an offered match is merged.
 */
public final class Decisions {

    private final Map<UUID, Map<String, Merge.Resolution>> fields = new HashMap<>();
    private final Map<UUID, Merge.Choice> records = new HashMap<>();
    private final Map<UUID, Boolean> merges = new HashMap<>();

    public static Decisions keepMine() {
        return new Decisions();
    }

    public Decisions field(UUID record, String field, Merge.Resolution answer) {
        fields.computeIfAbsent(record, k -> new HashMap<>()).put(field, answer);
        return this;
    }

    /** The same answer for every conflicting field of the record, and for its deletion conflict. */
    public Decisions record(UUID record, Merge.Choice choice) {
        records.put(record, choice);
        return this;
    }

    public Decisions merge(UUID foreignId, boolean merge) {
        merges.put(foreignId, merge);
        return this;
    }

    /** The answer for each of {@code conflicting} fields of the record. */
    Map<String, Merge.Resolution> fieldsOf(UUID record, java.util.Collection<String> conflicting) {
        Merge.Choice all = records.get(record);
        Merge.Resolution fallback = all == Merge.Choice.THEIRS ? Merge.Resolution.THEIRS : Merge.Resolution.MINE;
        Map<String, Merge.Resolution> given = fields.getOrDefault(record, Map.of());
        Map<String, Merge.Resolution> m = new HashMap<>();
        for (String f : conflicting) {
            m.put(f, given.getOrDefault(f, fallback));
        }
        return m;
    }

    Merge.Choice recordOf(UUID record) {
        return records.getOrDefault(record, Merge.Choice.MINE);
    }

    boolean mergeOf(UUID foreignId) {
        return merges.getOrDefault(foreignId, true);
    }
}
