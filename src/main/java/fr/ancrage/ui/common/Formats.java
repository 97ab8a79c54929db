package fr.ancrage.ui.common;

import fr.ancrage.domain.IndicatorUnit;
import javafx.util.StringConverter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Consumer;

/** Dates as dd/MM/yyyy and numbers in French format, everywhere in the interface. */
public final class Formats {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Formats() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String integer(long value) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(value);
    }

    /** A value in its unit: {@code 12}, {@code 1 234}, {@code 12 500,00 €} (yes/no as a count). */
    public static String amount(BigDecimal value, IndicatorUnit unit) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        if (unit == IndicatorUnit.EUROS) {
            DecimalFormat f = new DecimalFormat("#,##0.00", symbols);
            return f.format(value.setScale(2, RoundingMode.HALF_UP)) + " €";
        }
        DecimalFormat f = new DecimalFormat("#,##0.##", symbols);
        return f.format(value);
    }

    /**
     * Converter for DatePicker: typed dates in dd/MM/yyyy. An unreadable text is handed to
     * {@code unreadable} (the picker then keeps its previous date); a readable or empty one hands
     * {@code null}, so that the form can drop its message.
     */
    public static StringConverter<LocalDate> dateConverter(Consumer<String> unreadable) {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date(date);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    unreadable.accept(null);
                    return null;
                }
                try {
                    LocalDate date = LocalDate.parse(text.strip(), DATE);
                    unreadable.accept(null);
                    return date;
                } catch (DateTimeParseException e) {
                    unreadable.accept(text.strip());
                    throw e;
                }
            }
        };
    }
}
