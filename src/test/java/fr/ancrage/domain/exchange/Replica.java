package fr.ancrage.domain.exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * A base reduced to what the merge sees: records as field → value maps (its « database »), the
 * exchange states kept of them, and its counter. Local changes are found by comparing the two at
 * each exchange, with the {@link CatchUp} the repository uses.
 */
final class Replica {

    final UUID id;
    long counter;
    final Map<UUID, Map<String, String>> db = new TreeMap<>();
    final Map<UUID, RecordState> known = new TreeMap<>();

    Replica(UUID id) {
        this.id = id;
    }

    void edit(UUID record, String field, String value) {
        db.computeIfAbsent(record, k -> new TreeMap<>()).put(field, value);
    }

    void delete(UUID record) {
        db.remove(record);
    }

    private long next() {
        return ++counter;
    }

    private void catchUp(long c) {
        Set<UUID> ids = new TreeSet<>(db.keySet());
        ids.addAll(known.keySet());
        for (UUID rec : ids) {
            CatchUp.Caught caught = CatchUp.of(rec, "test", known.get(rec), Map.of(), db.get(rec), id, c);
            if (caught != null) {
                known.put(rec, caught.state());
            }
        }
    }

    Map<UUID, RecordState> export() {
        catchUp(next());
        return new TreeMap<>(known);
    }

    /** Imports a package, answering each conflict with {@code chooser}; returns the merge of each record. */
    List<Merge.Result> importFrom(Map<UUID, RecordState> pkg, Function<Merge.Result, Merge.Choice> chooser) {
        catchUp(next());
        long decided = next();
        List<Merge.Result> results = new java.util.ArrayList<>();
        for (RecordState remote : pkg.values()) {
            Merge.Result r = Merge.merge(known.get(remote.id()), remote, Map.of());
            results.add(r);
            Merge.Choice choice = r.isConflict() ? chooser.apply(r) : Merge.Choice.MINE;
            Map<String, Merge.Resolution> answers = new HashMap<>();
            r.conflicts().forEach(c -> answers.put(c.field(),
                    choice == Merge.Choice.THEIRS ? Merge.Resolution.THEIRS : Merge.Resolution.MINE));
            RecordState fin = Merge.resolve(r, answers, choice, id, decided);
            known.put(remote.id(), fin);
            if (fin.isDeleted()) {
                db.remove(remote.id());
            } else {
                db.put(remote.id(), new TreeMap<>(fin.values()));
            }
        }
        return results;
    }

    Map<UUID, Map<String, String>> snapshot() {
        Map<UUID, Map<String, String>> copy = new TreeMap<>();
        db.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
        return copy;
    }
}
