package fr.ancrage.documents.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a spreadsheet file a team brings (CSV, XLSX, ODS; and the attributes of a GeoJSON) for reading, whatever its name says: the
 * format is found from the content. Everything is bounded ({@link Limits}): a file that is really a
 * zip bomb, a 1 MB cell, a row of thousands of columns is refused with where it is, never read whole.
 */
public final class Spreadsheets {

    /**
     * The bounds of what is read. {@code maxFileBytes}: the file itself; {@code maxEntryBytes},
     * {@code maxTotalBytes}, {@code maxRatio} (for entries past {@code ratioFromBytes}): what the
     * zip of an XLSX or ODS may inflate to; {@code maxCellChars}: a cell (32,767, the limit of the
     * spreadsheet programs themselves); {@code maxColumns}: the last column holding something.
     */
    public record Limits(long maxFileBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio,
                         long ratioFromBytes, int maxCellChars, int maxColumns) {

        public static final Limits DEFAULT = new Limits(256L << 20, 10_000, 1L << 30, 2L << 30, 250, 4L << 20,
                32_767, 1_000);
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private Spreadsheets() {
    }

    /** Opens {@code file}; for a CSV, read with {@code csv} (null: as {@link #detect} finds it). */
    public static SheetFile open(Path file, CsvSettings csv) throws SheetFileException {
        return open(file, csv, Limits.DEFAULT);
    }

    public static SheetFile open(Path file, CsvSettings csv, Limits limits) throws SheetFileException {
        String name = file.getFileName().toString();
        byte[] head = head(file, name, limits);
        String extension = extension(name);
        if (startsWith(head, OLE2)) {
            throw new SheetFileException(extension.equals("xls") ? "sheet.refused.xls" : "sheet.refused.protected", name);
        }
        if (startsWith(head, ZIP)) {
            return SheetZip.open(file, name, limits);
        }
        if (extension.equals("xlsx") || extension.equals("ods") || extension.equals("xls")) {
            throw new SheetFileException("sheet.refused.notWhatItSays", name, extension);
        }
        if (GeoJsonSheet.looksLikeJson(head) && (extension.equals("geojson") || extension.equals("json"))) {
            return new GeoJsonSheet(file, name, limits);
        }
        if (binary(head)) {
            throw new SheetFileException("sheet.refused.notASheet", name);
        }
        return new CsvSheet(file, name, csv == null ? detect(file) : csv, limits);
    }

    /**
     * How a CSV should be read, found from its content: a byte order mark says its encoding; else
     * a file that is valid UTF-8 is UTF-8, and any other Windows-1252 (what Excel writes under
     * Windows; ISO-8859-15 differs only by eight rare characters, and the user can choose it). The
     * separator is the one of {@code ;}, {@code ,} and tab that splits the first lines into the
     * same number of fields most often, {@code ;} when in doubt (French spreadsheet programs).
     */
    public static CsvSettings detect(Path file) throws SheetFileException {
        String name = file.getFileName().toString();
        byte[] head = head(file, name, Limits.DEFAULT);
        Charset encoding;
        boolean bom = false;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            encoding = StandardCharsets.UTF_8;
            bom = true;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            encoding = StandardCharsets.UTF_16LE;
            bom = true;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            encoding = StandardCharsets.UTF_16BE;
            bom = true;
        } else {
            encoding = validUtf8(file, name) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        }
        return new CsvSettings(encoding, CsvSheet.separator(file, name, encoding, bom), bom);
    }

    /** The first bytes of the file (8 KB), refusing an empty or too large one. */
    private static byte[] head(Path file, String name, Limits limits) throws SheetFileException {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new SheetFileException("sheet.refused.empty", name);
            }
            if (size > limits.maxFileBytes()) {
                throw new SheetFileException("sheet.refused.tooLarge", name, limits.maxFileBytes() >> 20);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(8192);
            }
        } catch (IOException e) {
            throw new SheetFileException("sheet.refused.unreadable", name, String.valueOf(e.getMessage()));
        }
    }

    private static boolean validUtf8(Path file, String name) throws SheetFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            ByteBuffer pending = ByteBuffer.allocate(buffer.length + 8);
            var out = java.nio.CharBuffer.allocate(buffer.length + 8);
            int n;
            while ((n = in.read(buffer)) > 0) {
                pending.put(buffer, 0, n).flip();
                var result = decoder.decode(pending, out, false);
                if (result.isError()) {
                    return false;
                }
                pending.compact();
                out.clear();
            }
            pending.flip();
            var result = decoder.decode(pending, out, true);
            return !result.isError() && !decoder.flush(out).isError();
        } catch (IOException e) {
            throw new SheetFileException("sheet.refused.unreadable", name, String.valueOf(e.getMessage()));
        }
    }

    /** Text has no NUL byte (a UTF-16 file starts with its mark, read before). */
    private static boolean binary(byte[] head) {
        boolean utf16 = head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF);
        if (utf16) {
            return false;
        }
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A cell longer than the limit: refused with where it is. */
    static void checkCell(String name, String sheet, int row, int column, int length, Limits limits)
            throws SheetFileException {
        if (length > limits.maxCellChars()) {
            throw new SheetFileException("sheet.refused.cellTooLong", name, sheet, row, SheetRow.columnName(column),
                    limits.maxCellChars());
        }
        if (column >= limits.maxColumns()) {
            throw new SheetFileException("sheet.refused.tooManyColumns", name, sheet, row, limits.maxColumns());
        }
    }
}
