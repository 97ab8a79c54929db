package fr.ancrage.documents.sheets;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A CSV read with FastCSV, in the encoding and with the separator of its {@link CsvSettings}. */
final class CsvSheet implements SheetFile {

    private static final int SAMPLE_LINES = 50;

    private final Path file;
    private final String name;
    private final CsvSettings settings;
    private final Spreadsheets.Limits limits;

    CsvSheet(Path file, String name, CsvSettings settings, Spreadsheets.Limits limits) {
        this.file = file;
        this.name = name;
        this.settings = settings;
        this.limits = limits;
    }

    @Override
    public Format format() {
        return Format.CSV;
    }

    @Override
    public List<String> sheets() {
        return List.of(name);
    }

    @Override
    public CsvSettings csv() {
        return settings;
    }

    @Override
    public void read(int sheet, Predicate<SheetRow> handler) throws SheetFileException {
        if (sheet != 0) {
            throw new IllegalArgumentException("a CSV has one sheet");
        }
        int number = 0;
        try (Reader reader = reader(file, settings.encoding(), settings.bom());
             CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(settings.separator()).quoteCharacter('"')
                     .skipEmptyLines(false).allowExtraFields(true).allowMissingFields(true)
                     .allowExtraCharsAfterClosingQuote(true).detectBomHeader(false)
                     .maxBufferSize(Math.max(limits.maxCellChars() * 4, 1 << 16)).ofCsvRecord(reader)) {
            for (CsvRecord r : csv) {
                number++;
                List<Cell> cells = new ArrayList<>(r.getFieldCount());
                int last = -1;
                for (int c = 0; c < r.getFieldCount(); c++) {
                    String v = r.getField(c);
                    if (!v.isEmpty()) {
                        Spreadsheets.checkCell(name, name, number, c, v.length(), limits);
                        last = c;
                    }
                    cells.add(Cell.text(v));
                }
                SheetRow row = new SheetRow(number, cells.subList(0, last + 1));
                if (!row.isEmpty() && !handler.test(row)) {
                    return;
                }
            }
        } catch (CsvParseException e) {
            // FastCSV stops at a field past its buffer: a cell far longer than any spreadsheet allows
            throw new SheetFileException("sheet.refused.csvCell", name, number + 1, limits.maxCellChars());
        } catch (IOException | UncheckedIOException e) {
            throw new SheetFileException("sheet.refused.unreadable", name, String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void close() {
        // nothing held between reads
    }

    private static Reader reader(Path file, Charset encoding, boolean bom) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (bom) {
            in.skipNBytes(encoding.name().startsWith("UTF-16") ? 2 : 3);
        }
        return new BufferedReader(new InputStreamReader(in, encoding.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)), 1 << 16);
    }

    /**
     * The separator that splits the first lines into the same number of fields most often (quotes
     * respected); among equals, the order of {@link CsvSettings#SEPARATORS}.
     */
    static char separator(Path file, String name, Charset encoding, boolean bom) throws SheetFileException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(reader(file, encoding, bom))) {
            for (String line; lines.size() < SAMPLE_LINES && (line = r.readLine()) != null; ) {
                if (line.length() > 1 << 20) {
                    break;
                }
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new SheetFileException("sheet.refused.unreadable", name, String.valueOf(e.getMessage()));
        }
        char best = ';';
        int bestScore = 0;
        for (char candidate : CsvSettings.SEPARATORS) {
            Map<Integer, Integer> counts = new HashMap<>();
            for (String line : lines) {
                int n = count(line, candidate);
                if (n > 0) {
                    counts.merge(n, 1, Integer::sum);
                }
            }
            int score = counts.values().stream().max(Integer::compare).orElse(0);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static int count(String line, char separator) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                n++;
            }
        }
        return n;
    }
}
