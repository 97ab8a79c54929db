package fr.ancrage.documents;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WritersTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 3, 17, 10, 30, 0, 0, ZoneOffset.ofHours(1));

    @TempDir
    Path dir;

    static Doc sampleDoc(int tableRows) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= tableRows; i++) {
            rows.add(List.of("Ligne " + i + " : stage de 3e à l’atelier « Vauban » (œuvre)", String.format("%,d", i * 1000).replace(',', '\u202F')));
        }
        rows.add(List.of("Total", "1\u202F234"));
        return new Doc("Fiche convention 25-2025-001", "Horlogerie Vauban SAS", "Ancrage — préfecture du Doubs", CREATED,
                List.of(new Doc.Heading(1, "Parties"),
                        new Doc.Facts(List.of(new Doc.Fact("Entreprise", "Horlogerie Vauban SAS"),
                                new Doc.Fact("EPCI", "Grand Besançon Métropole"), new Doc.Fact("Notes", ""))),
                        new Doc.Heading(2, "Engagements"),
                        new Doc.Paragraph("Premier paragraphe.\nDeuxième ligne, avec des accents : éèàçù ÉÀ."),
                        new Doc.Table(List.of(Doc.Column.text("Engagement", 3), Doc.Column.number("Cible", 1)), rows, true),
                        new Doc.BarChart("Cibles et réalisé", List.of("Éducation", "Emploi"),
                                List.of(new Doc.Series("Cible", 0x9AB3CF, List.of(12.0, 30.0), List.of("12", "30")),
                                        new Doc.Series("Réalisé", 0x1F5F99, List.of(10.0, 33.0), List.of("10", "33")))),
                        new Doc.Paragraph("Note de bas de document.", Doc.Emphasis.NOTE),
                        new Doc.PageBreak(),
                        new Doc.Paragraph("Dernière page.", Doc.Emphasis.STRONG)));
    }

    static Workbook sampleWorkbook() {
        List<Workbook.Column> columns = List.of(Workbook.Column.of("Commune", Workbook.Kind.TEXT),
                Workbook.Column.of("Code INSEE", Workbook.Kind.CODE), Workbook.Column.of("Stages", Workbook.Kind.INTEGER),
                Workbook.Column.of("Montant", Workbook.Kind.DECIMAL), Workbook.Column.of("Taux", Workbook.Kind.PERCENT),
                Workbook.Column.of("Signée le", Workbook.Kind.DATE));
        List<List<Object>> rows = List.of(
                Arrays.asList("Bourg-en-Bresse; « centre »", "01053", 12, new BigDecimal("1500.50"), new BigDecimal("0.25"), LocalDate.of(2025, 3, 17)),
                Arrays.asList("Besançon", "25056", 3, null, null, null));
        return new Workbook("Liste des conventions", CREATED, List.of(
                new Workbook.Sheet("Conventions", columns, rows),
                new Workbook.Sheet("Totaux: 2025/2026", List.of(Workbook.Column.of("Total", Workbook.Kind.INTEGER)),
                        List.of(List.of(15)))));
    }

    private Path write(String name, SafeFiles.Content content) throws IOException {
        Path file = dir.resolve(name);
        SafeFiles.write(file, content);
        return file;
    }

    @Test
    void pdfIsPdfA2bWithItsTextAndPageNumbers() throws Exception {
        Path pdf = write("fiche.pdf", out -> PdfOutput.write(sampleDoc(80), "Ancrage test", out));
        Conformance.assertAccessiblePdf(pdf);
        String text = Conformance.pdfText(pdf);
        int pages = Conformance.pdfPages(pdf);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(text).contains("Fiche convention 25-2025-001", "Horlogerie Vauban SAS", "Grand Besançon Métropole",
                "Deuxième ligne, avec des accents : éèàçù ÉÀ.", "Ligne 80 : stage de 3e à l’atelier « Vauban » (œuvre)",
                "Cibles et réalisé", "Dernière page.", "1 / " + pages, pages + " / " + pages);
        // the table's header is repeated on the page where it continues
        assertThat(text.split("Engagement\\s+Cible", -1).length - 1).isGreaterThanOrEqualTo(2);
    }

    /** A 60 × 30 PNG standing for an authority's logo. */
    static byte[] logo() {
        var image = new java.awt.image.BufferedImage(60, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 60, 30);
        g.setColor(new java.awt.Color(0x1F3A5F));
        g.fillRect(5, 5, 50, 20);
        g.dispose();
        var png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    @Test
    void pdfIsTaggedPdfUaAndPdfA2u() throws Exception {
        Doc doc = sampleDoc(80).withLetterhead(new Doc.Letterhead("Préfet du Doubs", List.of("Direction de la citoyenneté"),
                List.of("Affaire suivie par : Jeanne Martin"), logo(), "Logo de la préfecture du Doubs"));
        Path pdf = write("fiche.pdf", out -> PdfOutput.write(doc, "Ancrage test", out));
        Conformance.assertPdfUa1(pdf);
        Conformance.assertPdfA2u(pdf);
        List<Conformance.Tag> tags = Conformance.structure(pdf);
        assertThat(tags.getFirst().type()).isEqualTo("Document");
        // the title is the one H1, the document's level 1 and 2 headings are H2 and H3: no level skipped
        assertThat(tags).filteredOn(t -> t.type().equals("H1")).extracting(Conformance.Tag::text)
                .containsExactly("Fiche convention 25-2025-001");
        assertThat(tags).filteredOn(t -> t.type().equals("H2")).extracting(Conformance.Tag::text).containsExactly("Parties");
        assertThat(tags).filteredOn(t -> t.type().equals("H3")).extracting(Conformance.Tag::text).containsExactly("Engagements");
        assertThat(tags).extracting(Conformance.Tag::type).contains("P", "Table", "TR", "TD");
        // the header row is tagged once, column headers; where it is repeated on the next page it is an artifact
        assertThat(tags).filteredOn(t -> t.type().equals("TH") && "Column".equals(t.scope()))
                .extracting(Conformance.Tag::text).containsExactly("Engagement", "Cible");
        // the facts are a table of row headers and values
        assertThat(tags).filteredOn(t -> t.type().equals("TH") && "Row".equals(t.scope()))
                .extracting(Conformance.Tag::text).containsExactly("Entreprise", "EPCI", "Notes");
        // the logo and the chart are figures described by their alternative text
        assertThat(tags).filteredOn(t -> t.type().equals("Figure")).extracting(Conformance.Tag::alt).containsExactly(
                "Logo de la préfecture du Doubs",
                "Cibles et réalisé. Éducation : Cible 12, Réalisé 10. Emploi : Cible 30, Réalisé 33.");
        // read in structure order, the document says what it shows, in the order it shows it; the
        // footers and the repeated header row are left out
        StringBuilder expected = new StringBuilder("Logo de la préfecture du Doubs Préfet du Doubs"
                + " Direction de la citoyenneté Affaire suivie par : Jeanne Martin Fiche convention 25-2025-001 Horlogerie Vauban SAS Parties Entreprise Horlogerie Vauban SAS"
                + " EPCI Grand Besançon Métropole Notes — Engagements Premier paragraphe."
                + " Deuxième ligne, avec des accents : éèàçù ÉÀ. Engagement Cible");
        for (List<String> row : ((Doc.Table) doc.blocks().get(4)).rows()) {
            expected.append(' ').append(row.get(0)).append(' ').append(row.get(1));
        }
        expected.append(" Cibles et réalisé. Éducation : Cible 12, Réalisé 10. Emploi : Cible 30, Réalisé 33.")
                .append(" Note de bas de document. Dernière page.");
        assertThat(Conformance.structureText(pdf)).isEqualTo(Conformance.plain(expected.toString()));
        // the footers (and the header row repeated on the next page) are pagination artifacts
        try (var loaded = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            for (var page : loaded.getPages()) {
                var names = new ArrayList<org.apache.pdfbox.cos.COSName>();
                page.getResources().getPropertiesNames().forEach(names::add);
                assertThat(names).singleElement().satisfies(name -> assertThat(page.getResources().getProperties(name)
                        .getCOSObject().getNameAsString(org.apache.pdfbox.cos.COSName.TYPE)).isEqualTo("Pagination"));
                assertThat(page.getCOSObject().getNameAsString(org.apache.pdfbox.cos.COSName.getPDFName("Tabs"))).isEqualTo("S");
            }
            assertThat(loaded.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(loaded.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(loaded.getDocumentCatalog().getLanguage()).isEqualTo("fr-FR");
        }
    }

    @Test
    void samePdfFromTheSameDocument() throws Exception {
        Path a = write("a.pdf", out -> PdfOutput.write(sampleDoc(5), "Ancrage test", out));
        Path b = write("b.pdf", out -> PdfOutput.write(sampleDoc(5), "Ancrage test", out));
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void odtIsValidOpenDocumentWithTheText() throws Exception {
        Path odt = write("fiche.odt", out -> OdtOutput.write(sampleDoc(10), "Ancrage test", out));
        Conformance.assertValidOdf(odt);
        assertThat(Conformance.odfText(odt)).contains("Fiche convention 25-2025-001", "Grand Besançon Métropole",
                "Ligne 10 : stage", "Cibles et réalisé", "Dernière page.");
    }

    @Test
    void odsKeepsTypesCodesAndSheets() throws Exception {
        Path ods = write("liste.ods", out -> OdsOutput.write(sampleWorkbook(), "Ancrage test", out));
        Conformance.assertValidOdf(ods);
        try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.loadDocument(ods.toFile())) {
            List<OdfTable> tables = doc.getSpreadsheetTables();
            assertThat(tables).extracting(OdfTable::getTableName).containsExactly("Conventions", "Totaux  2025 2026");
            OdfTable t = tables.getFirst();
            assertThat(t.getCellByPosition(1, 1).getStringValue()).isEqualTo("01053");
            assertThat(t.getCellByPosition(2, 1).getDoubleValue()).isEqualTo(12.0);
            assertThat(t.getCellByPosition(3, 1).getDoubleValue()).isEqualTo(1500.5);
            assertThat(t.getCellByPosition(4, 1).getValueType()).isEqualTo("percentage");
            assertThat(t.getCellByPosition(5, 1).getDateValue().get(java.util.Calendar.YEAR)).isEqualTo(2025);
        }
    }

    @Test
    void xlsxKeepsTypesAndCodes() throws Exception {
        Path xlsx = write("liste.xlsx", out -> XlsxOutput.write(sampleWorkbook(), "1.0", out));
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            assertThat(wb.getSheets().map(s -> s.getName())).containsExactly("Conventions", "Totaux  2025 2026");
            List<Row> rows;
            try (Stream<Row> s = wb.getFirstSheet().openStream()) {
                rows = s.toList();
            }
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("Commune");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("01053");
            assertThat(rows.get(1).getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("12");
            assertThat(rows.get(1).getCellAsNumber(3).orElseThrow()).isEqualByComparingTo("1500.5");
            assertThat(rows.get(1).getCellAsDate(5).map(d -> d.toLocalDate())).contains(LocalDate.of(2025, 3, 17));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void largeSheetsAreWrittenWhole() throws Exception {
        List<Workbook.Column> columns = List.of(Workbook.Column.of("Référence", Workbook.Kind.CODE),
                Workbook.Column.of("Cible", Workbook.Kind.DECIMAL), Workbook.Column.of("Fin", Workbook.Kind.DATE));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(List.of(String.format("25-2025-%04d", i), BigDecimal.valueOf(i, 1), LocalDate.of(2027, 1, 1).plusDays(i)));
        }
        Workbook big = new Workbook("Grande liste", CREATED, List.of(new Workbook.Sheet("Liste", columns, rows),
                new Workbook.Sheet("Encore", columns, rows)));
        Path xlsx = write("grande.xlsx", out -> XlsxOutput.write(big, "1.0", out));
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in);
             Stream<Row> s = wb.getFirstSheet().openStream()) {
            List<Row> read = s.toList();
            assertThat(read).hasSize(5001);
            assertThat(read.get(5000).getCellText(0)).isEqualTo("25-2025-4999");
            assertThat(read.get(5000).getCellAsDate(2).map(d -> d.toLocalDate())).contains(LocalDate.of(2027, 1, 1).plusDays(4999));
        }
        Path ods = write("grande.ods", out -> OdsOutput.write(big, "test", out));
        try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.loadDocument(ods.toFile())) {
            assertThat(doc.getSpreadsheetTables().getFirst().getRowCount()).isEqualTo(5001);
        }
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in);
             Stream<Row> s = wb.getSheets().toList().get(1).openStream()) {
            assertThat(s.count()).isEqualTo(5001);
        }
    }

    @Test
    void csvHasBomSemicolonsFrenchNumbersAndLeadingZeros() throws Exception {
        Path csv = write("liste.csv", out -> CsvOutput.write(sampleWorkbook().sheets().getFirst(), out));
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).containsExactly(
                "Commune;Code INSEE;Stages;Montant;Taux;Signée le",
                "\"Bourg-en-Bresse; « centre »\";01053;12;1500,5;25 %;17/03/2025",
                "Besançon;25056;3;;;");
    }

    /** Issue 16: a text that a spreadsheet would run as a formula is written after a quote (OWASP). */
    @Test
    void csvNeutralisesFormulaLikeTexts() throws Exception {
        List<String> hostile = List.of("=HYPERLINK(\"http://x\";\"clic\")", "+33 1 23", "-2", "@SUM(A1)", "\tcmd",
                "\rcmd", "Émile = 1", "");
        List<List<Object>> rows = hostile.stream().<List<Object>>map(t -> List.of(t, t)).toList();
        Workbook.Sheet sheet = new Workbook.Sheet("Noms", List.of(Workbook.Column.of("Nom", Workbook.Kind.TEXT),
                Workbook.Column.of("Code", Workbook.Kind.CODE)), rows);
        Path csv = write("noms.csv", out -> CsvOutput.write(sheet, out));
        byte[] bytes = Files.readAllBytes(csv);
        List<de.siegmar.fastcsv.reader.CsvRecord> records;
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().fieldSeparator(';')
                .ofCsvRecord(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))) {
            records = reader.stream().toList();
        }
        assertThat(records.subList(1, records.size())).extracting(r -> r.getField(0)).containsExactly(
                "'=HYPERLINK(\"http://x\";\"clic\")", "'+33 1 23", "'-2", "'@SUM(A1)", "'\tcmd", "'\rcmd",
                "Émile = 1", "");
        assertThat(records.subList(1, records.size())).allMatch(r -> r.getField(1).equals(r.getField(0)));
    }

    @Test
    void aDocumentGetsTheFolderUsualPermissions() throws Exception {
        Path plain = Files.writeString(dir.resolve("ordinaire.txt"), "x");
        Path written = write("liste.csv", out -> CsvOutput.write(sampleWorkbook().sheets().getFirst(), out));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }

    @Test
    void aFailedWriteLeavesNoFileBehind() throws Exception {
        Path target = dir.resolve("liste.ods");
        assertThatThrownBy(() -> SafeFiles.write(target, out -> {
            out.write("début".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).hasMessageContaining("No space left");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    /** Issue 16: a written file is read back before it replaces the target; one that fails leaves nothing. */
    @Test
    void aFileThatFailsItsReadingBackLeavesNoFileAndTheTargetAsItWas() throws Exception {
        Path target = dir.resolve("liste.csv");
        Files.writeString(target, "l’ancienne liste");
        assertThatThrownBy(() -> SafeFiles.write(target, out -> out.write(new byte[] {'C', 'a', 'f', (byte) 0xE9}),
                ReadBack.of(Format.CSV))).isInstanceOf(SafeFiles.Unreadable.class).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> SafeFiles.write(target, out -> out.write(1), written -> {
            throw new IllegalStateException("a reader's own failure");
        })).isInstanceOf(SafeFiles.Unreadable.class).hasMessageContaining("a reader's own failure");
        assertThat(Files.readString(target)).isEqualTo("l’ancienne liste");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        // every writer's own file reads back
        SafeFiles.write(dir.resolve("a.pdf"), out -> PdfOutput.write(sampleDoc(3), "test", out), ReadBack.of(Format.PDF));
        SafeFiles.write(dir.resolve("a.odt"), out -> OdtOutput.write(sampleDoc(3), "test", out), ReadBack.of(Format.ODT));
        SafeFiles.write(dir.resolve("a.ods"), out -> OdsOutput.write(sampleWorkbook(), "test", out), ReadBack.of(Format.ODS));
        SafeFiles.write(dir.resolve("a.xlsx"), out -> XlsxOutput.write(sampleWorkbook(), "1.0", out), ReadBack.of(Format.XLSX));
        SafeFiles.write(target, out -> CsvOutput.write(sampleWorkbook().sheets().getFirst(), out), ReadBack.of(Format.CSV));
        assertThat(Files.readString(target)).contains("Besançon");
    }

    @Test
    void libreOfficeOpensTheOpenDocumentFiles() throws Exception {
        Path soffice = Conformance.libreOffice();
        Assumptions.assumeTrue(soffice != null,
                "skipped: LibreOffice (soffice) is not installed here; .ci/run installs libreoffice-writer-nogui and libreoffice-calc-nogui");
        Path odt = write("fiche.odt", out -> OdtOutput.write(sampleDoc(10), "Ancrage test", out));
        Path ods = write("liste.ods", out -> OdsOutput.write(sampleWorkbook(), "Ancrage test", out));
        Path out = Files.createDirectories(dir.resolve("lo"));
        Path pdf = Conformance.convert(soffice, odt, "pdf", out);
        assertThat(Conformance.pdfText(pdf)).contains("Fiche convention 25-2025-001", "Grand Besançon Métropole", "Dernière page.");
        Path csv = Conformance.convert(soffice, ods, "csv:Text - txt - csv (StarCalc):59,34,76,1", out);
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("01053", "Bourg-en-Bresse; « centre »", "12");
    }
}
