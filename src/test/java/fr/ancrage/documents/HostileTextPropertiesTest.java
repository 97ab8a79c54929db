package fr.ancrage.documents;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import javax.xml.parsers.SAXParserFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: whatever string a user types or pastes (any UTF-16, lone surrogates and controls
 * included), every writer produces a well-formed file: each XML part of the ODT, ODS and XLSX parses,
 * the PDF loads, the CSV is UTF-8 and gives the text back.
 */
class HostileTextPropertiesTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 3, 17, 10, 30, 0, 0, ZoneOffset.UTC);

    @Provide
    Arbitrary<String> texts() {
        String hostile = "\u0000\u0001\u0007\t\n\r\u001F\u007F\u0085\u009F\u200D\u202A\u202E\u2066\u2069\uFE0F"
                + "\uD83D\uDE00\uD83C\uDDEB\uD83C\uDDF7\uD800\uDBFF\uDC00\uDFFF\uFFFE\uFFFF\uFDD0<&>\"']]=+-@ aé€";
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(60),
                Arbitraries.strings().withChars(hostile).ofMaxLength(60));
    }

    @Property(tries = 60)
    void everyWriterWritesAWellFormedFile(@ForAll("texts") String text) throws Exception {
        Doc doc = new Doc(text, text, text, CREATED, List.of(new Doc.Heading(1, text), new Doc.Paragraph(text),
                new Doc.Facts(List.of(new Doc.Fact(text, text))),
                new Doc.Table(List.of(Doc.Column.text(text, 1), Doc.Column.number(text, 1)), List.of(List.of(text, text)), false),
                new Doc.BarChart(text, List.of(text), List.of(new Doc.Series(text, 0x123456, List.of(1.0), List.of(text))))));
        Workbook book = new Workbook(text, CREATED, List.of(new Workbook.Sheet(text,
                List.of(Workbook.Column.of(text, Workbook.Kind.TEXT), Workbook.Column.of(text, Workbook.Kind.CODE)),
                List.of(List.of(text, text)))));

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfOutput.write(doc, "test", pdf);
        try (PDDocument loaded = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(loaded.getNumberOfPages()).isPositive();
        }
        ByteArrayOutputStream odt = new ByteArrayOutputStream();
        OdtOutput.write(doc, "test", odt);
        assertXmlParts(odt.toByteArray());
        ByteArrayOutputStream ods = new ByteArrayOutputStream();
        OdsOutput.write(book, "test", ods);
        assertXmlParts(ods.toByteArray());
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        XlsxOutput.write(book, "1.0", xlsx);
        assertXmlParts(xlsx.toByteArray());

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        CsvOutput.write(book.sheets().getFirst(), csv);
        byte[] bytes = csv.toByteArray();
        String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 3, bytes.length - 3)).toString();
        List<CsvRecord> records;
        try (var reader = CsvReader.builder().fieldSeparator(';').ofCsvRecord(decoded)) {
            records = reader.stream().toList();
        }
        // the text as every format keeps it: cleaned, and after a quote when it begins like a formula
        String kept = expected(text);
        if (!kept.isEmpty() && "=+-@\t\r".indexOf(kept.charAt(0)) >= 0) {
            kept = "'" + kept;
        }
        assertThat(records).hasSizeGreaterThanOrEqualTo(2);
        assertThat(records.get(1).getField(0)).isEqualTo(kept);
    }

    /**
     * The rule of decision 0014, written out again: controls but tab, LF and CR out, C1 controls,
     * bidirectional embeddings, overrides and isolates and noncharacters out, a lone surrogate U+FFFD.
     */
    static String expected(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                sb.append('\uFFFD');
            } else if (!(cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' || cp >= 0x7F && cp <= 0x9F
                    || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069
                    || cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE)) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static void assertXmlParts(byte[] zip) throws Exception {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        int parsed = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
                    byte[] part = in.readAllBytes();
                    try (InputStream xml = new ByteArrayInputStream(part)) {
                        factory.newSAXParser().parse(xml, new org.xml.sax.helpers.DefaultHandler());
                    } catch (org.xml.sax.SAXException x) {
                        throw new AssertionError(e.getName() + ": " + x.getMessage(), x);
                    }
                    parsed++;
                }
            }
        }
        assertThat(parsed).isGreaterThanOrEqualTo(4);
    }
}
