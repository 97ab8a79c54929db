package fr.ancrage.ui.engagements;

import fr.ancrage.domain.EngagementRules;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.ui.common.Formats;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a field shows is read back as the same value, whatever the default locale of the JVM: the
 * formats have their own symbols (decision 0010).
 */
class TargetTextPropertiesTest {

    /** Values an indicator can hold: two decimals at most, up to EngagementRules.MAX_VALUE, either sign. */
    @Provide
    Arbitrary<BigDecimal> values() {
        Arbitrary<BigDecimal> cents = Arbitraries.bigDecimals()
                .between(EngagementRules.MAX_VALUE.negate(), EngagementRules.MAX_VALUE).ofScale(2);
        return Arbitraries.oneOf(cents, cents.map(BigDecimal::stripTrailingZeros),
                Arbitraries.longs().between(-100_000, 100_000).map(BigDecimal::valueOf),
                Arbitraries.of(new BigDecimal("1234"), new BigDecimal("1234.5"), new BigDecimal("1275.60"),
                        new BigDecimal("197250"), new BigDecimal("0.01"), BigDecimal.ZERO, EngagementRules.MAX_VALUE));
    }

    @Provide
    Arbitrary<Locale> locales() {
        return Arbitraries.of(Locale.FRANCE, Locale.US, Locale.UK, Locale.GERMANY, Locale.forLanguageTag("de-CH"),
                Locale.forLanguageTag("fr-CH"), Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("hi-IN-u-nu-deva"),
                Locale.forLanguageTag("ja-JP"), Locale.ROOT);
    }

    @Property(tries = 2000)
    void whatIsShownIsReadBackExactly(@ForAll("values") BigDecimal value, @ForAll IndicatorUnit unit,
                                      @ForAll("locales") Locale defaultLocale) {
        String shown = under(defaultLocale, () -> TargetText.format(value, unit));
        BigDecimal read = under(defaultLocale, () -> TargetText.parse(shown)).orElseThrow(
                () -> new AssertionError("« " + shown + " » not read back"));
        assertThat(read).as("« %s » under %s", shown, defaultLocale).isEqualByComparingTo(value);
    }

    @Property(tries = 1000)
    void frenchFiguresOnly(@ForAll("values") BigDecimal value, @ForAll IndicatorUnit unit,
                           @ForAll("locales") Locale defaultLocale) {
        String shown = under(defaultLocale, () -> TargetText.format(value, unit));
        // digits grouped by three with a narrow no-break space, a decimal comma, never a point
        assertThat(shown).matches("-?\\d{1,3}(\u202F\\d{3})*(,\\d{1,2})?( €)?");
        if (unit == IndicatorUnit.EUROS) {
            assertThat(shown).matches(".*,\\d{2} €");
        }
    }

    @Property(tries = 1000)
    void countsAreReadBack(@ForAll long count, @ForAll("locales") Locale defaultLocale) {
        String shown = under(defaultLocale, () -> Formats.integer(count));
        assertThat(Formats.parseAmount(shown)).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo(BigDecimal.valueOf(count)));
    }

    private static <T> T under(Locale locale, Supplier<T> action) {
        Locale before = Locale.getDefault();
        Locale beforeFormat = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(locale);
        try {
            return action.get();
        } finally {
            Locale.setDefault(before);
            Locale.setDefault(Locale.Category.FORMAT, beforeFormat);
        }
    }
}
