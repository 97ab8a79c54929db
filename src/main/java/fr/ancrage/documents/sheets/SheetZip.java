package fr.ancrage.documents.sheets;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The zip of an XLSX or ODS, read within bounds: its central directory is checked first (number
 * of entries, declared sizes, compression ratios), and every entry is then inflated through a
 * stream that stops past its declared size and checks its CRC, so that a crafted zip (a bomb whose
 * headers lie) is refused, not inflated. The XLSX reader is given a copy made of these checked
 * entries, never the file itself.
 */
final class SheetZip implements AutoCloseable {

    private final ZipFile zip;
    private final String name;
    private final Spreadsheets.Limits limits;
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();
    private long inflated;

    private SheetZip(ZipFile zip, String name, Spreadsheets.Limits limits) {
        this.zip = zip;
        this.name = name;
        this.limits = limits;
    }

    /** Opens the zip and tells an XLSX from an ODS; anything else is refused. */
    static SheetFile open(Path file, String name, Spreadsheets.Limits limits) throws SheetFileException {
        SheetZip z = checked(file, name, limits);
        boolean done = false;
        try {
            SheetFile sheet;
            if (z.entries.containsKey("mimetype") && z.text("mimetype", 200).trim()
                    .equals("application/vnd.oasis.opendocument.spreadsheet")) {
                if (z.entries.containsKey("META-INF/manifest.xml")
                        && z.text("META-INF/manifest.xml", 1 << 20).contains("encryption-data")) {
                    throw new SheetFileException("sheet.refused.protected", name);
                }
                sheet = new OdsSheet(z, name, limits);
            } else if (z.entries.containsKey("xl/workbook.xml")) {
                sheet = XlsxSheet.open(z, name, limits);
            } else {
                throw new SheetFileException("sheet.refused.notASheet", name);
            }
            done = true;
            return sheet;
        } finally {
            if (!done) {
                z.close();
            }
        }
    }

    private static SheetZip checked(Path file, String name, Spreadsheets.Limits limits) throws SheetFileException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new SheetFileException("sheet.refused.damaged", name);
        } catch (IOException e) {
            throw new SheetFileException("sheet.refused.unreadable", name, String.valueOf(e.getMessage()));
        }
        SheetZip z = new SheetZip(zip, name, limits);
        try {
            long total = 0;
            int n = 0;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (++n > limits.maxEntries()) {
                    throw new SheetFileException("sheet.refused.bomb", name, entry.getName());
                }
                if (entry.isDirectory()) {
                    continue;
                }
                long size = entry.getSize();
                long compressed = Math.max(1, entry.getCompressedSize());
                total += Math.max(0, size);
                if (size < 0 || size > limits.maxEntryBytes() || total > limits.maxTotalBytes()
                        || size > limits.ratioFromBytes() && size / compressed > limits.maxRatio()) {
                    throw new SheetFileException("sheet.refused.bomb", name, entry.getName());
                }
                if (z.entries.putIfAbsent(entry.getName(), entry) != null) {
                    throw new SheetFileException("sheet.refused.damaged", name);
                }
            }
        } catch (SheetFileException | RuntimeException e) {
            z.close();
            throw e instanceof SheetFileException s ? s : new SheetFileException("sheet.refused.damaged", name);
        }
        return z;
    }

    boolean has(String entry) {
        return entries.containsKey(entry);
    }

    List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    /** An entry's content, inflated within its declared size, its CRC checked at the end. */
    InputStream open(String entry) throws SheetFileException {
        ZipEntry e = entries.get(entry);
        if (e == null) {
            throw new SheetFileException("sheet.refused.damaged", name);
        }
        try {
            return new Bounded(zip.getInputStream(e), e);
        } catch (IOException ex) {
            throw new SheetFileException("sheet.refused.damaged", name);
        }
    }

    String text(String entry, int max) throws SheetFileException {
        try (InputStream in = open(entry)) {
            return new String(in.readNBytes(max), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw refusal(e);
        }
    }

    /** Copies every checked entry into a new zip, for a reader that wants a whole file. */
    void copyTo(Path target) throws SheetFileException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream copy = new ZipOutputStream(out)) {
            copy.setLevel(1);
            for (String entry : entries.keySet()) {
                copy.putNextEntry(new ZipEntry(entry));
                try (InputStream in = open(entry)) {
                    in.transferTo(copy);
                }
                copy.closeEntry();
            }
        } catch (IOException e) {
            throw refusal(e);
        }
    }

    /** The refusal an entry's stream carried, or the file said damaged. */
    SheetFileException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refused r) {
                return r.refusal;
            }
        }
        return new SheetFileException("sheet.refused.damaged", name);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read only: nothing to lose
        }
    }

    /** A refusal carried through a stream's IOException. */
    static final class Refused extends IOException {
        final transient SheetFileException refusal;

        Refused(SheetFileException refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }
    }

    /** Stops past the declared size (a zip whose headers lie) and checks the CRC at the end. */
    private final class Bounded extends FilterInputStream {
        private final ZipEntry entry;
        private final CRC32 crc = new CRC32();
        private long read;

        Bounded(InputStream in, ZipEntry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                if (read != entry.getSize() || crc.getValue() != entry.getCrc()) {
                    throw new Refused(new SheetFileException("sheet.refused.damaged", name));
                }
                return n;
            }
            read += n;
            inflated += n;
            if (read > entry.getSize() || inflated > limits.maxTotalBytes()) {
                throw new Refused(new SheetFileException("sheet.refused.bomb", name, entry.getName()));
            }
            crc.update(b, off, n);
            return n;
        }
    }
}
