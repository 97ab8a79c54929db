package fr.ancrage.documents.sheets;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;

/**
 * How a CSV is read: its encoding and its field separator, as detected ({@link Spreadsheets#detect})
 * or as the user corrected them. {@code bom}: the file starts with a byte order mark (left out).
 */
public record CsvSettings(Charset encoding, char separator, boolean bom) {

    /** The separators offered: semicolon (French spreadsheet programs), comma, tab. */
    public static final List<Character> SEPARATORS = List.of(';', ',', '\t');

    /** The encodings offered: UTF-8, Windows-1252 (Excel under Windows), ISO-8859-15, UTF-16. */
    public static final List<Charset> ENCODINGS = List.of(java.nio.charset.StandardCharsets.UTF_8,
            Charset.forName("windows-1252"), Charset.forName("ISO-8859-15"),
            java.nio.charset.StandardCharsets.UTF_16LE, java.nio.charset.StandardCharsets.UTF_16BE);

    public CsvSettings {
        Objects.requireNonNull(encoding, "encoding");
        if (!SEPARATORS.contains(separator)) {
            throw new IllegalArgumentException("separator " + (int) separator);
        }
    }

    public CsvSettings with(Charset newEncoding) {
        return new CsvSettings(newEncoding, separator, bom);
    }

    public CsvSettings with(char newSeparator) {
        return new CsvSettings(encoding, newSeparator, bom);
    }
}
