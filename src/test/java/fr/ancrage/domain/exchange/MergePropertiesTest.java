package fr.ancrage.domain.exchange;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merge's promises on random edit sequences of bases exchanging packages (decision 0019):
 * a second import changes nothing; packages that do not conflict give the same base in any order;
 * after a round trip both bases hold the same records; no change is lost unseen.
 */
class MergePropertiesTest {

    private static final UUID[] RECORDS = {
            UUID.fromString("00000000-0000-7000-8000-000000000001"),
            UUID.fromString("00000000-0000-7000-8000-000000000002"),
            UUID.fromString("00000000-0000-7000-8000-000000000003")};
    private static final List<String> FIELDS = List.of("a", "b", "c");

    /** One step: base {@code base} sets a field, deletes a record, or sends a package to {@code to}. */
    record Step(int kind, int base, int to, int record, String field, String value, boolean theirs) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, RECORDS.length - 1),
                Arbitraries.of(FIELDS), Arbitraries.of("1", "2", "3"), Arbitraries.of(true, false))
                .as((k, b, t, r, f, v, th) -> new Step(k < 6 ? 0 : k < 7 ? 1 : 2, b, t, r, f, v, th));
        return step.list().ofMinSize(1).ofMaxSize(30);
    }

    private static Replica[] bases() {
        return new Replica[]{new Replica(UUID.fromString("aaaaaaaa-0000-4000-8000-000000000000")),
                new Replica(UUID.fromString("bbbbbbbb-0000-4000-8000-000000000000")),
                new Replica(UUID.fromString("cccccccc-0000-4000-8000-000000000000"))};
    }

    /** Plays the history; returns every package sent. */
    private static List<Map<UUID, RecordState>> play(Replica[] r, List<Step> history) {
        List<Map<UUID, RecordState>> sent = new ArrayList<>();
        for (Step s : history) {
            Replica base = r[s.base()];
            switch (s.kind()) {
                case 0 -> base.edit(RECORDS[s.record()], s.field(), s.value());
                case 1 -> base.delete(RECORDS[s.record()]);
                default -> {
                    if (s.to() != s.base()) {
                        Map<UUID, RecordState> p = base.export();
                        sent.add(p);
                        r[s.to()].importFrom(p, m -> s.theirs() ? Merge.Choice.THEIRS : Merge.Choice.MINE);
                    }
                }
            }
        }
        return sent;
    }

    @Property(tries = 1000)
    void aSecondImportOfTheSamePackageChangesNothing(@ForAll("histories") List<Step> history,
                                                     @ForAll boolean theirs) {
        Replica[] r = bases();
        play(r, history);
        Map<UUID, RecordState> p = r[0].export();
        r[1].importFrom(p, m -> theirs ? Merge.Choice.THEIRS : Merge.Choice.MINE);
        var before = r[1].snapshot();
        var knownBefore = Map.copyOf(r[1].known);
        List<Merge.Result> again = r[1].importFrom(p, m -> Merge.Choice.THEIRS);
        assertThat(again).allMatch(m -> m.outcome() == Merge.Outcome.UNCHANGED);
        assertThat(r[1].snapshot()).isEqualTo(before);
        assertThat(r[1].known).isEqualTo(knownBefore);
    }

    @Property(tries = 1000)
    void aRoundTripLeavesBothBasesWithTheSameRecords(@ForAll("histories") List<Step> history,
                                                     @ForAll boolean theirs) {
        Replica[] r = bases();
        play(r, history);
        r[1].importFrom(r[0].export(), m -> theirs ? Merge.Choice.THEIRS : Merge.Choice.MINE);
        List<Merge.Result> back = r[0].importFrom(r[1].export(), m -> Merge.Choice.MINE);
        assertThat(back).noneMatch(Merge.Result::isConflict);
        List<Merge.Result> again = r[1].importFrom(r[0].export(), m -> Merge.Choice.MINE);
        assertThat(again).noneMatch(Merge.Result::isConflict);
        assertThat(r[0].snapshot()).isEqualTo(r[1].snapshot());
    }

    @Property(tries = 1000)
    void packagesThatDoNotConflictGiveTheSameBaseInAnyOrder(@ForAll("histories") List<Step> history) {
        Replica[] r = bases();
        play(r, history);
        Map<UUID, RecordState> fromA = r[0].export();
        Map<UUID, RecordState> fromB = r[1].export();
        Replica[] one = copies(r[2]);
        List<Merge.Result> first = new ArrayList<>(one[0].importFrom(fromA, m -> Merge.Choice.MINE));
        first.addAll(one[0].importFrom(fromB, m -> Merge.Choice.MINE));
        List<Merge.Result> second = new ArrayList<>(one[1].importFrom(fromB, m -> Merge.Choice.MINE));
        second.addAll(one[1].importFrom(fromA, m -> Merge.Choice.MINE));
        if (first.stream().noneMatch(Merge.Result::isConflict) && second.stream().noneMatch(Merge.Result::isConflict)) {
            assertThat(one[0].snapshot()).isEqualTo(one[1].snapshot());
            assertThat(converging(one[0].known)).isEqualTo(converging(one[1].known));
        }
    }

    @Property(tries = 1000)
    void everyChangeSentIsSeenWhereverItArrives(@ForAll("histories") List<Step> history) {
        Replica[] r = bases();
        List<Map<UUID, RecordState>> sent = play(r, history);
        // everyone sends to everyone, twice: every base has then seen every package
        for (int round = 0; round < 2; round++) {
            for (int from = 0; from < 3; from++) {
                for (int to = 0; to < 3; to++) {
                    if (from != to) {
                        Map<UUID, RecordState> p = r[from].export();
                        sent.add(p);
                        r[to].importFrom(p, m -> Merge.Choice.MINE);
                    }
                }
            }
        }
        for (Map<UUID, RecordState> p : sent) {
            for (RecordState s : p.values()) {
                for (Replica base : r) {
                    RecordState now = base.known.get(s.id());
                    assertThat(now).isNotNull();
                    assertThat(s.recordClock().seenBy(now.recordClock())).isTrue();
                    s.fields().forEach((name, f) -> {
                        if (!now.isDeleted() && now.field(name).clock().equals(f.clock())) {
                            assertThat(now.field(name).value()).isEqualTo(f.value());
                        }
                    });
                }
            }
        }
        assertThat(r[0].snapshot()).isEqualTo(r[1].snapshot()).isEqualTo(r[2].snapshot());
    }

    /**
     * Found by the properties above: A and B both change a; B takes A's value, then A takes B's
     * (through C). A choice for the package's value was not a change of the base that made it, so
     * both ended with the same clock and different values, each thinking the other agreed.
     */
    @net.jqwik.api.Example
    void twoBasesThatEachTookTheOthersValueDoNotLookAgreed() {
        aRoundTripLeavesBothBasesWithTheSameRecords(List.of(
                new Step(0, 0, 0, 0, "a", "2", true), new Step(0, 0, 0, 1, "a", "1", true),
                new Step(0, 1, 0, 0, "a", "1", true), new Step(2, 1, 2, 0, "a", "1", true),
                new Step(2, 0, 1, 0, "a", "1", true), new Step(2, 2, 0, 0, "a", "1", true)), true);
    }

    /**
     * Found by the properties above: B deletes a record C still has with a = 1; A receives the
     * deletion then makes the record again with only b. Made again after the deletion, it has seen
     * a emptied: C must not keep its a = 1 when A's package comes before B's.
     */
    @net.jqwik.api.Example
    void aRecordMadeAgainAfterADeletionDoesNotTakeBackTheDeletedFields() {
        packagesThatDoNotConflictGiveTheSameBaseInAnyOrder(List.of(
                new Step(0, 1, 0, 0, "a", "1", true), new Step(2, 1, 2, 0, "a", "1", true),
                new Step(1, 1, 0, 0, "a", "1", true), new Step(2, 1, 0, 0, "a", "1", true),
                new Step(0, 0, 0, 0, "b", "1", true)));
    }

    /** Found by the properties above: the tombstone a base keeps (its clock, the fields it names) does not depend on the order packages came in. */
    @net.jqwik.api.Example
    void aDeletionReceivedInAnyOrderLeavesTheSameTombstone() {
        packagesThatDoNotConflictGiveTheSameBaseInAnyOrder(List.of(
                new Step(0, 0, 0, 0, "a", "1", true), new Step(2, 0, 1, 0, "a", "1", true),
                new Step(0, 0, 0, 0, "a", "2", true), new Step(1, 1, 0, 0, "a", "1", true),
                new Step(2, 0, 1, 0, "a", "1", false)));
    }

    /**
     * Found by the properties above: a record kept over another base's deletion has seen it, so a
     * field only the deleted record had is empty in it, not filled later by an older package.
     */
    @net.jqwik.api.Example
    void aRecordKeptOverADeletionHasSeenItsFieldsEmptied() {
        packagesThatDoNotConflictGiveTheSameBaseInAnyOrder(List.of(
                new Step(0, 0, 0, 2, "b", "1", true), new Step(0, 1, 0, 2, "a", "1", true),
                new Step(2, 0, 2, 0, "a", "1", true), new Step(1, 2, 0, 2, "a", "1", true),
                new Step(2, 2, 1, 0, "a", "1", false)));
    }

    /**
     * What must be the same in two bases that received the same packages: every live record's
     * fields and clocks; of a tombstone, its clock and the names of its fields (the last values it
     * shows, for the user to see what was deleted, may come from either side in concurrent histories).
     */
    private static Map<UUID, Object> converging(Map<UUID, RecordState> known) {
        Map<UUID, Object> m = new java.util.TreeMap<>();
        known.forEach((id, st) -> m.put(id, st.isDeleted()
                ? List.of("deleted", st.deleted(), new java.util.TreeSet<>(st.fields().keySet())) : st));
        return m;
    }

    /** Found by the properties above: a deletion and two concurrent equal values, received in either order. */
    @net.jqwik.api.Example
    void aDeletionAfterTwoEqualChangesConvergesInAnyOrder() {
        packagesThatDoNotConflictGiveTheSameBaseInAnyOrder(List.of(
                new Step(0, 0, 0, 0, "a", "1", true), new Step(0, 2, 0, 0, "a", "1", true),
                new Step(2, 0, 1, 0, "a", "1", true), new Step(1, 1, 0, 0, "a", "1", true),
                new Step(2, 2, 0, 0, "a", "1", true), new Step(2, 1, 0, 0, "a", "1", true),
                new Step(2, 2, 1, 0, "a", "1", true)));
    }

    private static Replica[] copies(Replica original) {
        Replica[] c = {new Replica(original.id), new Replica(original.id)};
        for (Replica copy : c) {
            copy.counter = original.counter;
            original.db.forEach((k, v) -> copy.db.put(k, new java.util.TreeMap<>(v)));
            copy.known.putAll(original.known);
        }
        return c;
    }

    @Property(tries = 50)
    void theClockOrderIsConsistent(@ForAll @Size(max = 3) List<@net.jqwik.api.constraints.LongRange(min = 0, max = 3) Long> a,
                                   @ForAll @Size(max = 3) List<@net.jqwik.api.constraints.LongRange(min = 0, max = 3) Long> b) {
        Clock x = clock(a);
        Clock y = clock(b);
        Clock m = x.merge(y);
        assertThat(x.seenBy(m)).isTrue();
        assertThat(y.seenBy(m)).isTrue();
        assertThat(m).isEqualTo(y.merge(x));
        Clock.Order o = x.compare(y);
        Clock.Order back = y.compare(x);
        assertThat(back).isEqualTo(switch (o) {
            case EQUAL -> Clock.Order.EQUAL;
            case BEFORE -> Clock.Order.AFTER;
            case AFTER -> Clock.Order.BEFORE;
            case CONCURRENT -> Clock.Order.CONCURRENT;
        });
    }

    private static Clock clock(List<Long> counters) {
        Map<UUID, Long> m = new java.util.HashMap<>();
        for (int i = 0; i < counters.size(); i++) {
            m.put(new UUID(0, i + 1), counters.get(i));
        }
        return Clock.of(m);
    }
}
