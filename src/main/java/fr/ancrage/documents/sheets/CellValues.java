package fr.ancrage.documents.sheets;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cell means, read the way French teams type it: dates as {@code 17/03/2025}, {@code 17/03/25},
 * {@code 2025-03-17} or a date cell (or its serial number); amounts as {@code 12 500,50},
 * {@code 12500.5} or {@code 12 500 €}; codes (SIRET, postcode, INSEE code) with their leading zeros,
 * whether the cell holds them as text or as a number that lost (up to two of) them. Empty when the cell does not
 * hold such a value: the caller says what and where.
 */
public final class CellValues {

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})");
    private static final Pattern YMD = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.\\d+)?");
    /** Spaces that group digits: ordinary, non-breaking (Excel, LibreOffice in French), narrow non-breaking. */
    private static final Pattern GROUPING = Pattern.compile("[ \\u00A0\\u202F\\u2009']");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    /**
     * At most two leading zeros lost: a code written as a number loses its zeros, but a code
     * shorter by more (« 123 » for a SIRET) was typed wrong, and is left for the caller to refuse.
     */
    private static final int MAX_LOST_ZEROS = 2;

    private CellValues() {
    }

    /** The date of a cell; a two-digit year is of this century unless that puts it more than 20 years ahead. */
    public static Optional<LocalDate> date(Cell cell) {
        return switch (cell.kind()) {
            case DATE -> Optional.of(cell.date().toLocalDate());
            case NUMBER -> serial(cell.number());
            case TEXT -> date(cell.text());
            default -> Optional.empty();
        };
    }

    static Optional<LocalDate> date(String text) {
        String t = text.strip();
        int space = t.indexOf(' ');
        if (space > 0 && t.substring(space + 1).matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
            t = t.substring(0, space); // « 17/03/2025 00:00:00 », as some programs export dates
        }
        try {
            Matcher m = DMY.matcher(t);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(3));
                if (m.group(3).length() == 2) {
                    int century = Year.now().getValue() / 100 * 100;
                    year += year + century > Year.now().getValue() + 20 ? century - 100 : century;
                }
                return Optional.of(LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
            m = YMD.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
        } catch (DateTimeException e) {
            return Optional.empty(); // 31/02/2025: not a date
        }
        if (SERIAL.matcher(t).matches()) {
            return serial(new BigDecimal(t));
        }
        return Optional.empty();
    }

    /** A serial number of the years a team's dates fall in (1950 to 2100), as a date. */
    private static Optional<LocalDate> serial(BigDecimal n) {
        if (n.compareTo(BigDecimal.valueOf(18_264)) < 0 || n.compareTo(BigDecimal.valueOf(73_051)) > 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(SerialDates.toDateTime(n, false)).map(java.time.LocalDateTime::toLocalDate);
    }

    /**
     * The number of a cell. Spaces and the euro sign are left out; a comma is the decimal mark
     * (French), and so is a point; with both, the last one is the decimal mark and the other groups
     * thousands ({@code 12.500,50}, {@code 12,500.50}).
     */
    public static Optional<BigDecimal> amount(Cell cell) {
        return switch (cell.kind()) {
            case NUMBER -> Optional.of(cell.number());
            case TEXT -> amount(cell.text());
            default -> Optional.empty();
        };
    }

    static Optional<BigDecimal> amount(String text) {
        String t = GROUPING.matcher(text.strip()).replaceAll("");
        if (t.endsWith("€")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.toUpperCase(java.util.Locale.ROOT).endsWith("EUR")) {
            t = t.substring(0, t.length() - 3);
        }
        int comma = t.lastIndexOf(',');
        int point = t.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            char grouping = comma > point ? '.' : ',';
            t = t.replace(String.valueOf(grouping), "");
        }
        t = t.replace(',', '.');
        if (!NUMBER.matcher(t).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t));
    }

    /**
     * A code of {@code digits} digits (SIRET 14, SIREN 9, postcode 5, INSEE code 5): the digits of
     * the cell, spaces left out, and the leading zeros a number lost put back ({@code 1053} → {@code
     * 01053}). Text that is not all digits (a Corsican INSEE code, 2A004) is returned as typed,
     * spaces left out; the caller checks it.
     */
    public static String code(Cell cell, int digits) {
        String t = switch (cell.kind()) {
            case NUMBER -> cell.number().scale() <= 0 ? cell.number().toBigInteger().toString() : cell.text();
            case EMPTY -> "";
            default -> GROUPING.matcher(cell.text().strip()).replaceAll("");
        };
        if (!t.isEmpty() && t.length() < digits && t.length() >= digits - MAX_LOST_ZEROS
                && t.chars().allMatch(Character::isDigit)) {
            return "0".repeat(digits - t.length()) + t;
        }
        return t;
    }
}
