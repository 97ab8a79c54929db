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
}
