package fr.ancrage.service.documents;

import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.i18n.I18n;
import fr.ancrage.i18n.Numerals;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The documents' numbers: explicit French and English symbols, whatever the default locale. */
class DocFormatsTest {

    private static final String NNBSP = "\u202F";

    @Test
    void frenchDocuments() {
        DocFormats f = new DocFormats(I18n.forLanguage("fr"));
        assertThat(f.value(new BigDecimal("1275.60"), IndicatorUnit.EUROS)).isEqualTo("1" + NNBSP + "275,60\u00A0€");
        assertThat(f.sum(new BigDecimal("197250"), IndicatorUnit.EUROS)).isEqualTo("197" + NNBSP + "250\u00A0€");
        assertThat(f.value(new BigDecimal("4387"), IndicatorUnit.COUNT)).isEqualTo("4" + NNBSP + "387");
        assertThat(f.count(4387)).isEqualTo("4" + NNBSP + "387");
        assertThat(f.rate(new BigDecimal("200"), new BigDecimal("51"))).isEqualTo("26\u00A0%");
        assertThat(f.chartValue(32600.4)).isEqualTo("32" + NNBSP + "600");
        assertThat(f.date(LocalDate.of(2025, 3, 7))).isEqualTo("07/03/2025");
    }

    @Test
    void englishDocuments() {
        DocFormats f = new DocFormats(I18n.forLanguage("en"));
        assertThat(f.value(new BigDecimal("1275.6"), IndicatorUnit.EUROS)).isEqualTo("1,275.60\u00A0€");
        assertThat(f.count(4387)).isEqualTo("4,387");
        assertThat(f.rate(new BigDecimal("200"), new BigDecimal("51"))).isEqualTo("26%");
    }

    /**
     * One rounding rule for every format (issue 16): the rate is rounded once, half up, to the whole
     * percent the documents print, and that same value goes into the spreadsheet's cell, which shows
     * it as it is.
     */
    @Test
    void aRateIsRoundedOnceForTheTextAndTheCell() {
        DocFormats f = new DocFormats(I18n.forLanguage("fr"));
        Numerals numerals = Numerals.of(Locale.FRANCE);
        String[][] cases = {{"1000", "725", "73"}, {"10000", "7249", "72"}, {"1000", "715", "72"},
                {"200", "51", "26"}, {"8", "9", "113"}};
        for (String[] c : cases) {
            BigDecimal target = new BigDecimal(c[0]);
            BigDecimal realised = new BigDecimal(c[1]);
            BigDecimal cell = DocFormats.ratio(target, realised);
            assertThat(f.rate(target, realised)).as(c[1] + "/" + c[0]).isEqualTo(c[2] + "\u00A0%");
            assertThat(cell.movePointRight(2)).as("the cell holds what the text says").isEqualByComparingTo(c[2]);
            assertThat(numerals.percent(cell)).isEqualTo(f.rate(target, realised));
        }
        assertThat(f.rate(target(), null)).as("nothing reported").isEqualTo("—");
        assertThat(DocFormats.ratio(target(), null)).isNull();
    }

    private static BigDecimal target() {
        return BigDecimal.TEN;
    }

    @Provide
    Arbitrary<Locale> locales() {
        return Arbitraries.of(Locale.FRANCE, Locale.US, Locale.GERMANY, Locale.forLanguageTag("ar-EG"), Locale.ROOT);
    }

    @Property(tries = 500)
    void frenchFiguresAreReadBackAndNeverEnglish(@ForAll("values") BigDecimal value, @ForAll("locales") Locale defaultLocale) {
        Locale before = Locale.getDefault();
        Locale.setDefault(defaultLocale);
        try {
            DocFormats f = new DocFormats(I18n.forLanguage("fr"));
            for (String shown : new String[] {f.number(value), f.value(value, IndicatorUnit.EUROS)}) {
                assertThat(shown).matches("-?\\d{1,3}(\u202F\\d{3})*(,\\d{1,2})?(\u00A0€)?");
                assertThat(Numerals.parse(shown, 2)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(value));
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Provide
    Arbitrary<BigDecimal> values() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-9999999999999.99"), new BigDecimal("9999999999999.99"))
                .ofScale(2);
    }
}
