package fr.ancrage.service.documents;

import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.i18n.I18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Numbers, amounts, rates and dates as the documents print them, in the language of the texts. */
final class DocFormats {

    static final String NONE = "—";

    private final I18n i18n;
    private final DateTimeFormatter dates;

    DocFormats(I18n i18n) {
        this.i18n = i18n;
        this.dates = DateTimeFormatter.ofPattern("dd/MM/yyyy", i18n.locale());
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
        NumberFormat f = NumberFormat.getNumberInstance(i18n.locale());
        f.setMaximumFractionDigits(2);
        return f.format(value);
    }

    String count(long value) {
        return NumberFormat.getIntegerInstance(i18n.locale()).format(value);
    }

    private String money(BigDecimal value) {
        NumberFormat f = NumberFormat.getNumberInstance(i18n.locale());
        f.setMinimumFractionDigits(value.stripTrailingZeros().scale() > 0 ? 2 : 0);
        f.setMaximumFractionDigits(2);
        return f.format(value) + "\u00A0€";
    }

    /** Realised against target as a whole percentage; a dash without a positive target. */
    String rate(BigDecimal target, BigDecimal realised) {
        BigDecimal ratio = ratio(target, realised);
        return ratio == null ? NONE : NumberFormat.getPercentInstance(i18n.locale()).format(ratio);
    }

    static BigDecimal ratio(BigDecimal target, BigDecimal realised) {
        if (target == null || realised == null || target.signum() <= 0) {
            return null;
        }
        return realised.divide(target, 4, RoundingMode.HALF_UP);
    }

    String unit(IndicatorUnit unit) {
        return i18n.label(unit);
    }
}
