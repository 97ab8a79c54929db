package fr.ancrage.documents.sheets;

import fr.ancrage.documents.CsvOutput;
import fr.ancrage.documents.OdsOutput;
import fr.ancrage.documents.Workbook;
import fr.ancrage.documents.XlsxOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The spreadsheets teams bring, read whatever their format: CSV in the encodings and with the
 * separators French programs write, XLSX and ODS written by the libraries themselves; and the
 * files that must be refused, each with its reason and where.
 */
class SpreadsheetsTest {

    @TempDir
    Path dir;

    private static final String HEADER = "Raison sociale;SIRET;Code postal;Commune";
    private static final String ROW = "Boulangerie « Fénelon » & fils;01234567890123;01000;Bourg-en-Bresse";

    private static List<SheetRow> rows(SheetFile f, int sheet) throws SheetFileException {
        List<SheetRow> rows = new ArrayList<>();
        f.read(sheet, rows::add);
        return rows;
    }

    private static List<String> texts(SheetRow r) {
        return r.cells().stream().map(Cell::text).toList();
    }

    @ParameterizedTest
    @CsvSource({"UTF-8,false,';'", "UTF-8,true,';'", "windows-1252,false,';'", "ISO-8859-15,false,','",
            "UTF-8,false,'\t'", "UTF-16LE,true,';'"})
    void aCsvIsReadInTheEncodingAndWithTheSeparatorItWasWrittenWith(String encoding, boolean bom, char separator)
            throws Exception {
        Charset cs = Charset.forName(encoding);
        String text = (HEADER + "\r\n" + ROW + "\r\n").replace(';', separator);
        byte[] body = text.getBytes(cs);
        byte[] mark = !bom ? new byte[0] : cs == StandardCharsets.UTF_8 ? new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                : new byte[]{(byte) 0xFF, (byte) 0xFE};
        Path file = dir.resolve("entreprises.csv");
        Files.write(file, concat(mark, body));

        CsvSettings detected = Spreadsheets.detect(file);
        // ISO-8859-15 and Windows-1252 write these characters alike: either reads them right
        Charset expected = cs.name().equals("ISO-8859-15") ? Charset.forName("windows-1252") : cs;
        assertThat(detected.encoding()).isEqualTo(expected);
        assertThat(detected.separator()).isEqualTo(separator);
        assertThat(detected.bom()).isEqualTo(bom);
        try (SheetFile f = Spreadsheets.open(file, null)) {
            assertThat(f.format()).isEqualTo(SheetFile.Format.CSV);
            assertThat(f.sheets()).containsExactly("entreprises.csv");
            List<SheetRow> rows = rows(f, 0);
            assertThat(rows).hasSize(2);
            assertThat(texts(rows.get(0))).containsExactly("Raison sociale", "SIRET", "Code postal", "Commune");
            assertThat(texts(rows.get(1))).containsExactly("Boulangerie « Fénelon » & fils", "01234567890123", "01000",
                    "Bourg-en-Bresse");
            assertThat(rows.get(1).number()).isEqualTo(2);
        }
    }

    @Test
    void rowsAreNumberedAsASpreadsheetProgramShowsThemQuotedLinesAndEmptyRowsIncluded() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.csv"),
                "Nom;Notes\n\"A\";\"deux\nlignes\"\n;\nB;\"=1+1\"\n", StandardCharsets.UTF_8);
        try (SheetFile f = Spreadsheets.open(file, null)) {
            List<SheetRow> rows = rows(f, 0);
            assertThat(rows).extracting(SheetRow::number).containsExactly(1, 2, 4);
            assertThat(rows.get(1).cell(1).text()).isEqualTo("deux\nlignes");
            // a formula in a CSV is text: never evaluated
            assertThat(rows.get(2).cell(1)).isEqualTo(Cell.text("=1+1"));
        }
    }

    @Test
    void theSeparatorAndEncodingTheUserChoosesAreUsed() throws Exception {
        Path file = Files.write(dir.resolve("x.csv"), "Nom,Ville\nÉmile,Besançon\n".getBytes(StandardCharsets.UTF_8));
        try (SheetFile f = Spreadsheets.open(file, new CsvSettings(Charset.forName("windows-1252"), ';', false))) {
            List<SheetRow> rows = rows(f, 0);
            assertThat(texts(rows.get(1))).containsExactly("Ã‰mile,BesanÃ§on");
        }
    }

    private static Workbook workbook() {
        List<Workbook.Column> columns = List.of(Workbook.Column.of("Raison sociale", Workbook.Kind.TEXT),
                Workbook.Column.of("Code INSEE", Workbook.Kind.CODE), Workbook.Column.of("Stages", Workbook.Kind.INTEGER),
                Workbook.Column.of("Montant", Workbook.Kind.DECIMAL), Workbook.Column.of("Signée le", Workbook.Kind.DATE));
        List<List<Object>> rows = List.of(
                Arrays.asList("Boulangerie « Fénelon » 🥖", "01053", 12, new BigDecimal("12500.50"), LocalDate.of(2025, 3, 17)),
                Arrays.asList("Garage du Doubs", "25056", null, null, null));
        return new Workbook("Entreprises", OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC), List.of(
                new Workbook.Sheet("Entreprises", columns, rows),
                new Workbook.Sheet("Notes", List.of(Workbook.Column.of("Note", Workbook.Kind.TEXT)), List.of(List.of("x")))));
    }

    @Test
    void anXlsxAndAnOdsWrittenByTheLibrariesAreReadWithTheirTypes() throws Exception {
        Path xlsx = dir.resolve("entreprises.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            XlsxOutput.write(workbook(), "1.0", out);
        }
        Path ods = dir.resolve("entreprises.ods");
        try (OutputStream out = Files.newOutputStream(ods)) {
            OdsOutput.write(workbook(), "test", out);
        }
        for (Path p : List.of(xlsx, ods)) {
            try (SheetFile f = Spreadsheets.open(p, null)) {
                assertThat(f.format()).isEqualTo(p == xlsx ? SheetFile.Format.XLSX : SheetFile.Format.ODS);
                assertThat(f.sheets()).containsExactly("Entreprises", "Notes");
                List<SheetRow> rows = rows(f, 0);
                assertThat(rows).extracting(SheetRow::number).containsExactly(1, 2, 3);
                SheetRow first = rows.get(1);
                assertThat(first.cell(0).text()).isEqualTo("Boulangerie « Fénelon » 🥖");
                assertThat(first.cell(1)).isEqualTo(Cell.text("01053"));
                assertThat(first.cell(2).kind()).isEqualTo(Cell.Kind.NUMBER);
                assertThat(first.cell(2).number()).isEqualByComparingTo("12");
                assertThat(first.cell(3).number()).isEqualByComparingTo("12500.5");
                assertThat(first.cell(4).kind()).as(p.toString()).isEqualTo(Cell.Kind.DATE);
                assertThat(CellValues.date(first.cell(4))).contains(LocalDate.of(2025, 3, 17));
                assertThat(texts(rows.get(2))).containsExactly("Garage du Doubs", "25056");
                assertThat(rows(f, 1)).extracting(SpreadsheetsTest::texts).containsExactly(List.of("Note"), List.of("x"));
            }
        }
    }

    @Test
    void aSiretStoredAsANumberGetsItsLeadingZeroBack() throws Exception {
        Path xlsx = dir.resolve("nombres.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx);
             org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0")) {
            var ws = wb.newWorksheet("Feuille1");
            ws.value(0, 0, "SIRET");
            ws.value(0, 1, "Code postal");
            ws.value(1, 0, 1234567890123L);
            ws.value(1, 1, 1000);
            ws.value(2, 0, 45000); // a number that is no date: its format is not a date's
        }
        try (SheetFile f = Spreadsheets.open(xlsx, null)) {
            List<SheetRow> rows = rows(f, 0);
            assertThat(CellValues.code(rows.get(1).cell(0), 14)).isEqualTo("01234567890123");
            assertThat(CellValues.code(rows.get(1).cell(1), 5)).isEqualTo("01000");
            assertThat(rows.get(2).cell(0).kind()).isEqualTo(Cell.Kind.NUMBER);
        }
    }

    @Test
    void anOdsRepeatingAMillionEmptyRowsIsReadAtOnceAndItsCommentsAreNotText() throws Exception {
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
                  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
                 <office:body><office:spreadsheet>
                  <table:table table:name="Liste">
                   <table:table-row><table:table-cell office:value-type="string"><text:p>SIRET</text:p></table:table-cell>
                    <table:table-cell table:number-columns-repeated="3"/>
                    <table:table-cell office:value-type="string"><office:annotation><text:p>à vérifier</text:p></office:annotation><text:p>Nom<text:s text:c="2"/>court</text:p><text:p>suite</text:p></table:table-cell>
                   </table:table-row>
                   <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
                   <table:table-row><table:table-cell office:value-type="float" office:value="1234567890123"><text:p>1,23457E+12</text:p></table:table-cell>
                    <table:table-cell office:value-type="date" office:date-value="2025-03-17T00:00:00"><text:p>17/03/25</text:p></table:table-cell></table:table-row>
                   <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
                  </table:table>
                 </office:spreadsheet></office:body></office:document-content>
                """;
        Path ods = zip("brut.ods", "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", content);
        try (SheetFile f = Spreadsheets.open(ods, null)) {
            assertThat(f.sheets()).containsExactly("Liste");
            List<SheetRow> rows = rows(f, 0);
            assertThat(rows).extracting(SheetRow::number).containsExactly(1, 1_048_002);
            assertThat(texts(rows.get(0))).containsExactly("SIRET", "", "", "", "Nom  court\nsuite");
            assertThat(CellValues.code(rows.get(1).cell(0), 14)).isEqualTo("01234567890123");
            assertThat(CellValues.date(rows.get(1).cell(1))).contains(LocalDate.of(2025, 3, 17));
        }
    }

    @Test
    void aHundredThousandRowsAreStreamedAndTheReadingStopsWhenAsked() throws Exception {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 100_000; i++) {
            b.append("Entreprise ").append(i).append(";0000000000000").append(i % 10).append(";25000;Besançon\n");
        }
        Path file = Files.writeString(dir.resolve("grand.csv"), b, StandardCharsets.UTF_8);
        try (SheetFile f = Spreadsheets.open(file, null)) {
            int[] n = {0};
            f.read(0, r -> ++n[0] > 0);
            assertThat(n[0]).isEqualTo(100_001);
            List<SheetRow> page = new ArrayList<>();
            f.read(0, r -> page.add(r) && page.size() < 50);
            assertThat(page).hasSize(50);
        }
    }

    // --- Files refused ---------------------------------------------------------------------------

    private static void refused(Path file, String key, Object... args) {
        assertThatThrownBy(() -> {
            try (SheetFile f = Spreadsheets.open(file, null)) {
                for (int i = 0; i < f.sheets().size(); i++) {
                    f.read(i, r -> true);
                }
            }
        }).isInstanceOfSatisfying(SheetFileException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.args()).startsWith(args);
        });
    }

    @Test
    void emptyTruncatedMisnamedOldOrProtectedFilesAreRefusedWithTheirReason() throws Exception {
        refused(Files.write(dir.resolve("vide.csv"), new byte[0]), "sheet.refused.empty", "vide.csv");
        refused(Files.writeString(dir.resolve("texte.xlsx"), HEADER + "\n"), "sheet.refused.notWhatItSays", "texte.xlsx", "xlsx");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0};
        refused(Files.write(dir.resolve("ancien.xls"), ole2), "sheet.refused.xls", "ancien.xls");
        refused(Files.write(dir.resolve("chiffre.xlsx"), ole2), "sheet.refused.protected", "chiffre.xlsx");
        refused(Files.write(dir.resolve("image.csv"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}),
                "sheet.refused.notASheet", "image.csv");

        Path xlsx = dir.resolve("entier.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            XlsxOutput.write(workbook(), "1.0", out);
        }
        byte[] whole = Files.readAllBytes(xlsx);
        refused(Files.write(dir.resolve("coupe.xlsx"), Arrays.copyOf(whole, whole.length / 2)), "sheet.refused.damaged",
                "coupe.xlsx");
        refused(zip("lettre.ods", "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>"),
                "sheet.refused.notASheet", "lettre.ods");
        refused(zip("secret.ods", "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "xx",
                "META-INF/manifest.xml", "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/>"),
                "sheet.refused.protected", "secret.ods");
    }

    @Test
    void aZipThatInflatesBeyondItsBoundsOrLiesAboutItsSizesIsRefused() throws Exception {
        String big = "<row/>".repeat(200_000);
        Path bomb = zip("bombe.ods", "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", big);
        var small = new Spreadsheets.Limits(1L << 20, 100, 1L << 30, 1L << 30, 50, 1024, 32_767, 1_000);
        assertThatThrownBy(() -> Spreadsheets.open(bomb, null, small)).isInstanceOfSatisfying(SheetFileException.class,
                e -> assertThat(e.args()).containsExactly("bombe.ods", "content.xml"));

        // the central directory says 100 bytes; the entry inflates to far more
        Path liar = zip("menteur.ods", "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", big);
        byte[] bytes = Files.readAllBytes(liar);
        int central = lastIndexOf(bytes, new byte[]{'P', 'K', 1, 2});
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(central + 24, 100);
        Files.write(liar, bytes);
        refused(liar, "sheet.refused.bomb", "menteur.ods", "content.xml");
    }

    @Test
    void aCellLongerThanASpreadsheetAllowsIsRefusedWithItsRowAndColumn() throws Exception {
        Path csv = Files.writeString(dir.resolve("long.csv"), HEADER + "\n" + ROW + "\nX;" + "9".repeat(40_000) + "\n");
        refused(csv, "sheet.refused.cellTooLong", "long.csv", "long.csv", 3, "B", 32_767);
        Path megabyte = Files.writeString(dir.resolve("mega.csv"), HEADER + "\n\"" + "a".repeat(1 << 20) + "\n");
        refused(megabyte, "sheet.refused.csvCell", "mega.csv", 2);
        Path ods = zip("long.ods", "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml",
                "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                        + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                        + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>"
                        + "<table:table table:name=\"F\"><table:table-row><table:table-cell/><table:table-cell><text:p>"
                        + "x".repeat(40_000) + "</text:p></table:table-cell></table:table-row></table:table>"
                        + "</office:spreadsheet></office:body></office:document-content>");
        refused(ods, "sheet.refused.cellTooLong", "long.ods", "F", 1, "B", 32_767);
    }

    @Test
    void aCsvWrittenByAncrageItselfReadsBack() throws Exception {
        Path csv = dir.resolve("liste.csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            CsvOutput.write(workbook().sheets().getFirst(), out);
        }
        try (SheetFile f = Spreadsheets.open(csv, null)) {
            assertThat(f.csv().encoding()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(f.csv().bom()).isTrue();
            List<SheetRow> rows = rows(f, 0);
            assertThat(rows.get(1).cell(0).text()).isEqualTo("Boulangerie « Fénelon » 🥖");
            assertThat(CellValues.code(rows.get(1).cell(1), 5)).isEqualTo("01053");
            assertThat(CellValues.amount(rows.get(1).cell(3)).orElseThrow()).isEqualByComparingTo("12500.5");
            assertThat(CellValues.date(rows.get(1).cell(4))).contains(LocalDate.of(2025, 3, 17));
        }
    }

    private Path zip(String name, String... entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (int i = 0; i < entries.length; i += 2) {
                z.putNextEntry(new ZipEntry(entries[i]));
                z.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return Files.write(dir.resolve(name), b.toByteArray());
    }

    private static int lastIndexOf(byte[] a, byte[] p) {
        for (int i = a.length - p.length; i >= 0; i--) {
            if (Arrays.equals(a, i, i + p.length, p, 0, p.length)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
