package fr.ancrage.ui.engagements;

import fr.ancrage.domain.IndicatorUnit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class TargetTextTest {

    @Test
    void readsWhatAFrenchUserTypes() {
        assertThat(TargetText.parse("1 234,50 €")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1234.50"));
        assertThat(TargetText.parse("12\u202f500,5")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("12500.5"));
        assertThat(TargetText.parse("7.25")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("7.25"));
        assertThat(TargetText.parse("-3")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("-3"));
        assertThat(TargetText.parse("douze")).isEmpty();
        assertThat(TargetText.parse("1,2,3")).isEmpty();
        // an English thousand is refused, never read as 1.234
        assertThat(TargetText.parse("1,234")).isEmpty();
        assertThat(TargetText.parse("1.234")).isEmpty();
        assertThat(TargetText.parse("1,234.50 €")).isEmpty();
        assertThat(TargetText.parse("-")).isEmpty();
        assertThat(TargetText.parse("")).isEmpty();
    }

    @Test
    void writesEurosWithCentsAndCountsWithoutDecimals() {
        assertThat(TargetText.format(new BigDecimal("1234.5"), IndicatorUnit.EUROS)).isEqualTo("1\u202f234,50 €");
        assertThat(TargetText.format(new BigDecimal("12500"), IndicatorUnit.COUNT)).isEqualTo("12\u202f500");
        assertThat(TargetText.format(new BigDecimal("120.00"), IndicatorUnit.HOURS)).isEqualTo("120");
    }
}
