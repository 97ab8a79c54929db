package fr.ancrage.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Spreadsheet content before any format: named sheets of typed columns. The ODS, XLSX and CSV
 * writers keep the types: numbers stay numbers, dates stay dates, and codes (SIRET, INSEE, QPV)
 * stay text so their leading zeros survive.
 */
public record Workbook(String title, OffsetDateTime created, List<Sheet> sheets) {

    public Workbook {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(created, "created");
        sheets = List.copyOf(sheets);
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs a sheet");
        }
    }

    public enum Kind {
        /** free text */
        TEXT,
        /** an identifier written with digits, kept as text (leading zeros) */
        CODE,
        /** a whole number */
        INTEGER,
        /** a number with up to two decimals */
        DECIMAL,
        /** a date (day) */
        DATE,
        /** a ratio, 0.25 shown as 25 % */
        PERCENT
    }

    public record Column(String header, Kind kind, int width) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(kind, "kind");
        }

        public static Column of(String header, Kind kind) {
            return new Column(header, kind, switch (kind) {
                case TEXT -> 30;
                case CODE -> 16;
                case DATE -> 12;
                default -> 12;
            });
        }
    }

    /**
     * A sheet; each row has one cell per column: {@code String}, {@code Number}, {@code LocalDate}
     * or null (empty), matching the column's kind.
     */
    public record Sheet(String name, List<Column> columns, List<List<Object>> rows) {
        public Sheet {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            int width = columns.size();
            String sheet = name;
            rows = rows.stream().map(r -> {
                if (r.size() != width) {
                    throw new IllegalArgumentException(sheet + ": row of " + r.size() + " cells for "
                            + width + " columns");
                }
                return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r));
            }).toList();
        }
    }

    /** A cell as a number, whatever numeric class the summary put in it. */
    static BigDecimal decimal(Object value) {
        return switch (value) {
            case BigDecimal b -> b;
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Number n -> BigDecimal.valueOf(n.doubleValue());
            default -> throw new IllegalArgumentException("not a number: " + value);
        };
    }

    static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        throw new IllegalArgumentException("not a date: " + value);
    }
}
