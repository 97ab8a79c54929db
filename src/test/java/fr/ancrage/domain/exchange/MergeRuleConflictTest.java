package fr.ancrage.domain.exchange;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fields each base changed alone, merged without a question, become questions when together they
 * break a rule of the record ({@link Merge#asConflicts}): nothing is lost, this base's values are
 * kept until answered, and either answer gives a side's value with a clock that has seen both.
 */
class MergeRuleConflictTest {

    private static final UUID ID = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final UUID A = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000000");
    private static final UUID B = UUID.fromString("bbbbbbbb-0000-4000-8000-000000000000");
    private static final Clock BOTH = Clock.of(A, 1).merge(Clock.of(B, 1));

    private static RecordState state(String start, Clock startClock, String end, Clock endClock) {
        return new RecordState(ID, "convention", Map.of("startDate", new FieldValue(start, startClock),
                "endDate", new FieldValue(end, endClock), "title", new FieldValue("T", BOTH)), null);
    }

    @Test
    void fieldsEachSideChangedAloneAreAskedAndEitherAnswerKeepsASidesValue() {
        // A moved the start date, B the end date: merged without a question, they would cross
        RecordState mine = state("2027-06-01", BOTH.bump(A, 2), "2028-12-31", BOTH);
        RecordState theirs = state("2025-01-01", BOTH, "2026-01-01", BOTH.bump(B, 2));
        Merge.Result merged = Merge.merge(mine, theirs, Map.of());
        assertThat(merged.outcome()).isEqualTo(Merge.Outcome.UPDATED);
        assertThat(merged.merged().values()).containsEntry("startDate", "2027-06-01").containsEntry("endDate", "2026-01-01");

        Merge.Result asked = Merge.asConflicts(merged, Set.of("startDate", "endDate", "status"), "rule.key", Map.of());
        assertThat(asked.outcome()).isEqualTo(Merge.Outcome.CONFLICT);
        assertThat(asked.conflicts()).extracting(Merge.FieldConflict::field).containsExactly("endDate", "startDate");
        assertThat(asked.conflicts()).allSatisfy(c -> assertThat(c.rule()).isEqualTo("rule.key"));
        assertThat(asked.merged().values()).containsEntry("startDate", "2027-06-01").containsEntry("endDate", "2028-12-31");
        assertThat(asked.changedFields()).isEmpty();
        // each field changed on one side only: the other side's value is the one both had before
        assertThat(asked.conflicts()).allSatisfy(c -> assertThat(c.beforeKnown()).isTrue());
        assertThat(asked.conflicts()).extracting(Merge.FieldConflict::before).containsExactly("2028-12-31", "2025-01-01");

        RecordState kept = Merge.resolve(asked, Map.of(), null, A, 3);
        assertThat(kept.values()).isEqualTo(mine.values());
        RecordState taken = Merge.resolve(asked, Map.of("startDate", Merge.Resolution.THEIRS,
                "endDate", Merge.Resolution.THEIRS), null, A, 3);
        assertThat(taken.values()).isEqualTo(theirs.values());
        // the answer has seen both sides: at the next exchange it wins in B without a question
        assertThat(Merge.merge(theirs, taken, Map.of()).isConflict()).isFalse();
        Merge.Result inB = Merge.merge(theirs, kept, Map.of());
        assertThat(inB.outcome()).isEqualTo(Merge.Outcome.UPDATED);
        assertThat(inB.merged().values()).isEqualTo(mine.values());
        assertThat(taken.field("endDate").clock().compare(theirs.field("endDate").clock()))
                .isEqualTo(Clock.Order.AFTER);
    }

    @Test
    void nothingToAskWhenTheSidesAgreeOnTheRulesFieldsOrTheRecordIsNew() {
        RecordState mine = state("2025-01-01", BOTH, "2028-12-31", BOTH);
        RecordState theirs = new RecordState(ID, "convention", Map.of("startDate", new FieldValue("2025-01-01", BOTH),
                "endDate", new FieldValue("2028-12-31", BOTH), "title", new FieldValue("U", BOTH.bump(B, 2))), null);
        Merge.Result merged = Merge.merge(mine, theirs, Map.of());
        assertThat(Merge.asConflicts(merged, Set.of("startDate", "endDate"), "rule.key", Map.of())).isSameAs(merged);
        Merge.Result created = Merge.merge(null, theirs, Map.of());
        assertThat(Merge.asConflicts(created, Set.of("startDate", "endDate"), "rule.key", Map.of())).isSameAs(created);
    }
}
