package fr.ancrage.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static fr.ancrage.domain.ConventionStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class ConventionStatusTest {

    @ParameterizedTest
    @CsvSource({"DRAFT,NEGOTIATION", "NEGOTIATION,READY_TO_SIGN", "NEGOTIATION,DRAFT", "READY_TO_SIGN,SIGNED",
            "READY_TO_SIGN,NEGOTIATION", "SIGNED,ACTIVE", "SIGNED,TERMINATED", "ACTIVE,EXPIRED", "ACTIVE,TERMINATED",
            "ACTIVE,RENEWED"})
    void allowedTransitions(ConventionStatus from, ConventionStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
        assertThat(ConventionRules.checkTransition(from, to)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"DRAFT,SIGNED", "DRAFT,ACTIVE", "NEGOTIATION,SIGNED", "SIGNED,DRAFT", "ACTIVE,SIGNED",
            "EXPIRED,ACTIVE", "TERMINATED,ACTIVE", "RENEWED,ACTIVE", "SIGNED,RENEWED"})
    void refusedTransitions(ConventionStatus from, ConventionStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
        assertThat(ConventionRules.checkTransition(from, to)).singleElement()
                .satisfies(i -> assertThat(i.messageKey()).isEqualTo("validation.convention.status.transition"));
    }

    @Test
    void terminalStatesHaveNoWayOut() {
        assertThat(List.of(EXPIRED, TERMINATED, RENEWED)).allMatch(ConventionStatus::isTerminal);
        assertThat(List.of(DRAFT, NEGOTIATION, READY_TO_SIGN, SIGNED, ACTIVE)).noneMatch(ConventionStatus::isTerminal);
    }

    @Test
    void signedNeedsASignatureDateAndActiveNeedsDates() {
        Convention signedWithoutDate = convention(SIGNED, null, null, null);
        assertThat(ConventionRules.check(signedWithoutDate)).containsKey(ConventionRules.SIGNATURE_DATE);
        Convention activeWithoutEnd = convention(ACTIVE, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), null);
        assertThat(ConventionRules.check(activeWithoutEnd)).containsKey(ConventionRules.END_DATE);
        Convention endBeforeStart = convention(DRAFT, null, LocalDate.of(2025, 1, 1), LocalDate.of(2024, 1, 1));
        assertThat(ConventionRules.check(endBeforeStart)).containsKey(ConventionRules.END_DATE);
        Convention fine = convention(ACTIVE, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));
        assertThat(ConventionRules.check(fine)).isEmpty();
    }

    private static Convention convention(ConventionStatus status, LocalDate signed, LocalDate start, LocalDate end) {
        return new Convention(RecordMeta.fresh(), "", "", UUID.randomUUID(), Framework.PAQTE, "25", "", "", status,
                signed, start, end, Set.of(), List.of(), "");
    }

    private static Convention dated(ConventionStatus status, String signed, String start, String end) {
        return new Convention(RecordMeta.fresh(), "25-2023-001", "", UUID.randomUUID(), Framework.PAQTE, "25", "",
                "", status, signed == null ? null : LocalDate.parse(signed), LocalDate.parse(start),
                LocalDate.parse(end), Set.of(), List.of(), "");
    }

    /** Issue 16: a past year's bilan shows the status each convention had at the end of that year. */
    @ParameterizedTest
    @CsvSource({
            // status today, signed, start, end, day → status that day, as of today only
            "EXPIRED,    2023-03-01, 2023-04-01, 2025-03-31, 2024-12-31, ACTIVE,        false",
            "EXPIRED,    2023-03-01, 2023-04-01, 2024-03-31, 2024-12-31, EXPIRED,       false",
            "RENEWED,    2021-03-01, 2021-04-01, 2024-03-31, 2024-12-31, RENEWED,       false",
            "RENEWED,    2021-03-01, 2021-04-01, 2025-03-31, 2024-12-31, ACTIVE,        false",
            "ACTIVE,     2024-11-15, 2025-01-01, 2027-12-31, 2024-12-31, SIGNED,        false",
            "ACTIVE,     2025-02-15, 2024-06-01, 2027-12-31, 2024-12-31, READY_TO_SIGN, false",
            "ACTIVE,     2023-03-01, 2023-04-01, 2024-06-30, 2024-12-31, EXPIRED,       false",
            "ACTIVE,     2023-03-01, 2023-04-01, 2027-06-30, 2026-11-22, ACTIVE,        false",
            // no termination date is recorded: a terminated convention is said so, as of today
            "TERMINATED, 2023-03-01, 2023-04-01, 2026-03-31, 2024-12-31, TERMINATED,    true",
            "TERMINATED, 2023-03-01, 2023-04-01, 2026-03-31, 2026-11-22, TERMINATED,    false"})
    void statusAtADay(ConventionStatus now, String signed, String start, String end, String day,
                      ConventionStatus expected, boolean asOfToday) {
        Convention c = dated(now, signed, start, end);
        Convention.StatusOn on = c.statusOn(LocalDate.parse(day), LocalDate.of(2026, 11, 22));
        assertThat(on.status()).isEqualTo(expected);
        assertThat(on.asOfToday()).isEqualTo(asOfToday);
    }
}
