package fr.ancrage.documents.sheets;

import java.util.List;

/**
 * A row of a sheet: its number as the spreadsheet program shows it (1 for the first row; for a
 * CSV, the record's rank, as a spreadsheet program opening it numbers it), and its cells from
 * column A, without the empty ones at the end.
 */
public record SheetRow(int number, List<Cell> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    /** The cell of a column (0 for A), empty beyond the last one. */
    public Cell cell(int column) {
        return column < cells.size() ? cells.get(column) : Cell.EMPTY;
    }

    public boolean isEmpty() {
        return cells.stream().allMatch(Cell::isEmpty);
    }

    /** The column's letters, as spreadsheet programs name it: 0 → A, 25 → Z, 26 → AA. */
    public static String columnName(int column) {
        StringBuilder b = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            b.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return b.toString();
    }
}
