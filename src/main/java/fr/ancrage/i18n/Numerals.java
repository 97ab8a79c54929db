package fr.ancrage.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How numbers are written, with symbols set by hand (decision 0010): French groups thousands with a
 * narrow no-break space (U+202F) and writes decimals after a comma, English uses a comma and a
 * point. Nothing here reads the JDK's locale data, so a runtime without {@code jdk.localedata}, or
 * a JDK whose CLDR version changes a symbol, writes the same text. Every number Ancrage shows or
 * prints goes through here (the interface's {@code Formats}, the documents' {@code DocFormats},
 * the messages of {@link I18n}).
 */
public enum Numerals {

    FRENCH('\u202F', ',', "\u00A0%"),
    ENGLISH(',', '.', "%");

    /** Narrow no-break space: the French thousands separator. */
    public static final char NARROW_NO_BREAK_SPACE = '\u202F';
    public static final char NO_BREAK_SPACE = '\u00A0';

    /** Grouping separators {@link #parse} accepts: spaces of every kind people type or paste. */
    private static final String SPACES = "[\\s\\u00A0\\u2007\\u202F]";
    private static final Pattern NUMBER = Pattern.compile("([-\\u2212]?)(\\d*)(?:([.,])(\\d*))?");

    private final char grouping;
    private final char decimal;
    private final String percentSuffix;

    Numerals(char grouping, char decimal, String percentSuffix) {
        this.grouping = grouping;
        this.decimal = decimal;
        this.percentSuffix = percentSuffix;
    }

    /** English for an English locale, French for any other (the product's language). */
    public static Numerals of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : FRENCH;
    }

    public char groupingSeparator() {
        return grouping;
    }

    public char decimalSeparator() {
        return decimal;
    }

    /** A fresh set of symbols (they are mutable), every one of them set here. */
    public DecimalFormatSymbols symbols() {
        DecimalFormatSymbols s = new DecimalFormatSymbols(Locale.ROOT);
        s.setZeroDigit('0');
        s.setDigit('#');
        s.setGroupingSeparator(grouping);
        s.setMonetaryGroupingSeparator(grouping);
        s.setDecimalSeparator(decimal);
        s.setMonetaryDecimalSeparator(decimal);
        s.setMinusSign('-');
        s.setPercent('%');
        s.setPerMill('\u2030');
        s.setPatternSeparator(';');
        s.setExponentSeparator("E");
        s.setInfinity("\u221E");
        s.setNaN("NaN");
        s.setCurrencySymbol("€");
        s.setInternationalCurrencySymbol("EUR");
        return s;
    }

    /** A {@link DecimalFormat} of this pattern with these symbols (a new one: they are not thread-safe). */
    public DecimalFormat format(String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, symbols());
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f;
    }

    /** A grouped whole number: {@code 4 387}, {@code 4,387}. */
    public String integer(long value) {
        return format("#,##0").format(value);
    }

    /** A grouped whole number from a double, rounded half-even: chart labels. */
    public String integer(double value) {
        return format("#,##0").format(value);
    }

    /**
     * A grouped decimal number with between {@code minFraction} and {@code maxFraction} decimals,
     * rounded half-even: {@code 1 275,6}, {@code 197 250,00}.
     */
    public String decimal(BigDecimal value, int minFraction, int maxFraction) {
        DecimalFormat f = format("#,##0");
        f.setMinimumFractionDigits(minFraction);
        f.setMaximumFractionDigits(maxFraction);
        return f.format(value);
    }

    /** A ratio as a whole percentage: 0.256 gives {@code 26 %} (no-break space) or {@code 26%}. */
    public String percent(BigDecimal ratio) {
        return format("#,##0").format(ratio.movePointRight(2)) + percentSuffix;
    }

    /**
     * Reads a number as a user types it or as Ancrage wrote it, whatever the language:
     * <ul>
     * <li>spaces of any kind (narrow no-break, no-break, figure, plain) are thousands separators
     * and are dropped; a trailing {@code €} is dropped;</li>
     * <li>a comma is the decimal separator; a point is read as one too (« 7.5 »): with at most
     * {@code maxFraction} decimals it cannot be a thousands separator, which always has three
     * digits after it;</li>
     * <li>more than {@code maxFraction} digits after the separator, a second separator, or anything
     * else give empty: « 1,234 », « 1.234 » or « 1,234.50 » may be an English thousand or a
     * thousandth and are refused rather than read wrongly (Ancrage's values have two decimals at
     * most, so {@code maxFraction} is 2 for them).</li>
     * </ul>
     * The value keeps the decimals typed ({@code 12,50} gives 12.50).
     */
    public static Optional<BigDecimal> parse(String text, int maxFraction) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.endsWith("€")) {
            t = t.substring(0, t.length() - 1);
        }
        t = t.replaceAll(SPACES, "");
        Matcher m = NUMBER.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        String whole = m.group(2);
        String fraction = m.group(4) == null ? "" : m.group(4);
        if ((whole.isEmpty() && fraction.isEmpty()) || fraction.length() > maxFraction) {
            return Optional.empty();
        }
        String plain = (m.group(1).isEmpty() ? "" : "-") + (whole.isEmpty() ? "0" : whole)
                + (fraction.isEmpty() ? "" : "." + fraction);
        return Optional.of(new BigDecimal(plain));
    }
}
