package fr.ancrage.ui.engagements;

import fr.ancrage.domain.IndicatorUnit;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Target values as the French user types and reads them: {@code 1 234}, {@code 1 234,50 €}.
 * Spaces (also the non-breaking ones), the euro sign and a comma or point as decimal separator are
 * accepted when reading.
 */
final class TargetText {

    private TargetText() {
    }

    /** The number typed, or empty when the text is not one ({@code null} text: blank). */
    static Optional<BigDecimal> parse(String text) {
        String t = text == null ? "" : text.replaceAll("[\\s\\u00A0\\u202F€]", "").replace(',', '.');
        if (t.isEmpty() || !t.matches("-?\\d*(\\.\\d*)?") || t.equals("-") || t.equals(".")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t));
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** {@code 12}, {@code 1 234}, {@code 12 500,00 €}; yes/no as 1 or 0 is not shown as text. */
    static String format(BigDecimal value, IndicatorUnit unit) {
        return fr.ancrage.ui.common.Formats.amount(value, unit);
    }
}
