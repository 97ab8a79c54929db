package fr.ancrage.ui.common;

import javafx.util.StringConverter;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

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

    /** Converter for DatePicker: typed dates in dd/MM/yyyy; an unreadable text gives no date. */
    public static StringConverter<LocalDate> dateConverter() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date(date);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(text.strip(), DATE);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        };
    }
}
