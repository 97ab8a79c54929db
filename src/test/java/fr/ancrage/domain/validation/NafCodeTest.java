package fr.ancrage.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NafCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"62.01Z", "6201Z", "6201z", " 47.11F ", "01.11Z", "94.99Z", "84.11Z"})
    void acceptsNafCodes(String code) {
        assertThat(NafCode.check(code)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void emptyIsFine(String code) {
        assertThat(NafCode.check(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"6201Z, 62.01Z", "6201z, 62.01Z", "62.01z, 62.01Z", "' 62 01 Z ', 62.01Z",
        "'', ''", "62-01Z, 62-01Z"})
    void normalizesToTheDottedForm(String input, String expected) {
        assertThat(NafCode.normalize(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"62.01", "62.011", "6201", "620.1Z", "62.01ZZ", "62-01Z", "A2.01Z", "62,01Z",
        "62.01É"})
    void rejectsMalformedCodes(String code) {
        assertThat(NafCode.check(code)).containsExactly(Issue.error("validation.naf.format"));
    }
}
