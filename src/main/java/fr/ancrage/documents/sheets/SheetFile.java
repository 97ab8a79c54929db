package fr.ancrage.documents.sheets;

import java.io.Closeable;
import java.util.List;
import java.util.function.Predicate;

/** A spreadsheet file opened for reading: its sheets, each read row by row, never whole in memory. */
public interface SheetFile extends Closeable {

    /** The formats read, found from the file's content (not its name). */
    enum Format { CSV, XLSX, ODS, GEOJSON }

    Format format();

    /** The sheets' names, in the order of the file (a CSV has one, named after the file). */
    List<String> sheets();

    /** For a CSV, the encoding and separator it is read with; null otherwise. */
    CsvSettings csv();

    /**
     * Reads the rows of sheet {@code sheet} (0 for the first) in order, empty rows left out,
     * handing each to {@code handler} until it returns false.
     */
    void read(int sheet, Predicate<SheetRow> handler) throws SheetFileException;

    @Override
    void close();
}
