package fr.ancrage.ui.engagements;

import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.i18n.I18n;
import fr.ancrage.ui.common.Formats;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Run by {@link FormatsWithoutLocaleDataTest} in a JVM without {@code jdk.localedata}: prints what
 * the JDK would write for France, then what Ancrage writes and reads back.
 */
public final class FormatsProbe {

    private FormatsProbe() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.FRANCE);
        System.out.println("jdk-decimal-separator=" + DecimalFormatSymbols.getInstance(Locale.FRANCE).getDecimalSeparator());
        String euros = TargetText.format(new BigDecimal("1275.6"), IndicatorUnit.EUROS);
        String count = TargetText.format(new BigDecimal("4387"), IndicatorUnit.COUNT);
        System.out.println("euros=" + euros);
        System.out.println("count=" + count);
        System.out.println("euros-read=" + TargetText.parse(euros).map(BigDecimal::toPlainString).orElse("none"));
        System.out.println("count-read=" + TargetText.parse(count).map(BigDecimal::toPlainString).orElse("none"));
        System.out.println("integer=" + Formats.integer(197250));
        System.out.println("message=" + I18n.forLanguage("fr").format("dashboard.list.count", 4387));
    }
}
