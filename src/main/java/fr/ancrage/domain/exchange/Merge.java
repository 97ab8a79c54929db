package fr.ancrage.domain.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The merge of one record of a package into the base (decision 0019). Each field carries a clock;
 * a field whose package clock has seen the base's is taken, one whose base clock has seen the
 * package's is kept, and one changed on both sides to different values is a conflict. A deletion
 * is a tombstone whose clock has seen the record's changes: it wins over a record that changed
 * nothing since, and is a conflict with one that changed.
 */
public final class Merge {

    /** What the import does to the record. */
    public enum Outcome { NEW, UPDATED, UNCHANGED, DELETED, CONFLICT }

    /** A conflict about the record as a whole. */
    public enum RecordConflict { NONE, DELETED_HERE, DELETED_THERE }

    /** Who wins a conflict: this base, the package, or a value the user typed. */
    public enum Choice { MINE, THEIRS, EDIT }

    /** The user's answer to one conflict; {@code value} only for {@link Choice#EDIT}. */
    public record Resolution(Choice choice, String value) {
        public static final Resolution MINE = new Resolution(Choice.MINE, null);
        public static final Resolution THEIRS = new Resolution(Choice.THEIRS, null);

        public Resolution {
            Objects.requireNonNull(choice, "choice");
        }

        public static Resolution edit(String value) {
            return new Resolution(Choice.EDIT, value);
        }
    }

    /**
     * One field changed differently on both sides; {@code before} is the value both had, when known.
     * {@code rule}: null for a field both sides changed; for fields each side changed alone but
     * whose merge would break a rule of the record (an end date before the start date taken from the
     * other side...), the message key of that rule.
     */
    public record FieldConflict(String field, String mine, String theirs, String before, boolean beforeKnown,
                                String rule) {

        public FieldConflict(String field, String mine, String theirs, String before, boolean beforeKnown) {
            this(field, mine, theirs, before, beforeKnown, null);
        }
    }

    /**
     * The merge of one record. {@code merged} is the result without the conflicts (their fields keep
     * this base's value until resolved); {@code changedFields} the fields whose value the import changes.
     */
    public record Result(UUID id, String kind, Outcome outcome, RecordState local, RecordState remote,
                         RecordState merged, List<FieldConflict> conflicts, RecordConflict recordConflict,
                         Set<String> changedFields) {

        public boolean isConflict() {
            return outcome == Outcome.CONFLICT;
        }
    }

    private Merge() {
    }

    /**
     * Merges {@code remote} (from the package) into {@code local} (this base; null when the record is
     * unknown here). {@code previous}: for the base's fields changed since the last exchange, the
     * value and clock they had then (to show the value both had before a conflict).
     */
    public static Result merge(RecordState local, RecordState remote, Map<String, FieldValue> previous) {
        UUID id = remote.id();
        String kind = remote.kind();
        if (local == null) {
            return remote.isDeleted()
                    ? result(null, remote, remote, Outcome.UNCHANGED, Set.of())
                    : result(null, remote, remote, Outcome.NEW, remote.values().keySet());
        }
        if (local.isDeleted() && remote.isDeleted()) {
            RecordState merged = new RecordState(id, kind, lastFields(local, remote), local.deleted().merge(remote.deleted()));
            return result(local, remote, merged, Outcome.UNCHANGED, Set.of());
        }
        if (remote.isDeleted()) {
            Clock mine = local.recordClock();
            if (mine.seenBy(remote.deleted())) {
                return result(local, remote, new RecordState(id, kind, lastFields(local, remote),
                        remote.deleted().merge(mine)), Outcome.DELETED, Set.of());
            }
            if (remote.deleted().seenBy(mine)) {
                return result(local, remote, local, Outcome.UNCHANGED, Set.of());
            }
            return new Result(id, kind, Outcome.CONFLICT, local, remote, local, List.of(),
                    RecordConflict.DELETED_THERE, Set.of());
        }
        if (local.isDeleted()) {
            Clock theirs = remote.recordClock();
            if (theirs.seenBy(local.deleted())) {
                return result(local, remote, local.asTombstone(local.deleted().merge(theirs)), Outcome.UNCHANGED,
                        Set.of());
            }
            if (local.deleted().seenBy(theirs)) {
                return result(local, remote, remote, Outcome.NEW, remote.values().keySet());
            }
            return new Result(id, kind, Outcome.CONFLICT, local, remote, local, List.of(),
                    RecordConflict.DELETED_HERE, Set.of());
        }
        Map<String, FieldValue> merged = new TreeMap<>();
        List<FieldConflict> conflicts = new ArrayList<>();
        Set<String> changed = new TreeSet<>();
        Set<String> names = new TreeSet<>(local.fields().keySet());
        names.addAll(remote.fields().keySet());
        for (String name : names) {
            FieldValue l = local.field(name);
            FieldValue r = remote.field(name);
            switch (r.clock().compare(l.clock())) {
                case EQUAL, BEFORE -> merged.put(name, l);
                case AFTER -> {
                    merged.put(name, r);
                    if (!r.sameValue(l)) {
                        changed.add(name);
                    }
                }
                case CONCURRENT -> {
                    if (r.sameValue(l)) {
                        merged.put(name, new FieldValue(l.value(), l.clock().merge(r.clock())));
                    } else {
                        merged.put(name, l);
                        FieldValue before = previous.get(name);
                        boolean known = before != null && before.clock().seenBy(r.clock());
                        conflicts.add(new FieldConflict(name, l.value(), r.value(), known ? before.value() : null,
                                known));
                    }
                }
            }
        }
        merged.values().removeIf(f -> f.value() == null && f.clock().isEmpty());
        RecordState state = local.withFields(merged);
        if (!conflicts.isEmpty()) {
            return new Result(id, kind, Outcome.CONFLICT, local, remote, state, List.copyOf(conflicts),
                    RecordConflict.NONE, changed);
        }
        return result(local, remote, state, changed.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED, changed);
    }

    /**
     * The merge of a record changed on both sides whose result breaks a rule of its kind ({@code
     * rule}, a message key) although each side kept it: the {@code fields} of the rule that differ
     * between the two sides are no longer merged but asked, as conflicts, this base's value kept
     * until answered. Returns {@code r} itself when none differs, or for a deletion or a new record.
     */
    public static Result asConflicts(Result r, Set<String> fields, String rule, Map<String, FieldValue> previous) {
        if (r.local() == null || r.local().isDeleted() || r.remote().isDeleted()
                || r.recordConflict() != RecordConflict.NONE) {
            return r;
        }
        List<FieldConflict> conflicts = new ArrayList<>(r.conflicts());
        Set<String> asked = new TreeSet<>();
        conflicts.forEach(c -> asked.add(c.field()));
        Map<String, FieldValue> merged = new TreeMap<>(r.merged().fields());
        Set<String> changed = new TreeSet<>(r.changedFields());
        for (String name : new TreeSet<>(fields)) {
            FieldValue l = r.local().field(name);
            FieldValue t = r.remote().field(name);
            if (asked.contains(name) || t.sameValue(l)) {
                continue;
            }
            // a field changed on one side only: the other side still has the value both had
            FieldValue before = switch (t.clock().compare(l.clock())) {
                case AFTER -> l;
                case BEFORE -> t;
                default -> previous.get(name);
            };
            boolean known = before != null && before.clock().seenBy(t.clock());
            conflicts.add(new FieldConflict(name, l.value(), t.value(), known ? before.value() : null, known, rule));
            if (l.value() == null && l.clock().isEmpty()) {
                merged.remove(name);
            } else {
                merged.put(name, l);
            }
            changed.remove(name);
        }
        if (conflicts.size() == r.conflicts().size()) {
            return r;
        }
        return new Result(r.id(), r.kind(), Outcome.CONFLICT, r.local(), r.remote(), r.merged().withFields(merged),
                List.copyOf(conflicts), RecordConflict.NONE, Set.copyOf(changed));
    }

    /**
     * A record kept or made again over a deletion has seen it: the fields the deleted record had
     * and it lacks are empty, with {@code clock} (not absent, which another base's older value of
     * them would fill).
     */
    private static void emptied(Map<String, FieldValue> fields, RecordState tombstone, Clock clock) {
        tombstone.fields().keySet().forEach(name -> fields.putIfAbsent(name, new FieldValue(null, clock)));
    }

    /**
     * The fields a tombstone keeps (what was deleted, and which fields a record made again must
     * empty): of each field, the later of the two sides' values, so that every base ends with the
     * same tombstone whatever the order it received the packages in (two concurrent values: the
     * lesser, an arbitrary but common choice).
     */
    private static Map<String, FieldValue> lastFields(RecordState a, RecordState b) {
        Map<String, FieldValue> fields = new TreeMap<>(a.fields());
        b.fields().forEach((name, theirs) -> {
            FieldValue mine = fields.get(name);
            if (mine == null) {
                fields.put(name, theirs);
                return;
            }
            switch (theirs.clock().compare(mine.clock())) {
                case AFTER -> fields.put(name, theirs);
                case CONCURRENT -> {
                    Clock both = mine.clock().merge(theirs.clock());
                    String lesser = java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder())
                            .compare(mine.value(), theirs.value()) <= 0 ? mine.value() : theirs.value();
                    fields.put(name, new FieldValue(lesser, both));
                }
                default -> {
                }
            }
        });
        return fields;
    }

    private static Result result(RecordState local, RecordState remote, RecordState merged, Outcome outcome,
                                 Set<String> changed) {
        return new Result(remote.id(), remote.kind(), outcome, local, remote, merged, List.of(),
                RecordConflict.NONE, Set.copyOf(changed));
    }

    /**
     * The record once the user answered its conflicts: {@code fields} for field conflicts (a field
     * without an answer keeps this base's value), {@code record} for a deletion conflict. A choice
     * for this base's side is a change made here ({@code me}, {@code counter}), so that it wins,
     * without a question, in the other base at the next exchange; so is a choice for the package's
     * side (the other base then receives its own value back, unchanged).
     */
    public static RecordState resolve(Result r, Map<String, Resolution> fields, Choice record, UUID me,
                                      long counter) {
        if (!r.isConflict()) {
            return r.merged();
        }
        switch (r.recordConflict()) {
            case DELETED_THERE -> {
                Clock tombstone = r.remote().deleted();
                if (record == Choice.THEIRS) {
                    return new RecordState(r.id(), r.kind(), lastFields(r.local(), r.remote()),
                            tombstone.merge(r.local().recordClock()));
                }
                Map<String, FieldValue> kept = new TreeMap<>();
                r.local().fields().forEach((name, f) -> kept.put(name,
                        new FieldValue(f.value(), f.clock().merge(tombstone).bump(me, counter))));
                emptied(kept, r.remote(), tombstone.bump(me, counter));
                return r.local().withFields(kept);
            }
            case DELETED_HERE -> {
                Clock tombstone = r.local().deleted();
                if (record == Choice.THEIRS) {
                    Map<String, FieldValue> revived = new TreeMap<>();
                    r.remote().fields().forEach((name, f) -> revived.put(name,
                            new FieldValue(f.value(), f.clock().merge(tombstone))));
                    emptied(revived, r.local(), tombstone);
                    return r.local().revived(revived);
                }
                return new RecordState(r.id(), r.kind(), lastFields(r.local(), r.remote()),
                        tombstone.merge(r.remote().recordClock()).bump(me, counter));
            }
            case NONE -> {
                Map<String, FieldValue> merged = new TreeMap<>(r.merged().fields());
                for (FieldConflict c : r.conflicts()) {
                    Resolution answer = fields.getOrDefault(c.field(), Resolution.MINE);
                    Clock both = r.local().field(c.field()).clock().merge(r.remote().field(c.field()).clock());
                    merged.put(c.field(), switch (answer.choice()) {
                        case MINE -> new FieldValue(c.mine(), both.bump(me, counter));
                        // a decision of this base too: another base that chose the other value
                        // must not end with the same clock (both would look equal, differing)
                        case THEIRS -> new FieldValue(c.theirs(), both.bump(me, counter));
                        case EDIT -> new FieldValue(answer.value(), both.bump(me, counter));
                    });
                }
                return r.merged().withFields(merged);
            }
        }
        throw new IllegalStateException();
    }
}
