package fr.ancrage.ui.common;

import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.i18n.Numerals;
import javafx.util.StringConverter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Dates as dd/MM/yyyy and numbers in French format, everywhere in the interface, with the symbols
 * of {@link Numerals} (never the JDK's locale data): {@code 4 387}, {@code 197 250,00 €}.
 */
public final class Formats {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    /** Decimals a value of an indicator may have (the store keeps cents). */
    public static final int VALUE_DECIMALS = 2;

    private static final Numerals NUMERALS = Numerals.FRENCH;

    private Formats() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String integer(long value) {
        return NUMERALS.integer(value);
    }

    /**
     * A value in its unit: {@code 12}, {@code 1 234}, {@code 12 500,00 €} (yes/no as a count);
     * two decimals at most, rounded half-up. {@link #parseAmount} reads it back.
     */
    public static String amount(BigDecimal value, IndicatorUnit unit) {
        BigDecimal rounded = value.setScale(VALUE_DECIMALS, RoundingMode.HALF_UP);
        if (unit == IndicatorUnit.EUROS) {
            return NUMERALS.decimal(rounded, VALUE_DECIMALS, VALUE_DECIMALS) + " €";
        }
        return NUMERALS.decimal(rounded, 0, VALUE_DECIMALS);
    }

    /**
     * The value typed in a field or shown by {@link #amount}, empty when the text is not one: see
     * {@link Numerals#parse} (spaces group, comma or point before at most two decimals).
     */
    public static Optional<BigDecimal> parseAmount(String text) {
        return Numerals.parse(text, VALUE_DECIMALS);
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
