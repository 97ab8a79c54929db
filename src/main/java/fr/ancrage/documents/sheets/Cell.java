package fr.ancrage.documents.sheets;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One cell as the file holds it. {@code text} is what a person reads in the cell (for a number or
 * a date read from XLSX or ODS, its value written plainly: {@code 12500.5}, {@code 2025-03-17});
 * {@code number} and {@code date} are set when the file typed the cell so. A CSV only holds text:
 * its cells are all {@link Kind#TEXT}, interpreted later ({@link CellValues}). A formula is read as
 * the value its program last computed, never evaluated.
 */
public record Cell(Kind kind, String text, BigDecimal number, LocalDateTime date) {

    /** What the file says the cell holds. */
    public enum Kind { EMPTY, TEXT, NUMBER, DATE, BOOLEAN }

    public static final Cell EMPTY = new Cell(Kind.EMPTY, "", null, null);

    public Cell {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public static Cell text(String text) {
        return text == null || text.isEmpty() ? EMPTY : new Cell(Kind.TEXT, text, null, null);
    }

    public static Cell number(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0);
        }
        return new Cell(Kind.NUMBER, plain.toPlainString(), plain, null);
    }

    public static Cell date(LocalDateTime value) {
        String text = value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? value.toLocalDate().toString()
                : value.toString();
        return new Cell(Kind.DATE, text, null, value);
    }

    public static Cell bool(boolean value) {
        return new Cell(Kind.BOOLEAN, value ? "VRAI" : "FAUX", null, null);
    }

    public boolean isEmpty() {
        return kind == Kind.EMPTY || text.isBlank();
    }
}
