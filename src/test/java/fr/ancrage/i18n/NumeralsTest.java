package fr.ancrage.i18n;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class NumeralsTest {

    private static final String NNBSP = "\u202F";

    @Test
    void frenchGroupsWithANarrowNoBreakSpaceAndWritesADecimalComma() {
        assertThat(Numerals.FRENCH.integer(4387)).isEqualTo("4" + NNBSP + "387");
        assertThat(Numerals.FRENCH.integer(-1_234_567)).isEqualTo("-1" + NNBSP + "234" + NNBSP + "567");
        assertThat(Numerals.FRENCH.decimal(new BigDecimal("197250"), 2, 2)).isEqualTo("197" + NNBSP + "250,00");
        assertThat(Numerals.FRENCH.decimal(new BigDecimal("1275.6"), 0, 2)).isEqualTo("1" + NNBSP + "275,6");
        assertThat(Numerals.FRENCH.percent(new BigDecimal("0.256"))).isEqualTo("26\u00A0%");
        assertThat(Numerals.FRENCH.integer(32600.4)).isEqualTo("32" + NNBSP + "600");
    }

    @Test
    void englishGroupsWithACommaAndWritesADecimalPoint() {
        assertThat(Numerals.ENGLISH.integer(4387)).isEqualTo("4,387");
        assertThat(Numerals.ENGLISH.decimal(new BigDecimal("1275.6"), 2, 2)).isEqualTo("1,275.60");
        assertThat(Numerals.ENGLISH.percent(new BigDecimal("0.256"))).isEqualTo("26%");
    }

    @Test
    void theLanguageOfTheLocaleChoosesTheNumerals() {
        assertThat(Numerals.of(Locale.UK)).isEqualTo(Numerals.ENGLISH);
        assertThat(Numerals.of(Locale.US)).isEqualTo(Numerals.ENGLISH);
        assertThat(Numerals.of(Locale.FRANCE)).isEqualTo(Numerals.FRENCH);
        assertThat(Numerals.of(Locale.GERMANY)).isEqualTo(Numerals.FRENCH);
        assertThat(Numerals.of(null)).isEqualTo(Numerals.FRENCH);
    }

    @Test
    void symbolsAreTheSameWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            for (Locale l : new Locale[] {Locale.US, Locale.GERMANY, Locale.forLanguageTag("de-CH"),
                    Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("hi-IN-u-nu-deva"), Locale.ROOT}) {
                Locale.setDefault(l);
                assertThat(Numerals.FRENCH.decimal(new BigDecimal("-1234567.5"), 2, 2))
                        .as("default locale %s", l).isEqualTo("-1" + NNBSP + "234" + NNBSP + "567,50");
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void readsSpacesOfEveryKindAsGroupingAndACommaOrAShortPointAsDecimals() {
        assertThat(Numerals.parse("1" + NNBSP + "234,50 €", 2)).hasValue(new BigDecimal("1234.50"));
        assertThat(Numerals.parse("1\u00A0234,5", 2)).hasValue(new BigDecimal("1234.5"));
        assertThat(Numerals.parse(" 12 500 ", 2)).hasValue(new BigDecimal("12500"));
        assertThat(Numerals.parse("7.25", 2)).hasValue(new BigDecimal("7.25"));
        assertThat(Numerals.parse("7.5", 2)).hasValue(new BigDecimal("7.5"));
        assertThat(Numerals.parse(",5", 2)).hasValue(new BigDecimal("0.5"));
        assertThat(Numerals.parse("12,", 2)).hasValue(new BigDecimal("12"));
        assertThat(Numerals.parse("-3", 2)).hasValue(new BigDecimal("-3"));
        assertThat(Numerals.parse("\u22123", 2)).hasValue(new BigDecimal("-3"));
    }

    @ParameterizedTest
    // an English thousand or a thousandth? refused rather than read as 1.234 (a number divided by 1,000)
    @ValueSource(strings = {"1,234", "1.234", "1,234.50", "1.234,50", "4,387", "1,200", "12,345,678", "1.2.3",
            "1,2,3", "douze", "-", ",", ".", "", "   ", "€", "1 234 €€", "--3", "3-"})
    void refusesWhatIsNotAnUnambiguousNumber(String text) {
        assertThat(Numerals.parse(text, 2)).isEmpty();
    }

    @Test
    void nullIsNoNumber() {
        assertThat(Numerals.parse(null, 2)).isEmpty();
    }
}
