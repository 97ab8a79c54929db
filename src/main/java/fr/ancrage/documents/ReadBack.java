package fr.ancrage.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a written file back the way its readers will, before it is reported written (issue 16: an
 * emoji made ODT and ODS files LibreOffice refused, reported as success). A PDF loads with PDFBox and
 * has pages whose content parses; an ODT or ODS has its {@code mimetype} first and every XML part
 * well-formed; an XLSX every XML part well-formed; a CSV is UTF-8 throughout; a zip has every entry
 * whole (checksums). XML is read with {@link XmlCheck} (no DTD). A file that fails throws
 * {@link SafeFiles.Unreadable} saying which part and why.
 */
public final class ReadBack {

    /** Any zip (a package): every entry readable, its checksum right, no name twice. */
    public static final SafeFiles.Check ZIP = file -> {
        try (InputStream in = Files.newInputStream(file)) {
            zip(in, null, List.of());
        }
    };

    private ReadBack() {
    }

    /** The check of a file in this format. */
    public static SafeFiles.Check of(Format format) {
        return file -> {
            if (format == Format.PDF) {
                try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                    pdf(pdf);
                }
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    verify(format, in);
                }
            }
        };
    }

    /** The check for a file named so (pdf, odt, ods, xlsx, csv, zip); none for another extension. */
    public static SafeFiles.Check forFile(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (extension.equals("zip")) {
            return ZIP;
        }
        return Format.parse(extension).map(ReadBack::of).orElse(SafeFiles.UNCHECKED);
    }

    /** Checks a file held in memory (a document about to go into a package). */
    public static void verify(Format format, byte[] content) throws IOException {
        try {
            if (format == Format.PDF) {
                try (PDDocument pdf = Loader.loadPDF(content)) {
                    pdf(pdf);
                }
            } else {
                verify(format, new ByteArrayInputStream(content));
            }
        } catch (SafeFiles.Unreadable e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SafeFiles.Unreadable(String.valueOf(e.getMessage()), e);
        }
    }

    private static void verify(Format format, InputStream in) throws IOException {
        switch (format) {
            case PDF -> throw new IllegalArgumentException("a PDF is loaded whole");
            case ODT, ODS -> zip(in, format.mediaType(), List.of("content.xml", "styles.xml", "META-INF/manifest.xml"));
            case XLSX -> zip(in, null, List.of("[Content_Types].xml", "xl/workbook.xml"));
            case CSV -> utf8(in);
        }
    }

    private static void pdf(PDDocument pdf) throws IOException {
        if (pdf.getNumberOfPages() == 0) {
            throw new SafeFiles.Unreadable("the PDF has no page", null);
        }
        int n = 0;
        for (PDPage page : pdf.getPages()) {
            n++;
            try {
                new PDFStreamParser(page).parse();
            } catch (IOException e) {
                throw new SafeFiles.Unreadable("page " + n + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Reads every entry to its end (the zip stream checks each checksum); parses the XML ones;
     * {@code mimetype}, when given, must be the first entry, stored as ODF wants it.
     */
    private static void zip(InputStream raw, String mimetype, List<String> required) throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(raw)) {
            boolean first = true;
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (!names.add(name)) {
                    throw new SafeFiles.Unreadable(name + " is in the zip twice", null);
                }
                if (first && mimetype != null) {
                    String found = new String(zip.readNBytes(200), StandardCharsets.US_ASCII);
                    if (!name.equals("mimetype") || e.getMethod() != ZipEntry.STORED || !found.equals(mimetype)) {
                        throw new SafeFiles.Unreadable("the first entry is not the mimetype " + mimetype, null);
                    }
                }
                first = false;
                if (XmlCheck.isXml(name)) {
                    try {
                        XmlCheck.parse(zip);
                    } catch (XmlCheck.NotXml x) {
                        throw new SafeFiles.Unreadable(name + ", " + x.getMessage(), x);
                    }
                }
                zip.transferTo(OutputStream.nullOutputStream());
            }
        } catch (ZipException e) {
            throw new SafeFiles.Unreadable("not a readable zip: " + e.getMessage(), e);
        }
        for (String part : required) {
            if (!names.contains(part)) {
                throw new SafeFiles.Unreadable(part + " is missing", null);
            }
        }
    }

    private static void utf8(InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(in, decoder)) {
            reader.transferTo(Writer.nullWriter());
        } catch (CharacterCodingException e) {
            throw new SafeFiles.Unreadable("not UTF-8 text: " + e.getMessage(), e);
        }
    }
}
