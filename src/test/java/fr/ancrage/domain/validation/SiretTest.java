package fr.ancrage.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every "valid" vector below was checked with an independent Luhn script before being written. */
class SiretTest {

    private static List<String> keys(List<Issue> issues) {
        return issues.stream().map(Issue::messageKey).toList();
    }

    @Nested
    class Normalize {

        @Test
        void removesSpacesNoBreakSpacesDotsAndHyphens() {
            assertThat(Siret.normalize(" 356 000\u00A0000\u202F000.48-")).isEqualTo("35600000000048");
            assertThat(Siret.normalize("732-829-320\t00074\n")).isEqualTo("73282932000074");
        }

        @Test
        void nullGivesEmpty() {
            assertThat(Siret.normalize(null)).isEmpty();
        }

        @Test
        void keepsLetters() {
            assertThat(Siret.normalize("12a 45")).isEqualTo("12a45");
        }
    }

    @Nested
    class CheckSiren {

        @ParameterizedTest
        @ValueSource(strings = {"732829320", "552100554", "443061841", "542107651", "356000000",
            "784671695", "404833048", "552081317", "380129866"})
        void acceptsLuhnValidSirens(String siren) {
            assertThat(Siret.checkSiren(siren)).isEmpty();
            assertThat(Siret.isValidSiren(siren)).isTrue();
        }

        @Test
        void acceptsSeparators() {
            assertThat(Siret.checkSiren("732 829 320")).isEmpty();
            assertThat(Siret.checkSiren("732.829.320")).isEmpty();
            assertThat(Siret.checkSiren("732\u202F829\u202F320")).isEmpty();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", " \u00A0 "})
        void emptyIsFineButNotValid(String input) {
            assertThat(Siret.checkSiren(input)).isEmpty();
            assertThat(Siret.isValidSiren(input)).isFalse();
        }

        @Test
        void wrongLengthGivesTheActualLength() {
            assertThat(Siret.checkSiren("73282932"))
                    .containsExactly(Issue.error("validation.siren.length", 8));
            assertThat(Siret.checkSiren("7328293200"))
                    .containsExactly(Issue.error("validation.siren.length", 10));
        }

        @Test
        void lettersAreRejected() {
            assertThat(Siret.checkSiren("73282932O")).containsExactly(Issue.error("validation.siren.digits"));
            assertThat(keys(Siret.checkSiren("ABC")))
                    .containsExactly("validation.siren.length", "validation.siren.digits");
        }

        @ParameterizedTest
        @ValueSource(strings = {"732829321", "552100545", "123456789", "111111111", "356000001"})
        void wrongKeyIsAnError(String siren) {
            assertThat(Siret.checkSiren(siren)).containsExactly(Issue.error("validation.siren.key"));
            assertThat(Siret.isValidSiren(siren)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"000000000", "901234567", "765432109"})
        void luhnValidPlaceholdersOnlyWarn(String siren) {
            assertThat(Siret.checkSiren(siren)).containsExactly(Issue.warning("validation.siren.suspicious"));
            assertThat(Siret.isValidSiren(siren)).isTrue();
        }
    }

    @Nested
    class CheckSiret {

        @ParameterizedTest
        @ValueSource(strings = {"73282932000074", "55210055400013", "44306184100047", "54210765113030",
            "38012986646850", "78467169500087", "40483304800022", "55208131766522"})
        void acceptsLuhnValidSirets(String siret) {
            assertThat(Siret.checkSiret(siret)).isEmpty();
            assertThat(Siret.isValidSiret(siret)).isTrue();
        }

        @Test
        void acceptsDisplayFormat() {
            assertThat(Siret.checkSiret("732 829 320 00074")).isEmpty();
            assertThat(Siret.checkSiret("\u00A0732\u202F829\u202F320\u202F00074 ")).isEmpty();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void emptyIsFineButNotValid(String input) {
            assertThat(Siret.checkSiret(input)).isEmpty();
            assertThat(Siret.isValidSiret(input)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"73282932000075", "73282932000047", "55210055400031", "12345678901234"})
        void wrongKeyIsAnError(String siret) {
            assertThat(Siret.checkSiret(siret)).containsExactly(Issue.error("validation.siret.key"));
            assertThat(Siret.isValidSiret(siret)).isFalse();
        }

        @Test
        void luhnValidSiretOnAWrongSirenIsAnError() {
            // 12345678900007 passes Luhn on 14 digits, but its SIREN 123456789 does not.
            assertThat(Siret.luhn("12345678900007")).isTrue();
            assertThat(Siret.checkSiret("12345678900007")).containsExactly(Issue.error("validation.siret.key"));
        }

        @Test
        void wrongLengthGivesTheActualLength() {
            assertThat(Siret.checkSiret("732829320")).containsExactly(Issue.error("validation.siret.length", 9));
            assertThat(Siret.checkSiret("732829320000740"))
                    .containsExactly(Issue.error("validation.siret.length", 15));
        }

        @Test
        void lettersAreRejected() {
            assertThat(Siret.checkSiret("7328293200007A")).containsExactly(Issue.error("validation.siret.digits"));
            assertThat(keys(Siret.checkSiret("SIRET")))
                    .containsExactly("validation.siret.length", "validation.siret.digits");
        }

        @Test
        void arabicIndicDigitsAreNotDigits() {
            assertThat(Siret.checkSiret("٧٣٢٨٢٩٣٢٠٠٠٠٧٤")).containsExactly(Issue.error("validation.siret.digits"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"00000000000000", "00000000000018", "00000000000026", "90123456700013",
            "76543210900013"})
        void luhnValidPlaceholdersOnlyWarn(String siret) {
            assertThat(Siret.checkSiret(siret)).containsExactly(Issue.warning("validation.siret.suspicious"));
            assertThat(Siret.isValidSiret(siret)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"11111111111111", "99999999999999"})
        void repeatedDigitsFailingLuhnAreErrors(String siret) {
            assertThat(Siret.checkSiret(siret)).containsExactly(Issue.error("validation.siret.key"));
        }
    }

    @Nested
    class LaPoste {

        @Test
        void headOfficeIsLuhnValid() {
            assertThat(Siret.luhn("35600000000048")).isTrue();
            assertThat(Siret.checkSiret("35600000000048")).isEmpty();
        }

        @ParameterizedTest
        // Digit sums 45, 25, 15 and 15; none of them passes Luhn.
        @ValueSource(strings = {"35600000049837", "35600000000047", "35600000000010", "35600000000100"})
        void postOfficesAreValidWhenTheirDigitSumIsAMultipleOfFive(String siret) {
            assertThat(Siret.luhn(siret)).isFalse();
            assertThat(Siret.checkSiret(siret)).isEmpty();
            assertThat(Siret.isValidSiret(siret)).isTrue();
        }

        @ParameterizedTest
        // Digit sums 27, 18 and 29; none of them passes Luhn.
        @ValueSource(strings = {"35600000000049", "35600000000013", "35600000012345"})
        void postOfficesFailingBothRulesAreErrors(String siret) {
            assertThat(Siret.checkSiret(siret)).containsExactly(Issue.error("validation.siret.key"));
        }

        @ParameterizedTest
        // Luhn-valid, digit sums 19, 18, 17 and 19: the digit sum alone decides for a post office.
        @ValueSource(strings = {"35600000000014", "35600000000022", "35600000000030", "35600000000113"})
        void postOfficesPassingLuhnButNotTheSumRuleAreErrors(String siret) {
            assertThat(Siret.luhn(siret)).isTrue();
            assertThat(Siret.checkSiret(siret)).containsExactly(Issue.error("validation.siret.key"));
            assertThat(Siret.isValidSiret(siret)).isFalse();
        }

        @ParameterizedTest
        // Digit sums 20 and 30, Luhn-valid as well.
        @ValueSource(strings = {"35600000000006", "35600000000097"})
        void postOfficesPassingBothRulesAreValid(String siret) {
            assertThat(Siret.checkSiret(siret)).isEmpty();
        }

        @Test
        void onlyTheHeadOfficeIsCheckedByLuhn() {
            // 26: the head office would fail the post offices' rule
            assertThat("35600000000048".chars().map(c -> c - '0').sum() % 5).isNotZero();
            assertThat(Siret.checkSiret(Siret.LA_POSTE_HEAD_OFFICE)).isEmpty();
            assertThat(Siret.checkSiret("356 000 000 00048")).isEmpty();
        }

        @Test
        void theExceptionIsLimitedToLaPoste() {
            // Sum of digits 20 (a multiple of 5) but another SIREN, and Luhn fails.
            assertThat(Siret.checkSiret("35600000100005")).containsExactly(Issue.error("validation.siret.key"));
        }

        @Test
        void laPosteSirenFollowsLuhn() {
            assertThat(Siret.checkSiren(Siret.LA_POSTE_SIREN)).isEmpty();
        }
    }

    @Nested
    class Helpers {

        @Test
        void sirenOfTakesTheFirstNineDigits() {
            assertThat(Siret.sirenOf("356 000 000 00048")).isEqualTo("356000000");
            assertThat(Siret.sirenOf("7328")).isEqualTo("7328");
            assertThat(Siret.sirenOf(null)).isEmpty();
        }

        @Test
        void formatGroupsSirenByThreeThenNic() {
            assertThat(Siret.format("35600000000048")).isEqualTo("356 000 000 00048");
            assertThat(Siret.format("356.000.000-00048")).isEqualTo("356 000 000 00048");
            assertThat(Siret.format("356000000")).isEqualTo("356 000 000");
        }

        @Test
        void formatLeavesMalformedInputAsTyped() {
            assertThat(Siret.format(" 12 34 ")).isEqualTo("12 34");
            assertThat(Siret.format("3560000000004X")).isEqualTo("3560000000004X");
            assertThat(Siret.format(null)).isEmpty();
        }
    }
}
