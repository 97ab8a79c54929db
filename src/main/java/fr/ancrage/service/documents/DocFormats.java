package fr.ancrage.service.documents;

import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.i18n.I18n;
import fr.ancrage.i18n.Numerals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers, amounts, rates and dates as the documents print them, in the language of the texts,
 * with the explicit symbols of {@link Numerals} (never the JDK's locale data): {@code 1 275,60 €},
 * {@code 26 %} in French, {@code 1,275.60 €}, {@code 26%} in English.
 */
final class DocFormats {

    static final String NONE = "—";

    private final I18n i18n;
    private final Numerals numerals;
    private final DateTimeFormatter dates;

    DocFormats(I18n i18n) {
        this.i18n = i18n;
        this.numerals = Numerals.of(i18n.locale());
        this.dates = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    }

    String date(LocalDate date) {
        return date == null ? NONE : dates.format(date);
    }

    /** A value of an indicator: euros with cents and the € sign, yes/no in words, others whole. */
    String value(BigDecimal value, IndicatorUnit unit) {
        if (value == null) {
            return NONE;
        }
        return switch (unit) {
            case YES_NO -> i18n.get(value.signum() > 0 ? "doc.yes" : "doc.no");
            case EUROS -> money(value);
            default -> number(value);
        };
    }

    /** A sum of values of one unit (a yes/no sum counts the engagements that reached it). */
    String sum(BigDecimal value, IndicatorUnit unit) {
        if (value == null) {
            return NONE;
        }
        return unit == IndicatorUnit.EUROS ? money(value) : number(value);
    }

    String number(BigDecimal value) {
        return numerals.decimal(value, 0, 2);
    }

    String count(long value) {
        return numerals.integer(value);
    }

    /** A chart's figure: whole and grouped ({@code 32 600}). */
    String chartValue(double value) {
        return numerals.integer(value);
    }

    private String money(BigDecimal value) {
        return numerals.decimal(value, value.stripTrailingZeros().scale() > 0 ? 2 : 0, 2) + "\u00A0€";
    }

    /**
     * Realised against target as a whole percentage: {@link #ratio}, so that the text says what the
     * spreadsheet's cell holds; a dash without a positive target or without a realised value
     * reported (never 0 % for « nothing reported »).
     */
    String rate(BigDecimal target, BigDecimal realised) {
        BigDecimal ratio = ratio(target, realised);
        return ratio == null ? NONE : numerals.percent(ratio);
    }

    /** The precision of a rate: hundredths of one, the whole percent every document shows. */
    static final int RATE_SCALE = 2;

    /**
     * Realised against target, rounded once, half up, to the whole percent shown ({@code 0.725} gives
     * {@code 0.73}): the value of a spreadsheet's cell and of a document's text alike (issue 16).
     * Null without a positive target or without a realised value.
     */
    static BigDecimal ratio(BigDecimal target, BigDecimal realised) {
        if (target == null || realised == null || target.signum() <= 0) {
            return null;
        }
        return realised.divide(target, RATE_SCALE, RoundingMode.HALF_UP);
    }

    /** Indentation of a sub-indicator's line under its parent's. */
    static final String PART_INDENT = "\u00A0\u00A0\u00A0";

    /**
     * An indicator's name as a line of a table: a part ({@link fr.ancrage.domain.Indicator#part()})
     * indented and read « dont … » under its parent (« dont stages de 3e pourvus »).
     */
    String indicatorName(fr.ancrage.domain.Indicator indicator) {
        return indicatorName(indicator.name(), indicator.part());
    }

    String indicatorName(String name, boolean part) {
        return part ? PART_INDENT + partName(name) : name;
    }

    /** A part's name as read under its parent, without indentation: « dont emplois francs ». */
    String partName(String name) {
        String rest = withoutPartPrefix(name);
        return i18n.format("doc.part", rest.isEmpty() ? rest
                : rest.substring(0, 1).toLowerCase(i18n.locale()) + rest.substring(1));
    }

    /** A part's name without its « dont » (« emplois francs »), as it is when it has none. */
    static String withoutPartPrefix(String name) {
        String n = name.strip();
        return n.toLowerCase(Locale.ROOT).startsWith("dont ") ? n.substring(5).strip() : n;
    }

    String unit(IndicatorUnit unit) {
        return i18n.label(unit);
    }
}
