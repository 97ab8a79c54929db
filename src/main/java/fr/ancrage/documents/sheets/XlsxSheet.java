package fr.ancrage.documents.sheets;

import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An XLSX read with fastexcel's streaming reader, from a copy of its checked entries ({@link
 * SheetZip}). Numbers keep their value (a SIRET typed as a number is its digits); a number whose
 * format is a date's is a date; a formula is its cached value.
 */
final class XlsxSheet implements SheetFile {

    /** The built-in number formats that are dates or times (ECMA-376, 18.8.30). */
    private static final Set<Integer> DATE_FORMATS = Set.of(14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47);

    private final Path copy;
    private final String name;
    private final Spreadsheets.Limits limits;
    private final ReadableWorkbook workbook;
    private final List<String> sheets;

    private XlsxSheet(Path copy, String name, Spreadsheets.Limits limits, ReadableWorkbook workbook) {
        this.copy = copy;
        this.name = name;
        this.limits = limits;
        this.workbook = workbook;
        this.sheets = workbook.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList();
    }

    static SheetFile open(SheetZip zip, String name, Spreadsheets.Limits limits) throws SheetFileException {
        Path copy = null;
        try (zip) {
            copy = Files.createTempFile("ancrage-classeur-", ".xlsx");
            zip.copyTo(copy);
            ReadableWorkbook wb = new ReadableWorkbook(copy.toFile(), new ReadingOptions(true, false));
            return new XlsxSheet(copy, name, limits, wb);
        } catch (IOException | ExcelReaderException e) {
            delete(copy);
            throw new SheetFileException("sheet.refused.damaged", name);
        } catch (SheetFileException e) {
            delete(copy);
            throw e;
        }
    }

    @Override
    public Format format() {
        return Format.XLSX;
    }

    @Override
    public List<String> sheets() {
        return sheets;
    }

    @Override
    public CsvSettings csv() {
        return null;
    }

    @Override
    public void read(int sheet, Predicate<SheetRow> handler) throws SheetFileException {
        String sheetName = sheets.get(sheet);
        try (Stream<Row> rows = workbook.getSheet(sheet).orElseThrow().openStream()) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row r = it.next();
                SheetRow row = row(r, sheetName);
                if (!row.isEmpty() && !handler.test(row)) {
                    return;
                }
            }
        } catch (IOException | UncheckedIOException | ExcelReaderException e) {
            throw new SheetFileException("sheet.refused.damaged", name);
        }
    }

    private SheetRow row(Row r, String sheetName) throws SheetFileException {
        List<Cell> cells = new ArrayList<>();
        int last = -1;
        for (org.dhatim.fastexcel.reader.Cell c : r) {
            if (c == null) {
                continue;
            }
            Cell cell = cell(c);
            int column = c.getColumnIndex();
            if (cell.isEmpty()) {
                continue;
            }
            Spreadsheets.checkCell(name, sheetName, r.getRowNum(), column, cell.text().length(), limits);
            while (cells.size() < column) {
                cells.add(Cell.EMPTY);
            }
            if (cells.size() == column) {
                cells.add(cell);
            } else {
                cells.set(column, cell);
            }
            last = Math.max(last, column);
        }
        return new SheetRow(r.getRowNum(), cells.subList(0, last + 1));
    }

    private Cell cell(org.dhatim.fastexcel.reader.Cell c) {
        String raw = c.getRawValue();
        return switch (c.getType()) {
            case EMPTY, ERROR -> Cell.EMPTY;
            case STRING -> Cell.text(c.getText());
            case BOOLEAN -> "1".equals(raw) || "true".equalsIgnoreCase(raw) ? Cell.bool(true) : Cell.bool(false);
            case NUMBER -> number(c, raw);
            case FORMULA -> {
                BigDecimal n = number(raw);
                yield n != null ? number(c, raw) : Cell.text(raw == null ? "" : raw);
            }
        };
    }

    private Cell number(org.dhatim.fastexcel.reader.Cell c, String raw) {
        BigDecimal n = number(raw);
        if (n == null) {
            return Cell.text(raw == null ? "" : raw);
        }
        if (isDate(c.getDataFormatId(), c.getDataFormatString())) {
            LocalDateTime d = SerialDates.toDateTime(n, workbook.isDate1904());
            if (d != null) {
                return Cell.date(d);
            }
        }
        return Cell.number(n);
    }

    private static BigDecimal number(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A date's format: a built-in date format, or a format whose codes (outside quotes and brackets) are d, m, y. */
    static boolean isDate(Integer id, String format) {
        if (id != null && DATE_FORMATS.contains(id)) {
            return true;
        }
        if (format == null || format.isBlank() || format.equalsIgnoreCase("General")) {
            return false;
        }
        boolean quoted = false;
        int bracket = 0;
        boolean day = false;
        boolean year = false;
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '\\') {
                i++;
            } else if (!quoted && ch == '[') {
                bracket++;
            } else if (!quoted && ch == ']') {
                bracket--;
            } else if (!quoted && bracket == 0) {
                char lower = Character.toLowerCase(ch);
                day |= lower == 'd' || lower == 'j';
                year |= lower == 'y' || lower == 'a';
            }
        }
        return day || year;
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException ignored) {
            // read only
        }
        delete(copy);
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }
}
