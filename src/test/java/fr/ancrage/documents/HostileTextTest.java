package fr.ancrage.documents;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, « text that breaks files »: a corpus of hostile texts (emoji and their sequences,
 * control characters, noncharacters, bidirectional overrides, lone surrogates, a 300-character word,
 * formula prefixes, XML's specials) in every part of a document and of a workbook, through every
 * writer. Each file validates (veraPDF, ODF validator, every XML part parsed, fastexcel's reader,
 * strict UTF-8), LibreOffice opens the OpenDocument files, and what can be shown still is: emoji
 * kept in ODF, XLSX and CSV, a visible « □ » in the PDF.
 */
class HostileTextTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 3, 17, 10, 30, 0, 0, ZoneOffset.ofHours(1));

    /** A hostile input, what ODF, XLSX and CSV show of it, and what the PDF shows. */
    record Hostile(String input, String kept, String drawn) {
        Hostile(String same) {
            this(same, same, same);
        }
    }

    static final String WORD = "Anticonstitutionnellement".repeat(12);
    static final String C0 = IntStream.rangeClosed(0, 0x1F).collect(StringBuilder::new, StringBuilder::appendCodePoint,
            StringBuilder::append).toString();
    static final String C1 = IntStream.rangeClosed(0x7F, 0x9F).collect(StringBuilder::new, StringBuilder::appendCodePoint,
            StringBuilder::append).toString();

    static final List<Hostile> CORPUS = List.of(
            new Hostile("Café 😀 au lait", "Café 😀 au lait", "Café □ au lait"),
            new Hostile("Famille 👩‍👩‍👧‍👦 réunie", "Famille 👩‍👩‍👧‍👦 réunie", "Famille □ réunie"),
            new Hostile("Drapeaux 🇫🇷🇪🇺 levés", "Drapeaux 🇫🇷🇪🇺 levés", "Drapeaux □□ levés"),
            // tab, line feed and carriage return stay (white space), the other controls go
            new Hostile("contrôle" + C0 + "fin", "contrôle fin", "contrôle fin"),
            new Hostile("c1" + C1 + "fin", "c1fin", "c1fin"),
            new Hostile("non\uFFFE\uFFFFcaractères", "noncaractères", "noncaractères"),
            new Hostile("bidi \u202Eabc\u202C et \u2066isolé\u2069 \u202A\u202B\u202Dfin", "bidi abc et isolé fin",
                    "bidi abc et isolé fin"),
            new Hostile("haut\uD800seul", "haut\uFFFDseul", "haut□seul"),
            new Hostile("bas\uDC00seul", "bas\uFFFDseul", "bas□seul"),
            new Hostile(WORD),
            new Hostile("=1+1"),
            new Hostile("+33 1 23 45 67 89"),
            new Hostile("-2"),
            new Hostile("@SUM(A1:A2)"),
            new Hostile("=HYPERLINK(\"http://x\",\"y\")"),
            new Hostile("<&>\"' spéciaux"),
            new Hostile("fin ]]> de section"));

    static final Hostile TITLE = new Hostile("Titre 😀\u0001\u202E =1+1 <&>", "Titre 😀 =1+1 <&>", "Titre □ =1+1 <&>");
    static final Hostile SUBTITLE = new Hostile("Sous-titre \uD83D fin\u0007", "Sous-titre \uFFFD fin", "Sous-titre □ fin");
    static final Hostile FOOTER = new Hostile("Pied " + WORD + " 🇫🇷\u0000", "Pied " + WORD + " 🇫🇷", "Pied " + WORD + " □");

    @TempDir
    static Path dir;

    static Path pdf;
    static Path odt;
    static Path ods;
    static Path xlsx;
    static Path csv;

    static Doc document() {
        List<Doc.Block> blocks = new ArrayList<>();
        blocks.add(new Doc.Heading(1, "Chapitre " + CORPUS.getFirst().input()));
        for (Hostile h : CORPUS) {
            blocks.add(new Doc.Heading(2, h.input()));
            blocks.add(new Doc.Paragraph(h.input()));
        }
        blocks.add(new Doc.Paragraph(CORPUS.get(1).input(), Doc.Emphasis.STRONG));
        blocks.add(new Doc.Paragraph(CORPUS.get(2).input(), Doc.Emphasis.NOTE));
        blocks.add(new Doc.Facts(CORPUS.stream().map(h -> new Doc.Fact(h.input(), h.input())).toList()));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < CORPUS.size(); i++) {
            rows.add(List.of(Integer.toString(i + 1), CORPUS.get(i).input()));
        }
        blocks.add(new Doc.Table(List.of(Doc.Column.number("N° " + CORPUS.get(7).input(), 1),
                Doc.Column.text(CORPUS.getFirst().input(), 5)), rows, true));
        List<String> categories = CORPUS.stream().map(Hostile::input).toList();
        List<Double> values = IntStream.range(0, categories.size()).mapToObj(i -> (double) i).toList();
        List<String> labels = IntStream.range(0, categories.size()).mapToObj(i -> CORPUS.get(i % 5).input()).toList();
        blocks.add(new Doc.BarChart("Graphique " + CORPUS.get(3).input(), categories,
                List.of(new Doc.Series("Cible 😀\u0001", 0x9AB3CF, values, labels))));
        return new Doc(TITLE.input(), SUBTITLE.input(), FOOTER.input(), CREATED, blocks);
    }

    static Workbook workbook() {
        List<Workbook.Column> columns = List.of(Workbook.Column.of(CORPUS.getFirst().input(), Workbook.Kind.TEXT),
                Workbook.Column.of("Code " + CORPUS.get(3).input(), Workbook.Kind.CODE),
                Workbook.Column.of("Nombre", Workbook.Kind.INTEGER));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < CORPUS.size(); i++) {
            rows.add(List.of(CORPUS.get(i).input(), CORPUS.get(i).input(), i));
        }
        List<Workbook.Sheet> sheets = new ArrayList<>();
        sheets.add(new Workbook.Sheet("Données", columns, rows));
        // every hostile text as a sheet name, the first twice
        for (Hostile h : CORPUS) {
            sheets.add(new Workbook.Sheet(h.input(), columns, rows.subList(0, 1)));
        }
        sheets.add(new Workbook.Sheet(CORPUS.getFirst().input(), columns, rows.subList(0, 1)));
        return new Workbook(TITLE.input(), CREATED, sheets);
    }

    @BeforeAll
    static void write() throws IOException {
        Doc doc = document();
        Workbook book = workbook();
        pdf = dir.resolve("hostile.pdf");
        SafeFiles.write(pdf, out -> PdfOutput.write(doc, "Ancrage test", out));
        odt = dir.resolve("hostile.odt");
        SafeFiles.write(odt, out -> OdtOutput.write(doc, "Ancrage test", out));
        ods = dir.resolve("hostile.ods");
        SafeFiles.write(ods, out -> OdsOutput.write(book, "Ancrage test", out));
        xlsx = dir.resolve("hostile.xlsx");
        SafeFiles.write(xlsx, out -> XlsxOutput.write(book, "1.0", out));
        csv = dir.resolve("hostile.csv");
        SafeFiles.write(csv, out -> CsvOutput.write(book.sheets().getFirst(), out));
    }

    /** White space made single spaces (a line break, a tab and a space all show as space). */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Without any white space: a PDF's lines cut words and put breaks anywhere. */
    static String solid(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** What a text cell holds: the text as kept, after a quote when it begins like a formula (OWASP). */
    static String cell(Hostile h) {
        return "=+-@".indexOf(h.kept().charAt(0)) >= 0 ? "'" + h.kept() : h.kept();
    }

    /** Every XML part of a zip parsed by the JDK's parser, no DTD allowed. */
    static void assertEveryXmlPartParses(Path file) throws Exception {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        int parsed = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        factory.newSAXParser().parse(in, new org.xml.sax.helpers.DefaultHandler());
                    } catch (org.xml.sax.SAXException x) {
                        throw new AssertionError(file.getFileName() + " " + e.getName() + ": " + x.getMessage(), x);
                    }
                    parsed++;
                }
            }
        }
        assertThat(parsed).as(file.getFileName() + " XML parts").isGreaterThanOrEqualTo(4);
    }

    @Test
    void thePdfIsPdfA2bAndShowsEveryTextWithASquareForWhatItCannotDraw() throws Exception {
        Conformance.assertAccessiblePdf(pdf);
        String text = Conformance.pdfText(pdf);
        String solid = solid(text);
        for (Hostile h : CORPUS) {
            assertThat(solid).as(h.input()).contains(solid(h.drawn()));
        }
        assertThat(solid).contains(solid(TITLE.drawn()), solid(SUBTITLE.drawn()), solid(FOOTER.drawn()));
        // one square per emoji, sequence or flag, never a question mark per UTF-16 unit
        assertThat(text).doesNotContain("?", "\uFFFD", "\u202E", "\u0001");
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')).isEmpty();
    }

    @Test
    void aLongWordIsCutNeverLostInTablesFactsChartsAndFooters() throws Exception {
        Doc chart = new Doc("Graphique", "", "Pied " + WORD, CREATED, List.of(
                new Doc.BarChart("Libellés longs", List.of(WORD, "court"), List.of(new Doc.Series("Cible", 0x9AB3CF,
                        List.of(1.0, 2.0), List.of("1", "2"))))));
        Doc table = new Doc("Tableau", "", "", CREATED, List.of(
                new Doc.Table(List.of(Doc.Column.number("N°", 1), Doc.Column.text("Libellé", 2)),
                        List.of(List.of("1", WORD)), false),
                new Doc.Facts(List.of(new Doc.Fact("Nom", WORD)))));
        for (Doc doc : List.of(chart, table)) {
            Path file = dir.resolve(doc.title() + ".pdf");
            SafeFiles.write(file, out -> PdfOutput.write(doc, "Ancrage test", out));
            Conformance.assertAccessiblePdf(file);
            String solid = solid(Conformance.pdfText(file));
            int words = solid.split(WORD, -1).length - 1;
            // the chart's label and the footer; the table's cell and the fact
            assertThat(words).as(doc.title()).isEqualTo(2);
        }
    }

    @Test
    void theOdtIsValidAndKeepsEveryText() throws Exception {
        Conformance.assertValidOdf(odt);
        assertEveryXmlPartParses(odt);
        String text = flat(Conformance.odfText(odt));
        for (Hostile h : CORPUS) {
            assertThat(text).as(h.input()).contains(h.kept());
        }
        assertThat(text).contains(TITLE.kept(), SUBTITLE.kept());
        try (ZipFile zip = new ZipFile(odt.toFile())) {
            String styles = new String(zip.getInputStream(zip.getEntry("styles.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(styles).contains(FOOTER.kept());
            String meta = new String(zip.getInputStream(zip.getEntry("meta.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(meta).contains("Titre 😀 =1+1 &lt;&amp;&gt;");
        }
    }

    @Test
    void theOdsIsValidAndItsTextCellsBeginningLikeAFormulaAreQuoted() throws Exception {
        Conformance.assertValidOdf(ods);
        assertEveryXmlPartParses(ods);
        String text = flat(Conformance.odfText(ods));
        for (Hostile h : CORPUS) {
            assertThat(text).as(h.input()).contains(flat(cell(h)));
        }
        try (var doc = org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument.loadDocument(ods.toFile())) {
            List<String> names = doc.getSpreadsheetTables().stream().map(t -> t.getTableName()).toList();
            assertSheetNames(names);
            var first = doc.getSpreadsheetTables().getFirst();
            assertThat(first.getCellByPosition(0, 11).getStringValue()).isEqualTo("'=1+1");
            assertThat(first.getCellByPosition(0, 1).getStringValue()).isEqualTo("Café 😀 au lait");
        }
    }

    private static void assertSheetNames(List<String> names) {
        assertThat(names).hasSize(CORPUS.size() + 2).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).isNotBlank().hasSizeLessThanOrEqualTo(31))
                // no control, none of the characters spreadsheets refuse, no half character
                .allSatisfy(n -> assertThat(n.codePoints().filter(cp -> Character.isISOControl(cp)
                        || "[]:*?/\\'".indexOf(cp) >= 0 || cp >= 0xD800 && cp <= 0xDFFF)).isEmpty());
        assertThat(names).contains("Café 😀 au lait", "Café 😀 au lait (2)", "=1+1", "<&>\"  spéciaux");
    }

    @Test
    void theXlsxReadsBackWithEveryTextAndQuotedFormulas() throws Exception {
        assertEveryXmlPartParses(xlsx);
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertSheetNames(sheets.stream().map(Sheet::getName).toList());
            List<Row> rows;
            try (Stream<Row> s = sheets.getFirst().openStream()) {
                rows = s.toList();
            }
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("Café 😀 au lait");
            assertThat(flat(rows.getFirst().getCellText(1))).isEqualTo("Code contrôle fin");
            for (int i = 0; i < CORPUS.size(); i++) {
                Hostile h = CORPUS.get(i);
                assertThat(flat(rows.get(i + 1).getCellText(0))).as(h.input()).isEqualTo(flat(cell(h)));
                assertThat(flat(rows.get(i + 1).getCellText(1))).as(h.input()).isEqualTo(flat(cell(h)));
            }
        }
    }

    @Test
    void theCsvIsUtf8AndReadsBackWithEveryTextAndQuotedFormulas() throws Exception {
        byte[] bytes = Files.readAllBytes(csv);
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 3, bytes.length - 3)).toString();
        List<CsvRecord> records;
        try (var reader = CsvReader.builder().fieldSeparator(';').ofCsvRecord(text)) {
            records = reader.stream().toList();
        }
        assertThat(records.getFirst().getField(0)).isEqualTo("Café 😀 au lait");
        for (int i = 0; i < CORPUS.size(); i++) {
            Hostile h = CORPUS.get(i);
            assertThat(flat(records.get(i + 1).getField(0))).as(h.input()).isEqualTo(flat(cell(h)));
        }
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c >= 0x7F && c <= 0x9F
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0xFFFE || c == 0xFFFF)).isEmpty();
    }

    @Test
    void libreOfficeOpensTheOpenDocumentFilesWithTheTextStillThere() throws Exception {
        Path soffice = Conformance.libreOffice();
        Assumptions.assumeTrue(soffice != null, "skipped: LibreOffice (soffice) is not installed here");
        Path out = Files.createDirectories(dir.resolve("lo"));
        String fromOdt = solid(Conformance.pdfText(Conformance.convert(soffice, odt, "pdf", out)));
        for (Hostile h : CORPUS) {
            // LibreOffice draws emoji with whatever font it finds: their neighbours are what is checked
            String visible = h.kept().replaceAll("[^\\p{L}\\p{N}\\p{P}\\p{S}\\s]|\\p{So}", " ");
            for (String piece : visible.split("\\s+")) {
                assertThat(fromOdt).as(h.input()).contains(piece);
            }
        }
        Path converted = Conformance.convert(soffice, ods, "csv:Text - txt - csv (StarCalc):59,34,76,1", out);
        String fromOds = Files.readString(converted, StandardCharsets.UTF_8);
        assertThat(fromOds).contains("Café 😀 au lait", "Famille 👩‍👩‍👧‍👦 réunie", "'=1+1", "'@SUM(A1:A2)", "'-2",
                "'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")", WORD, "fin ]]> de section", "bidi abc et isolé fin");
    }
}
