package fr.ancrage.ui.engagements;

import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.ui.common.Formats;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Target values as the French user types and reads them: {@code 1 234}, {@code 1 234,50 €}, with
 * the explicit symbols of {@link Formats}, so that what a field shows is read back as the same
 * value whatever the JVM's locale. Reading accepts spaces of any kind between thousands, the euro
 * sign, a comma or a point before at most two decimals; « 1,234 » or « 1.234 » (an English
 * thousand?) are refused, never read as 1.234.
 */
final class TargetText {

    private TargetText() {
    }

    /** The number typed, or empty when the text is not one ({@code null} text: blank). */
    static Optional<BigDecimal> parse(String text) {
        return Formats.parseAmount(text);
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** {@code 12}, {@code 1 234}, {@code 12 500,00 €}; yes/no as 1 or 0 is not shown as text. */
    static String format(BigDecimal value, IndicatorUnit unit) {
        return Formats.amount(value, unit);
    }
}
